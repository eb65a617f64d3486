import * as fs from "fs";
import * as path from "path";
import { AgentSandbox, runTask, stkArgumentLists } from "./support/agent";
import { buildBundle } from "./support/bundle";
import { inputCredentials } from "./support/credentials";
import { InstallerAnswer, InstallerServer, installerScript } from "./support/installer-server";

describe("downloading the installer", () => {
  let server: InstallerServer | undefined;
  let sandbox: AgentSandbox;

  beforeAll(buildBundle);
  beforeEach(() => {
    sandbox = new AgentSandbox();
  });
  afterEach(async () => {
    await server?.stop();
    sandbox.remove();
  });

  async function runWith(plan: InstallerAnswer[]) {
    server = new InstallerServer({ plan });
    await server.start();
    const { key, inputs } = inputCredentials();
    return runTask(sandbox, {
      inputs: { ...inputs, executionId: "exec-7", ...server.inputs },
      secrets: [key],
    });
  }

  test("retries after two server errors and succeeds on the third attempt", async () => {
    const run = await runWith(["error500", "error500", "ok"]);
    expect(run.result).toBe("Succeeded");
    expect(server!.installerRequests).toHaveLength(3);
    expect(run.stdout).toContain("Download attempt 1 failed: HTTP 500. Retrying in 1000 ms.");
    expect(run.stdout).toContain("Download attempt 2 failed: HTTP 500. Retrying in 2000 ms.");
    expect(run.records.filter((r) => r.tool === "installer")).toHaveLength(1);
  });

  test("fails after three attempts when the server always errs, naming the address and the fix", async () => {
    const run = await runWith(["error500", "error500", "error500", "error500"]);
    expect(run.result).toBe("Failed");
    expect(server!.installerRequests).toHaveLength(3);
    expect(run.resultMessage).toContain(
      `could not be downloaded from ${server!.baseUrl}/install.sh (3 attempt(s)): HTTP 500`,
    );
    expect(run.resultMessage).toContain("set installerBaseUrl to a mirror");
    expect(run.records).toEqual([]);
  });

  test("does not retry an address that does not exist (404)", async () => {
    const run = await runWith(["notFound", "ok"]);
    expect(run.result).toBe("Failed");
    expect(server!.installerRequests).toHaveLength(1);
    expect(run.resultMessage).toContain("(1 attempt(s)): HTTP 404");
  });

  test("never runs an installer that arrived truncated, and retries it", async () => {
    const run = await runWith(["truncated", "ok"]);
    expect(run.result).toBe("Succeeded");
    expect(server!.installerRequests).toHaveLength(2);
    expect(run.stdout).toContain(
      "Download attempt 1 failed: the connection closed before the whole file arrived",
    );
    expect(run.records.filter((r) => r.tool === "installer")).toHaveLength(1);
  });

  test("fails when the installer arrives truncated every time, without running any part of it", async () => {
    const run = await runWith(["truncated", "truncated", "truncated"]);
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain("the connection closed before the whole file arrived");
    expect(run.records).toEqual([]);
    expect(stkArgumentLists(run)).toEqual([]);
    expect(run.echoedCommands).toEqual([]);
  });

  test("runs no line of a script that bash cannot parse (cut short without a transport error)", async () => {
    // A mirror serving a script cut inside an `if` block, with a matching Content-Length. Run
    // directly, bash would execute the first line before tripping over the unfinished block; `bash
    // -n` first means nothing runs.
    const cutScript = [
      "#!/usr/bin/env bash",
      'printf \'{"tool":"installer","script":"%s","argCount":%d,"home":"%s","cwd":"%s"}\\n\' "$0" "$#" "$HOME" "$PWD" >> "$STANDIN_RECORD"',
      "if true; then",
      "  echo half",
      "",
    ].join("\n");
    server = new InstallerServer({ script: cutScript });
    await server.start();
    const { key, inputs } = inputCredentials();
    const run = await runTask(sandbox, {
      inputs: { ...inputs, executionId: "exec-7", ...server.inputs },
      secrets: [key],
    });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain(
      "The downloaded installer is not a complete shell script: bash -n ended with exit code 2.",
    );
    expect(run.records).toEqual([]);
    expect(run.echoedCommands).toHaveLength(1);
    expect(run.echoedCommands[0]).toMatch(/bash -n \S+install\.sh$/);
  });

  test("without bash on the PATH, fails with what to install", async () => {
    server = new InstallerServer();
    await server.start();
    const { key, inputs } = inputCredentials();
    const run = await runTask(sandbox, {
      inputs: { ...inputs, executionId: "exec-7", ...server.inputs },
      extraEnv: { PATH: path.join(sandbox.root, "empty-bin") },
      secrets: [key],
    });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toBe(
      "The STK CLI installer is a bash script, but bash was not found on the agent's PATH. Install bash on the agent (or in the job's container image).",
    );
  });

  test("defuses logging commands the installer prints", async () => {
    const script = installerScript("5.3.1").replace(
      "set -euo pipefail\n",
      "set -euo pipefail\necho 'mirror says ##vso[task.setvariable variable=pwnedInstaller]yes'\n",
    );
    server = new InstallerServer({ script });
    await server.start();
    const { key, inputs } = inputCredentials();
    const run = await runTask(sandbox, {
      inputs: { ...inputs, executionId: "exec-7", ...server.inputs },
      secrets: [key],
    });
    expect(run.result).toBe("Succeeded");
    expect(run.stdout).toContain("mirror says **vso[task.setvariable variable=pwnedInstaller]yes");
    expect(run.stdout).not.toMatch(/##vso\[task\.setvariable/i);
  });

  test("leaves no downloaded file or staging directory behind", async () => {
    await runWith(["truncated", "ok"]);
    expect(fs.readdirSync(sandbox.temp).filter((f) => !f.startsWith("."))).toEqual([]);
    expect(fs.existsSync(path.join(sandbox.userHome, ".stk"))).toBe(false);
  });
});
