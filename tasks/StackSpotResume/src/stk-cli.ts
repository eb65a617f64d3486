// The STK CLI commands the task runs, each as an argument list:
//   stk --version
//   stk upgrade
//   stk login --client-id <id> --client-key <key> --realm <realm>
//   stk resume workflow <executionId>
import { CliCommandError } from "./errors";
import { printLogTail } from "./cli-logs";
import { msg, MessageKey } from "./messages";
import { ProcessOutcome, runProcess } from "./process-runner";
import { Redactor } from "./redactor";
import { CommandTimeouts } from "./validation";
import { Credentials } from "./inputs";

export interface StkCliOptions {
  /** HOME of the CLI: where ~/.stk (session, logs, debug trace) is written. */
  home: string;
  env: NodeJS.ProcessEnv;
  redactor: Redactor;
  timeouts: CommandTimeouts;
}

/**
 * Log lines repeated in the failure message shown in the run's summary (all of them are in the
 * log).
 */
const SUMMARY_LOG_LINES = 5;
const VERSION_PATTERN = /\b(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\b/;

export function parseVersion(output: string): string | undefined {
  return VERSION_PATTERN.exec(output)?.[1];
}

export class StkCli {
  constructor(
    readonly executable: string,
    private readonly options: StkCliOptions,
  ) {}

  /**
   * Runs `stk --version`; returns the version, or throws if the CLI does not run or prints none.
   */
  async version(): Promise<string> {
    const outcome = await this.run(
      "stk --version",
      ["--version"],
      this.options.timeouts.shortCommandSeconds,
      "CliVersionRemedy",
    );
    const version = parseVersion(outcome.output);
    if (!version)
      throw new CliCommandError(
        msg("CliVersionUnreadable"),
        msg("CliVersionRemedy"),
        "stk --version",
        0,
      );
    return version;
  }

  async upgrade(): Promise<void> {
    await this.run(
      "stk upgrade",
      ["upgrade"],
      this.options.timeouts.shortCommandSeconds,
      "GenericCommandRemedy",
    );
  }

  async login(credentials: Credentials): Promise<void> {
    const args = [
      "login",
      "--client-id",
      credentials.clientId,
      "--client-key",
      credentials.clientKey,
      "--realm",
      credentials.realm,
    ];
    await this.run(
      "stk login",
      args,
      this.options.timeouts.shortCommandSeconds,
      "LoginRemedy",
      new Set([4]),
    );
  }

  /**
   * The output of `resume` is the workflow's own (the user's code, as trusted as a script step), so
   * its logging commands reach the agent: a workflow may set variables or upload a summary.
   */
  async resumeWorkflow(executionId: string): Promise<void> {
    await this.run(
      "stk resume workflow",
      ["resume", "workflow", executionId],
      this.options.timeouts.resumeSeconds,
      "ResumeRemedy",
      new Set(),
      true,
    );
  }

  private async run(
    name: string,
    args: string[],
    timeoutSeconds: number,
    remedy: MessageKey,
    maskedArgs: ReadonlySet<number> = new Set(),
    passLoggingCommands = false,
  ): Promise<ProcessOutcome> {
    const outcome = await runProcess({
      file: this.executable,
      args,
      env: this.options.env,
      cwd: this.options.home,
      timeoutSeconds,
      redactor: this.options.redactor,
      maskedArgs,
      passLoggingCommands,
    });
    if (outcome.exitCode === 0 && !outcome.timedOut) return outcome;
    const logTail = printLogTail(this.options.home, this.options.redactor);
    throw commandError(name, outcome, timeoutSeconds, remedy, logTail.slice(-SUMMARY_LOG_LINES));
  }
}

export function commandError(
  name: string,
  outcome: ProcessOutcome,
  timeoutSeconds: number,
  remedy: MessageKey,
  logExcerpt: string[] = [],
): CliCommandError {
  if (outcome.timedOut) {
    return new CliCommandError(
      msg("CommandTimedOut", name, timeoutSeconds),
      msg("CommandTimedOutRemedy"),
      name,
      outcome.exitCode,
      logExcerpt,
    );
  }
  if (outcome.startError) {
    return new CliCommandError(
      msg("CommandNotStarted", name, outcome.startError),
      msg(remedy),
      name,
      null,
      logExcerpt,
    );
  }
  if (outcome.exitCode === null) {
    return new CliCommandError(
      msg("CommandKilled", name, outcome.signal ?? "unknown"),
      msg(remedy),
      name,
      null,
      logExcerpt,
    );
  }
  return new CliCommandError(
    msg("CommandFailed", name, outcome.exitCode),
    msg(remedy),
    name,
    outcome.exitCode,
    logExcerpt,
  );
}
