import * as fs from "fs";
import * as path from "path";
import { AgentSandbox, runTask, stkArgumentLists } from "./support/agent";
import { buildBundle } from "./support/bundle";
import { inputCredentials } from "./support/credentials";
import { InstallerServer } from "./support/installer-server";

describe("a successful run", () => {
  let server: InstallerServer;
  let sandbox: AgentSandbox;

  beforeAll(buildBundle);
  beforeEach(async () => {
    server = new InstallerServer({ version: "5.3.1" });
    await server.start();
    sandbox = new AgentSandbox();
  });
  afterEach(async () => {
    await server.stop();
    sandbox.remove();
  });

  test("installs the CLI, logs in and resumes with exactly these argument lists", async () => {
    const { key, inputs } = inputCredentials();
    const run = await runTask(sandbox, {
      inputs: { ...inputs, executionId: "01J8ZK3TQ-exec_42.a:b", installerBaseUrl: server.baseUrl },
      secrets: [key],
    });
    expect(run.result).toBe("Succeeded");
    expect(stkArgumentLists(run)).toEqual([
      ["--version"],
      ["upgrade"],
      ["login", "--client-id", "3f2c9a54-client-id", "--client-key", key, "--realm", "acme-realm"],
      ["resume", "workflow", "01J8ZK3TQ-exec_42.a:b"],
    ]);
    console.log(run.stdout);
  });
});
