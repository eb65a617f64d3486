// The engine's batch: one orchestration for the CLI's --all-projects and the organization view.
// Results keep the given order, at most `concurrency` projects run at once, a failure stays in
// its project, and Cancel starts nothing new while letting the steps in flight finish.
import { runBatch, SetupCancelledError, type ProjectRun } from "../../src/setup";
import { clientsFor, creatingOptions, expectContract, useEmulator, writes } from "./harness";

const emu = useEmulator({ scope: "each" });

function addProjects(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `${prefix}${i + 1}`;
    emu.addProject(name);
    return name;
  });
}

test("runs every project, in order, never more than `concurrency` at once", async () => {
  const projects = addProjects("Order", 7);
  let running = 0;
  let most = 0;
  const runs = await runBatch({
    command: "setup",
    clients: clientsFor(emu),
    projects,
    concurrency: 3,
    optionsFor: (p) => creatingOptions(p),
    onEvent: (_p, e) => {
      if (e.type === "started") most = Math.max(most, ++running);
    },
    onDone: () => running--,
  });
  expect(runs.map((r) => r.project)).toEqual(projects);
  expect(most).toBe(3);
  for (const run of runs) {
    expect(run.kind).toBe("applied");
    if (run.kind === "applied") expect(run.result.outcome).toBe("complete");
    expectContract(emu, run.project, creatingOptions(run.project));
  }
});

test("one project's failure never stops the others", async () => {
  const projects = addProjects("Mixed", 4);
  emu.deny("CreateRepository", { project: "Mixed2" });
  emu.addFault({ route: /\/Mixed3\/_apis\/git\/repositories/i, status: 500, times: Infinity });
  const runs = await runBatch({
    command: "setup",
    clients: clientsFor(emu, { maxAttempts: 2 }),
    projects,
    concurrency: 2,
    optionsFor: (p) => creatingOptions(p),
  });
  const summary = runs.map((r) =>
    r.kind === "applied" ? `${r.project}:${r.result.outcome}` : `${r.project}:${r.kind}`,
  );
  expect(summary).toEqual(["Mixed1:complete", "Mixed2:blocked", "Mixed3:error", "Mixed4:complete"]);
});

test("status reads and plans without writing", async () => {
  const projects = addProjects("Read", 3);
  const runs = await runBatch({
    command: "status",
    clients: clientsFor(emu),
    projects,
    concurrency: 2,
    optionsFor: (p) => creatingOptions(p),
  });
  expect(runs.map((r) => r.kind)).toEqual(["planned", "planned", "planned"]);
  expect(writes(emu.requests)).toEqual([]);
});

test("cancel starts no new project and no new step; the steps in flight finish", async () => {
  const projects = addProjects("Cancel", 5);
  // Slow writes, so that the cancel lands while the first projects are mid-way.
  emu.addFault({ method: "POST", route: /_apis/, latencyMs: 150, times: Infinity });
  const controller = new AbortController();
  const inFlight = new Map<string, string>();
  const finishedAfterCancel: string[] = [];
  const runs: ProjectRun[] = await runBatch({
    command: "setup",
    clients: clientsFor(emu),
    projects,
    concurrency: 2,
    optionsFor: (p) => creatingOptions(p),
    signal: controller.signal,
    onEvent: (project, e) => {
      if (e.type === "step-started") inFlight.set(project, e.change);
      if (e.type === "step-done") {
        if (controller.signal.aborted) finishedAfterCancel.push(`${project}: ${e.change}`);
        inFlight.delete(project);
        // The first step done anywhere: cancel while the other project's step is in flight.
        if (!controller.signal.aborted) controller.abort();
      }
    },
  });
  expect(runs.map((r) => r.kind)).toEqual([
    "applied",
    "applied",
    "not-started",
    "not-started",
    "not-started",
  ]);
  for (const run of runs.slice(0, 2)) {
    if (run.kind !== "applied") continue;
    expect(run.result.outcome).toBe("failed");
    expect(run.result.failure?.error).toBeInstanceOf(SetupCancelledError);
    expect(run.result.done.length).toBeGreaterThan(0);
    expect(run.result.done.length).toBeLessThan(run.result.plan.steps.length);
  }
  // The step that was running when Cancel came finished; none was left mid-way.
  expect(inFlight.size).toBe(0);
  expect(finishedAfterCancel.length).toBeGreaterThanOrEqual(1);
  for (const p of projects.slice(2)) expect(emu.listRepositories(p)).toEqual([]);

  // Running the set-up again finishes the job.
  const again = await runBatch({
    command: "setup",
    clients: clientsFor(emu),
    projects,
    concurrency: 2,
    optionsFor: (p) => creatingOptions(p),
  });
  for (const run of again) {
    expect(run.kind === "applied" && run.result.outcome).toBe("complete");
    expectContract(emu, run.project, creatingOptions(run.project));
  }
});
