// A missing permission changes nothing, through the built CLI: without the Administrator role on a
// self-hosted agent queue, `setup` is blocked before the file or the pipeline change. When the
// permission checks cannot be made at all and the refusal comes after other changes, the output
// says "partially applied", lists what changed and what did not, and running setup again finishes.
import { runSetup } from "../../src/setup";
import { useEmulator } from "../emulator/useEmulator";
import { clientsFor, creatingOptions, writes } from "../setup/harness";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, expectNoSecrets, runCli } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();

const QUEUE = "Linux agents";

it("without the Administrator role on the queue, moving to a self-hosted pool changes nothing", async () => {
  emu.addProject("Bank");
  emu.addQueue("Bank", QUEUE);
  expect((await runSetup(clientsFor(emu), creatingOptions("Bank"))).outcome).toBe("complete");
  const file = emu.getFile("Bank", "repo-runner-actions", "main", "/stackspot.yml");
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  emu.deny("AdministerPipelinePermissions", { project: "Bank" });
  emu.clearRequests();
  try {
    const run = await runCli(["setup", "--project", "Bank", "--pool", QUEUE], env);
    expectNoSecrets(run, env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Bank: blocked/);
    expect(run.stdout).toContain('"Administrator (on the agent queue)"');
    expect(run.stdout).not.toContain("partially applied");
    expect(writes(emu.requests)).toEqual([]);
    expect(emu.getFile("Bank", "repo-runner-actions", "main", "/stackspot.yml")).toBe(file);
  } finally {
    emu.allow("AdministerPipelinePermissions", { project: "Bank" });
  }
});

/** setup on a new project while the checks answer 404 and the queue's Administrator is denied. */
async function refusedHalfWay(project: string, extra: string[]) {
  emu.addProject(project);
  emu.addQueue(project, QUEUE);
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  emu.addFault({ route: /\/_apis\/permissions\//, status: 404, times: Infinity });
  emu.deny("AdministerPipelinePermissions", { project });
  try {
    const run = await runCli(["setup", "--project", project, "--pool", QUEUE, ...extra], env);
    expectNoSecrets(run, env);
    expect(run.code).toBe(1);
    return { run, env };
  } finally {
    emu.clearFaults();
    emu.clearViolations(); // the injected 404 carries no service error body
    emu.allow("AdministerPipelinePermissions", { project });
  }
}

it("a refusal the checks could not foresee says partially applied; setup again finishes", async () => {
  const { run, env } = await refusedHalfWay("Fresh", []);
  expect(run.stdout).toMatch(/Fresh: FAILED \(partially applied\)/);
  expect(run.stdout).toContain("partially applied: run setup again to finish");
  expect(run.stdout).toMatch(/ {6}changed: Create the Git repository "repo-runner-actions"/);
  expect(run.stdout).toMatch(/not changed: Allow the pipeline "stackspot" to use the agent queue/);

  const again = await runCli(["setup", "--project", "Fresh", "--pool", QUEUE], env);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/Fresh: ready/);
  const queue = emu.listQueues("Fresh").find((q) => q.name === QUEUE)!;
  const [pipeline] = emu.listDefinitions("Fresh");
  expect(emu.pipelinePermissions("Fresh", "queue", String(queue.id)).pipelineIds).toEqual([
    pipeline.id,
  ]);
});

it("--json marks the run partially applied and each step done or not", async () => {
  const { run } = await refusedHalfWay("FreshJson", ["--json"]);
  const report = JSON.parse(run.stdout).projects[0];
  expect(report.status).toBe("failed");
  expect(report.partiallyApplied).toBe(true);
  const states = Object.fromEntries(report.steps.map((s: any) => [s.id, s.state]));
  expect(states).toMatchObject({
    "create-repository": "done",
    "write-file": "done",
    "create-pipeline": "done",
    "authorize-queue": "failed",
  });
});
