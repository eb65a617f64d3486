import * as fs from "fs";
import * as path from "path";
import { runTask, RunOptions, stkArgumentLists } from "./support/agent";
import { inputCredentials } from "./support/credentials";
import { useAgent } from "./support/use-agent";

describe("when the STK CLI fails", () => {
  const agent = useAgent({ scope: "each", installer: { version: "5.3.1" } });

  async function runWith(
    mode: string[],
    extra: Partial<RunOptions> & { inputs?: Record<string, string> } = {},
  ) {
    const { key, inputs } = inputCredentials();
    const run = await runTask(agent.sandbox, {
      ...extra,
      mode,
      inputs: {
        ...inputs,
        executionId: "exec-3",
        ...agent.server.inputs,
        ...extra.inputs,
      },
      secrets: [key],
    });
    return { run, key };
  }

  const jobDirectoriesLeft = () =>
    fs.readdirSync(agent.sandbox.temp).filter((f) => /^stackspot-[^.]+$/.test(f));

  test("a failed login fails the task with the command, the exit code and the last log lines", async () => {
    const { run } = await runWith(["fail-login"]);
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain("`stk login` failed with exit code 3.");
    expect(run.resultMessage).toContain("Check the client id, the client key and the realm");
    expect(run.resultMessage).toMatch(
      /login failed for client 3f2c9a54-client-id in realm acme-realm: invalid_client/,
    );
    expect(run.stdout).toContain(
      "##[group]Last lines of the STK CLI log stk.log (secrets removed):",
    );
    expect(stkArgumentLists(run).map((a) => a[0])).toEqual(["--version", "upgrade", "login"]);
    expect(jobDirectoriesLeft()).toEqual([]);
  });

  test("a CLI that prints the key back, in its output and its log, has it masked everywhere", async () => {
    const { run } = await runWith(["echo-key", "fail-login"]);
    expect(run.result).toBe("Failed");
    // The key was written in two pieces 50 ms apart; the redactor still caught it whole.
    expect(run.stdout).toContain("debug: using key *** for 3f2c9a54-client-id");
    expect(run.stderr).toContain("warning: key *** printed on stderr");
    expect(run.stdout).toMatch(/login with client 3f2c9a54-client-id and key \*\*\*/);
  });

  test("logging commands of the CLI are defused, except in the output of `stk resume`", async () => {
    const { run } = await runWith(["log-commands", "fail-resume"]);
    expect(run.result).toBe("Failed");
    const output = `${run.stdout}\n${run.stderr}\n${run.resultMessage}`;
    // The agent finds ##vso[ anywhere in a line, in any case.
    expect(output).not.toMatch(/##vso\[task\.setvariable variable=pwned/i);
    expect(output).not.toMatch(/##\[error\]not an error/i);
    for (const command of ["--version", "upgrade", "login"])
      expect(run.stdout).toContain(`**vso[task.setvariable variable=pwned]${command}`);
    expect(run.stderr).toContain("note: **VsO[task.setvariable variable=pwnedErr]login");
    expect(run.stdout).toContain("**[error]not an error of the task");
    // Reprinted from ~/.stk/logs after the failure, and repeated in the summary.
    expect(run.stdout).toMatch(/Z \*\*VSO\[task\.setvariable variable=pwnedLog\]yes/);
    expect(run.resultMessage).toContain("**VSO[task.setvariable variable=pwnedLog]yes");
    // The workflow's own output passes through, as a script step's would.
    expect(run.commands).toContainEqual({
      name: "task.setvariable",
      properties: { variable: "fromWorkflow" },
      data: "ok",
    });
  });

  test("a token split over two pieces of a line longer than 16 KB is still masked", async () => {
    const { run } = await runWith(["long-line"]);
    expect(run.result).toBe("Succeeded");
    const token = `tok${"AbCdEfGh12".repeat(40)}`;
    for (let at = 0; at + 40 <= token.length; at += 20)
      expect(run.stdout).not.toContain(token.slice(at, at + 40));
    expect(run.stdout).toContain(" Authorization: Bearer *** done\n");
  });

  test("a failed resume fails the task with the CLI's reason", async () => {
    const { run } = await runWith(["fail-resume"]);
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain("`stk resume workflow` failed with exit code 7.");
    expect(run.resultMessage).toContain(
      "workflow exec-3 failed at step apply-plugin: plugin not found",
    );
    expect(jobDirectoriesLeft()).toEqual([]);
  });

  test("a failed upgrade is a warning: login and resume still run", async () => {
    const { run } = await runWith(["fail-upgrade"]);
    expect(run.result).toBe("Succeeded");
    expect(ownWarnings(run.warnings)).toEqual([
      "`stk upgrade` failed (`stk upgrade` failed with exit code 5.); continuing with STK CLI 5.3.1.",
    ]);
    expect(stkArgumentLists(run).map((a) => a[0])).toEqual([
      "--version",
      "upgrade",
      "login",
      "resume",
    ]);
  });

  test("upgradeCli false skips `stk upgrade`", async () => {
    const { run } = await runWith([], { inputs: { upgradeCli: "false" } });
    expect(run.result).toBe("Succeeded");
    expect(stkArgumentLists(run).map((a) => a[0])).toEqual(["--version", "login", "resume"]);
  });

  test("an upgrade that installs a newer CLI into the job's home is cached and used", async () => {
    const { run } = await runWith(["upgrade-new"]);
    expect(run.result).toBe("Succeeded");
    // Cached under the same installer source as the CLI that upgraded itself.
    const installed = run.records.find((r) => r.args?.[0] === "upgrade")?.executable ?? "";
    const source = path.basename(path.dirname(installed));
    expect(source).toMatch(new RegExp(`^${process.arch}-[0-9a-f]{16}$`));
    const newer = path.join(agent.sandbox.tools, "stk", "5.4.0", source, "stk");
    const login = run.records.find((r) => r.tool === "stk" && r.args?.[0] === "login");
    expect(login?.executable).toBe(newer);
    expect(login?.version).toBe("5.4.0");
    expect(run.stdout).toContain("`stk upgrade` installed STK CLI 5.4.0");

    const next = await runWith([]);
    expect(next.run.stdout).toContain("Using STK CLI 5.4.0 from the agent's tool cache");
  });

  test("a command that hangs is stopped at the time limit, with the programs it started", async () => {
    const { run } = await runWith(["hang-resume"], { inputs: { cliTimeoutSeconds: "2" } });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain(
      "`stk resume workflow` did not finish within 2 seconds and was stopped.",
    );
    expect(run.resultMessage).toContain("Raise cliTimeoutSeconds");
    const child = run.records.find((r) => r.hangingChild !== undefined)?.hangingChild;
    expect(child).toBeDefined();
    expect(isAlive(child!)).toBe(false);
    expect(jobDirectoriesLeft()).toEqual([]);
  });

  test("a time limit that is not a number is refused before any download", async () => {
    const { run } = await runWith([], { inputs: { cliTimeoutSeconds: "10m" } });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain(
      "The input cliTimeoutSeconds is not a whole number of seconds",
    );
    expect(agent.server.requests).toEqual([]);
  });

  test("a run cancelled by the agent stops the CLI and removes its home", async () => {
    const { run } = await runWith(["hang-resume"], {
      interrupt: { stdoutIncludes: "Resuming workflow exec-3", signal: "SIGINT" },
    });
    expect(run.result).toBe("Cancelled");
    const child = run.records.find((r) => r.hangingChild !== undefined)?.hangingChild;
    expect(isAlive(child!)).toBe(false);
    expect(jobDirectoriesLeft()).toEqual([]);
  });
});

/** Warnings other than the one for the stand-in installer's plain http address. */
function ownWarnings(warnings: string[]): string[] {
  return warnings.filter((w) => !w.startsWith("installerBaseUrl uses plain http"));
}

/** Alive and not a zombie (in a container, nobody may reap an orphan that was killed). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = fs.existsSync(`/proc/${pid}/stat`)
    ? fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    : "";
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state !== "Z" && state !== "X";
}
