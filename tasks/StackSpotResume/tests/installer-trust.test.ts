import * as crypto from "crypto";
import { AgentSandbox, runTask } from "./support/agent";
import { buildBundle } from "./support/bundle";
import { inputCredentials } from "./support/credentials";
import { InstallerServer, installerScript } from "./support/installer-server";
import { makeTestCertificate } from "./support/tls";

const sha256 = (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex");

describe("trusting the installer", () => {
  let sandbox: AgentSandbox;
  const servers: InstallerServer[] = [];

  beforeAll(buildBundle);
  beforeEach(() => {
    sandbox = new AgentSandbox();
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
    sandbox.remove();
  });

  async function startServer(
    version = "5.3.1",
    tls?: { key: string; cert: string },
  ): Promise<InstallerServer> {
    const server = new InstallerServer({ version, tls });
    await server.start();
    servers.push(server);
    return server;
  }

  function run(inputs: Record<string, string>, extraEnv?: Record<string, string>) {
    const { key, inputs: credentials } = inputCredentials();
    return runTask(sandbox, {
      inputs: { ...credentials, executionId: "exec-8", ...inputs },
      extraEnv,
      secrets: [key],
    });
  }

  const stkVersions = (result: Awaited<ReturnType<typeof run>>) => [
    ...new Set(result.records.filter((r) => r.tool === "stk").map((r) => r.version)),
  ];

  test("downloads over https without allowInsecureInstaller or a warning, trusting the agent's CA", async () => {
    const certificate = makeTestCertificate(`${sandbox.root}/tls`);
    const server = await startServer("5.3.1", certificate);
    expect(server.baseUrl).toMatch(/^https:/);
    const result = await run(
      { installerBaseUrl: server.baseUrl },
      { AGENT_CAINFO: certificate.certFile },
    );
    expect(result.result).toBe("Succeeded");
    expect(result.warnings).toEqual([]);
    expect(server.installerRequests).toHaveLength(1);
  });

  test("does not download from an https address whose certificate the agent does not trust", async () => {
    const server = await startServer("5.3.1", makeTestCertificate(`${sandbox.root}/tls`));
    const result = await run({ installerBaseUrl: server.baseUrl });
    expect(result.result).toBe("Failed");
    expect(result.resultMessage).toContain(`could not be downloaded from ${server.baseUrl}`);
    expect(result.resultMessage).toMatch(/self.signed certificate/i);
    expect(result.records).toEqual([]);
  });

  test("refuses a plain http installerBaseUrl before any download", async () => {
    const server = await startServer();
    const result = await run({ installerBaseUrl: server.baseUrl });
    expect(result.result).toBe("Failed");
    expect(result.resultMessage).toContain(
      "The input installerBaseUrl uses plain http: the installer could be altered on its way",
    );
    expect(result.resultMessage).toContain("set allowInsecureInstaller to true");
    expect(server.requests).toEqual([]);
    expect(result.records).toEqual([]);
  });

  test("downloads over plain http only with allowInsecureInstaller, and warns", async () => {
    const server = await startServer();
    const result = await run(server.inputs);
    expect(result.result).toBe("Succeeded");
    expect(result.warnings).toEqual([
      `installerBaseUrl uses plain http (127.0.0.1:${server.port}), allowed by allowInsecureInstaller: the installer could be altered on its way to the agent. Prefer https, or pin installerSha256.`,
    ]);
  });

  test("runs an installer whose SHA-256 matches installerSha256, in either case", async () => {
    const server = await startServer();
    const pin = sha256(installerScript("5.3.1")).toUpperCase();
    const result = await run({ ...server.inputs, installerSha256: pin });
    expect(result.result).toBe("Succeeded");
    expect(result.records.filter((r) => r.tool === "installer")).toHaveLength(1);
    expect(result.stdout).toContain("The installer's SHA-256 matches installerSha256.");
  });

  test("runs nothing of an installer whose SHA-256 differs, naming the input, both hashes and the fix", async () => {
    const server = await startServer();
    const expected = "ab".repeat(32);
    const actual = sha256(installerScript("5.3.1"));
    const result = await run({ ...server.inputs, installerSha256: expected });
    expect(result.result).toBe("Failed");
    expect(result.resultMessage).toContain(
      `The downloaded installer's SHA-256 is ${actual}, but installerSha256 expects ${expected}; none of it was run.`,
    );
    expect(result.resultMessage).toContain("update installerSha256");
    expect(result.records).toEqual([]);
    expect(result.echoedCommands).toEqual([]);
  });

  test("refuses an installerSha256 that is not 64 hexadecimal digits, before any download", async () => {
    const server = await startServer();
    const result = await run({ ...server.inputs, installerSha256: "sha256:1234" });
    expect(result.result).toBe("Failed");
    expect(result.resultMessage).toContain("The input installerSha256 is not a SHA-256 hash");
    expect(server.requests).toEqual([]);
  });

  test("never runs a CLI cached from another installer source", async () => {
    // A tampered mirror whose CLI claims a high version, used once on this (self-hosted) agent.
    const mirror = await startServer("99.0.0");
    const official = await startServer("5.3.1");
    expect((await run(mirror.inputs)).result).toBe("Succeeded");

    const second = await run(official.inputs);
    expect(second.result).toBe("Succeeded");
    expect(official.installerRequests).toHaveLength(1);
    expect(stkVersions(second)).toEqual(["5.3.1"]);
    expect(second.stdout).not.toContain("Using STK CLI 99.0.0");

    // Each source still finds its own cached CLI.
    const third = await run(mirror.inputs);
    expect(mirror.installerRequests).toHaveLength(1);
    expect(stkVersions(third)).toEqual(["99.0.0"]);
  });

  test("a run pinning installerSha256 does not use a CLI cached from the same address unpinned", async () => {
    const server = await startServer();
    expect((await run(server.inputs)).result).toBe("Succeeded");
    const pin = sha256(installerScript("5.3.1"));
    const pinned = await run({ ...server.inputs, installerSha256: pin });
    expect(pinned.result).toBe("Succeeded");
    expect(server.installerRequests).toHaveLength(2);
  });
});
