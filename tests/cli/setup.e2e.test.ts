// One project end to end through the built CLI against the emulator: plan (reads only), setup (ends
// in the exact contract, read from the emulator's own state), status --json, an idempotent second
// setup, and the decisions --yes accepts.
import { useEmulator } from "../emulator/useEmulator";
import { expectContract } from "../setup/harness";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, runCli } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();

const creatingOptions = (project: string) => ({
  project,
  credentials: {
    kind: "service-connection" as const,
    name: "stackspot",
    create: {
      clientId: CREDENTIALS_ENV.STK_CLIENT_ID,
      clientKey: CREDENTIALS_ENV.STK_CLIENT_KEY,
      realm: CREDENTIALS_ENV.STK_REALM,
    },
  },
});

it("plans without writing, sets up one project to the exact contract, then reports it ready", async () => {
  emu.addProject("Solo");
  const env = emulatorEnv(emu, CREDENTIALS_ENV);

  emu.clearRequests();
  const plan = await runCli(["plan", "--project", "Solo"], env);
  expect(plan.code).toBe(3);
  expect(emu.requests.length).toBeGreaterThan(0);
  expect(emu.requests.filter((r) => r.write)).toEqual([]);
  expect(plan.stdout).toContain('Create the Git repository "repo-runner-actions"');
  expect(plan.stdout).toContain('Create the StackSpot service connection "stackspot"');
  expect(emu.listRepositories("Solo")).toEqual([]);

  const setup = await runCli(["setup", "--project", "Solo"], env);
  expect(setup.stderr).toBe("");
  expect(setup.code).toBe(0);
  expectContract(emu, "Solo", creatingOptions("Solo"));
  const url = `${emu.orgUrl}Solo`;
  expect(setup.stdout).toContain(`Solo: ready — Workflow URL: ${url}`);
  expect(setup.stdout).toMatch(/1 ready — 1 project in/);

  const status = await runCli(["status", "--project", "Solo", "--json"], env);
  expect(status.code).toBe(0);
  const report = JSON.parse(status.stdout);
  expect(report).toMatchObject({
    command: "status",
    exitCode: 0,
    total: 1,
    counts: { ready: 1, failed: 0 },
  });
  expect(report.projects).toHaveLength(1);
  expect(report.projects[0]).toMatchObject({
    project: "Solo",
    status: "ready",
    workflowUrl: url,
    steps: [],
    decisions: [],
  });
  expect(report.projects[0].checklist.map((i: { state: string }) => i.state)).toEqual(
    Array(7).fill("ok"),
  );

  emu.clearRequests();
  const again = await runCli(["setup", "--project", "Solo", "--json"], env);
  expect(again.code).toBe(0);
  expect(emu.requests.filter((r) => r.write)).toEqual([]);
  expect(JSON.parse(again.stdout).projects[0]).toMatchObject({ status: "ready", workflowUrl: url });
});

it("asks before replacing an edited /stackspot.yml, and replaces it with --yes", async () => {
  emu.addProject("Edited");
  const handWritten = "trigger: none\n# written by hand from the manual\n";
  emu.addRepository("Edited", "repo-runner-actions", { files: { "/stackspot.yml": handWritten } });
  const env = emulatorEnv(emu, CREDENTIALS_ENV);

  const first = await runCli(["setup", "--project", "Edited", "--json"], env);
  expect(first.code).toBe(3);
  const project = JSON.parse(first.stdout).projects[0];
  expect(project.status).toBe("needs-decision");
  expect(project.workflowUrl).toBeUndefined();
  expect(project.decisions.map((d: { id: string }) => d.id)).toEqual(["replace-edited-file"]);
  expect(project.decisions[0].answer).toContain("--yes");
  expect(emu.getFile("Edited", "repo-runner-actions", "main", "/stackspot.yml")).toBe(handWritten);

  const plain = await runCli(["plan", "--project", "Edited"], env);
  expect(plain.code).toBe(3);
  expect(plain.stdout).toContain("[decide]");
  expect(plain.stdout).toContain("Run setup again with --yes to accept.");

  const yes = await runCli(["setup", "--project", "Edited", "--yes"], env);
  expect(yes.code).toBe(0);
  expectContract(emu, "Edited", creatingOptions("Edited"));
});

it("without StackSpot credentials, asks for them instead of creating the service connection", async () => {
  emu.addProject("NoCreds");
  const run = await runCli(["setup", "--project", "NoCreds", "--json"], emulatorEnv(emu));
  expect(run.code).toBe(3);
  const project = JSON.parse(run.stdout).projects[0];
  expect(project.status).toBe("needs-decision");
  expect(project.decisions.map((d: { id: string }) => d.id)).toEqual(["provide-credentials"]);
  expect(project.decisions[0].answer).toMatch(/STK_CLIENT_ID, STK_CLIENT_KEY and STK_REALM/);
  expect(emu.listServiceEndpoints("NoCreds")).toEqual([]);
});

it("runs as a pipeline would: SYSTEM_ACCESSTOKEN as Bearer and SYSTEM_COLLECTIONURI for the organization", async () => {
  emu.addProject("InPipeline");
  const env = {
    SYSTEM_ACCESSTOKEN: emu.token,
    SYSTEM_COLLECTIONURI: emu.orgUrl,
    ...CREDENTIALS_ENV,
  };
  const run = await runCli(["setup", "--project", "InPipeline", "--verbose"], env);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("token: from SYSTEM_ACCESSTOKEN, sent as Bearer");
  expect(run.stdout).toContain("(from SYSTEM_COLLECTIONURI)");
  expectContract(emu, "InPipeline", creatingOptions("InPipeline"));
});

it("--pool names a self-hosted pool; a pool the project lacks blocks the project (exit 1) and says how to fix it", async () => {
  emu.addProject("SelfHosted");
  emu.addQueue("SelfHosted", "linux-agents", { hosted: false });
  const env = emulatorEnv(emu, CREDENTIALS_ENV);

  const missing = await runCli(["setup", "--project", "SelfHosted", "--pool", "gpu-agents"], env);
  expect(missing.code).toBe(1);
  expect(missing.stdout).toMatch(
    /SelfHosted\s+blocked\s+Agent pool: The agent queue "gpu-agents" is missing, or not visible/,
  );
  expect(missing.stdout).toContain("name another one with --pool");
  expect(emu.listRepositories("SelfHosted")).toEqual([]);

  const run = await runCli(["setup", "--project", "SelfHosted", "--pool", "linux-agents"], env);
  expect(run.code).toBe(0);
  expectContract(emu, "SelfHosted", {
    ...creatingOptions("SelfHosted"),
    pool: { kind: "self-hosted", queue: "linux-agents" },
  });
});

it("setup --json reports the checklist as the project stands after the changes", async () => {
  emu.addProject("AfterJson");
  const setup = await runCli(
    ["setup", "--project", "AfterJson", "--json"],
    emulatorEnv(emu, CREDENTIALS_ENV),
  );
  expect(setup.code).toBe(0);
  const report = JSON.parse(setup.stdout).projects[0];
  expect(report.status).toBe("ready");
  // Before the changes every item but the agent pool was to change; after them, all are in place.
  expect(report.checklist.map((i: { key: string; state: string }) => [i.key, i.state])).toEqual(
    [
      "extension",
      "repository",
      "pipelineFile",
      "pipeline",
      "variables",
      "credentials",
      "agentPool",
    ].map((k) => [k, "ok"]),
  );
  expect(report.steps.every((s: { state: string }) => s.state === "done")).toBe(true);
});
