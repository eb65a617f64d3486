import * as fs from "fs";
import * as path from "path";
import { runTask, stkArgumentLists, TaskRun } from "./support/agent";
import { inputCredentials } from "./support/credentials";
import { useAgent } from "./support/use-agent";

describe("a successful run", () => {
  const agent = useAgent({ scope: "each", installer: { version: "5.3.1" } });

  const run = (key: string, inputs: Record<string, string>) =>
    runTask(agent.sandbox, {
      inputs: { ...agent.server.inputs, ...inputs },
      secrets: [key],
    });

  test("installs the CLI, then runs --version, upgrade, login and resume with exactly these argument lists", async () => {
    const { key, inputs } = inputCredentials();
    const result = await run(key, { ...inputs, executionId: "01J8ZK3TQ-exec_42.a:b" });

    expect(result.result).toBe("Succeeded");
    expect(result.resultMessage).toBe(
      "StackSpot workflow execution 01J8ZK3TQ-exec_42.a:b resumed.",
    );
    expect(stkArgumentLists(result)).toEqual([
      ["--version"],
      ["upgrade"],
      ["login", "--client-id", "3f2c9a54-client-id", "--client-key", key, "--realm", "acme-realm"],
      ["resume", "workflow", "01J8ZK3TQ-exec_42.a:b"],
    ]);
    // The installer ran as `bash <downloaded file>`: an argument list, no pipe, no `sh -c`.
    const installer = result.records.filter((r) => r.tool === "installer");
    expect(installer).toHaveLength(1);
    expect(installer[0].argCount).toBe(0);
    expect(result.echoedCommands).toContain(`[command]${bashPath()} ${installer[0].script}`);
    expect(agent.server.installerRequests).toHaveLength(1);
    // Nothing on stderr: no deprecation warning from the libraries on this Node
    // (STACKSPOT_TASK_NODE).
    expect(result.stderr).toBe("");
  });

  test("echoes each command line with the client key replaced by ***", async () => {
    const { key, inputs } = inputCredentials();
    const result = await run(key, { ...inputs, executionId: "exec-1" });
    const login = result.echoedCommands.find((l) => / login /.test(l));
    expect(login).toMatch(
      /\/stk login --client-id 3f2c9a54-client-id --client-key \*\*\* --realm acme-realm$/,
    );
  });

  test("passes the echoed command lines through the redactor, not only the key's position", async () => {
    const { key, inputs } = inputCredentials();
    const result = await run(key, { ...inputs, clientId: `id-${key}`, executionId: "exec-1" });
    const login = result.echoedCommands.find((l) => / login /.test(l));
    expect(login).toMatch(/ login --client-id id-\*\*\* --client-key \*\*\* --realm acme-realm$/);
  });

  test("registers the client key as a secret before the task prints anything of its own", async () => {
    const { key, inputs } = inputCredentials();
    const result = await run(key, { ...inputs, executionId: "exec-1" });
    const lines = result.stdout.split(/\r?\n/);
    const secretAt = lines.indexOf(`##vso[task.setsecret]${key}`);
    expect(secretAt).toBeGreaterThan(-1);
    const firstOwnLine = lines.findIndex(
      (l) => l && !l.startsWith("##vso[task.debug]") && !l.startsWith("##vso[task.setsecret]"),
    );
    expect(secretAt).toBeLessThan(firstOwnLine);
  });

  test("runs stk with the manual's encoding variables and a HOME of its own that is gone afterwards", async () => {
    const { key, inputs } = inputCredentials();
    const result = await run(key, { ...inputs, executionId: "exec-1" });
    const calls = result.records.filter((r) => r.tool === "stk" && r.args?.[0] !== "--version");
    const homes = new Set(calls.map((r) => r.home));
    expect(homes.size).toBe(1);
    const [home] = [...homes];
    expect(path.relative(agent.sandbox.temp, home)).toMatch(/^stackspot-[^/]+\/home$/);
    for (const call of calls) {
      expect(call.env).toMatchObject({
        LANG: "C.UTF-8",
        LANGUAGE: "C.UTF-8",
        LC_ALL: "C.UTF-8",
        PYTHONIOENCODING: "utf-8",
      });
      expect(call.env).toMatchObject({
        HTTP_ENABLE_DEBUG: "false",
        HTTP_ENABLE_FILE_DEBUG: "false",
      });
      // task-lib took the inputs and the endpoint out of the environment; no value carries the key.
      expect(
        Object.keys(call.env ?? {}).filter((k) => /^(INPUT_|ENDPOINT_AUTH|SECRET_)/.test(k)),
      ).toEqual([]);
      expect(Object.values(call.env ?? {}).filter((v) => v.includes(key))).toEqual([]);
    }
    expect(fs.existsSync(path.dirname(home))).toBe(false);
    expect(fs.readdirSync(agent.sandbox.temp).filter((f) => f.startsWith("stackspot-"))).toEqual(
      [],
    );
    expect(fs.existsSync(path.join(agent.sandbox.userHome, ".stk"))).toBe(false);
  });

  test("puts the cached CLI on the PATH for later steps", async () => {
    const { key, inputs } = inputCredentials();
    const result = await run(key, { ...inputs, executionId: "exec-1" });
    const versionFolder = path.join(agent.sandbox.tools, "stk", "5.3.1");
    // <arch>-<hash of the installer source>: see installer-trust.test.ts.
    const [source] = fs.readdirSync(versionFolder).filter((f) => !f.endsWith(".complete"));
    expect(source).toMatch(new RegExp(`^${process.arch}-[0-9a-f]{16}$`));
    const cached = path.join(versionFolder, source);
    expect(result.commands.filter((c) => c.name === "task.prependpath").map((c) => c.data)).toEqual(
      [cached],
    );
    expect(fs.existsSync(`${cached}.complete`)).toBe(true);
    expect(stkExecutables(result)).toEqual([path.join(cached, "stk")]);
  });

  test("a second run on the same agent uses the tool cache and makes no HTTP request", async () => {
    const { key, inputs } = inputCredentials();
    await run(key, { ...inputs, executionId: "exec-1" });
    const requestsAfterFirstRun = agent.server.requests.length;
    const bytesAfterFirstRun = agent.server.bytesSent;

    const second = await run(key, { ...inputs, executionId: "exec-2" });
    expect(second.result).toBe("Succeeded");
    expect(agent.server.requests.length).toBe(requestsAfterFirstRun);
    expect(agent.server.bytesSent).toBe(bytesAfterFirstRun);
    expect(second.records.filter((r) => r.tool === "installer")).toEqual([]);
    expect(second.stdout).toContain("Using STK CLI 5.3.1 from the agent's tool cache");
    expect(stkArgumentLists(second).map((a) => a[0])).toEqual([
      "--version",
      "upgrade",
      "login",
      "resume",
    ]);
  });

  test("accepts an execution id of exactly 128 characters", async () => {
    const { key, inputs } = inputCredentials();
    const id = "a1-_.:".repeat(21) + "xy";
    expect(id).toHaveLength(128);
    const result = await run(key, { ...inputs, executionId: id });
    expect(result.result).toBe("Succeeded");
    expect(stkArgumentLists(result).pop()).toEqual(["resume", "workflow", id]);
  });
});

function bashPath(): string {
  const found = ["/usr/bin/bash", "/bin/bash"].find((p) => fs.existsSync(p));
  return found ?? "bash";
}

function stkExecutables(run: TaskRun): string[] {
  return [
    ...new Set(
      run.records
        .filter((r) => r.tool === "stk" && r.args?.[0] !== "--version")
        .map((r) => r.executable ?? ""),
    ),
  ];
}
