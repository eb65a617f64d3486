// StackSpotResume@1: reads the inputs, finds or installs the STK CLI, logs in and resumes the
// workflow execution. Every step is a small function in its own file; this file only orders them
// and makes sure the job directory (the CLI's home, holding the StackSpot session) is removed at
// the end. First: silences the libraries' load-time debug line that carries the proxy password.
import { endQuietLoad } from "./quiet-load";
import * as os from "os";
import * as path from "path";
import * as tl from "azure-pipelines-task-lib/task";
import { agentPasswords, cliEnvironment } from "./cli-environment";
import { attachHttpTrace } from "./cli-logs";
import { TaskFailure } from "./errors";
import { readInputs } from "./inputs";
import { findOrInstallCli } from "./installer";
import { JobDirectory } from "./job-directory";
import { defuseCommands } from "./log";
import { msg } from "./messages";
import { stopAllProcesses } from "./process-runner";
import { Redactor } from "./redactor";
import { StkCli } from "./stk-cli";
import { upgradeCli } from "./upgrade";

function agentTempDirectory(): string {
  return tl.getVariable("Agent.TempDirectory") || os.tmpdir();
}

/** Plain http gets past the inputs only with allowInsecureInstaller; it is never silent. */
function warnIfPlainHttp(url: URL): void {
  if (url.protocol === "http:") tl.warning(msg("InsecureMirror", url.host));
}

/**
 * Failure messages can carry text from outside the task (an error of Node or a library, log lines):
 * redacted, and defused although the agent reads one command per line, as a second line of defence.
 */
function fail(error: unknown, redactor: Redactor): void {
  const clean = (text: string) => defuseCommands(redactor.redact(text));
  if (error instanceof TaskFailure) {
    tl.setResult(tl.TaskResult.Failed, clean(error.userMessage));
    return;
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.stack) tl.debug(clean(error.stack));
  tl.setResult(
    tl.TaskResult.Failed,
    clean(`${msg("UnexpectedError", detail)} ${msg("UnexpectedErrorRemedy")}`),
  );
}

/** The agent sends SIGINT, then SIGTERM, when the run is cancelled or times out. */
function removeOnCancel(job: JobDirectory): void {
  const cancel = (signal: NodeJS.Signals) => {
    stopAllProcesses();
    job.remove();
    tl.setResult(tl.TaskResult.Cancelled, msg("Cancelled", signal));
    process.exit(1);
  };
  process.once("SIGINT", cancel);
  process.once("SIGTERM", cancel);
}

async function run(): Promise<void> {
  endQuietLoad();
  tl.setResourcePath(path.join(__dirname, "task.json"));
  const redactor = new Redactor();
  // Step 1, before anything else: the key is read and registered as a secret inside readInputs.
  let job: JobDirectory | undefined;
  let httpDebug = false;
  try {
    // Registered before the inputs are checked, so an execution id holding one is refused too.
    for (const password of agentPasswords()) redactor.addSecret(password);
    const inputs = readInputs(redactor);
    httpDebug = inputs.httpDebug;
    warnIfPlainHttp(inputs.installerBaseUrl);

    job = JobDirectory.create(agentTempDirectory());
    removeOnCancel(job);
    const { timeouts } = inputs;
    let cli = await findOrInstallCli({
      job,
      installerBaseUrl: inputs.installerBaseUrl,
      installerSha256: inputs.installerSha256,
      redactor,
      timeouts,
    });

    const home = job.home;
    const env = cliEnvironment({ home, httpDebug });
    const stk = () => new StkCli(cli.executable, { home, env, redactor, timeouts });
    if (inputs.upgradeCli) cli = await upgradeCli(cli, stk(), { home, redactor, timeouts });
    await stk().login(inputs.credentials);
    await stk().resumeWorkflow(inputs.executionId);
    tl.setResult(tl.TaskResult.Succeeded, msg("Resumed", inputs.executionId));
  } catch (error) {
    fail(error, redactor);
  } finally {
    if (job) {
      try {
        if (httpDebug) attachHttpTrace(job.home, agentTempDirectory(), redactor);
      } catch (error) {
        tl.warning(defuseCommands(redactor.redact(String(error))));
      }
      const problem = job.remove();
      if (problem) tl.warning(msg("CleanupFailed", job.root, redactor.redact(problem)));
    }
  }
}

void run();
