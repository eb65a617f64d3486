// When a permission could not be checked before writing (the checks answered 404: an older
// server, a proxy that refuses them), the write that may be refused runs before the others, so its
// refusal changes nothing. When it cannot run first (it needs a pipeline the set-up creates), a
// refusal leaves the run "partially applied": the result says what changed and what did not, and
// running the set-up again finishes the job.
import { PermissionDeniedError } from "../../src/ado";
import { runSetup } from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { clientsFor, creatingOptions, expectContract, useEmulator } from "./harness";

const emu: Emulator = useEmulator();

const QUEUE = "Linux agents";
const SELF_HOSTED = { pool: { kind: "self-hosted" as const, queue: QUEUE } };
let counter = 0;

/** The permission checks cannot be made; the Administrator role on agent queues is denied. */
function uncheckableQueueDenial(project: string): () => void {
  emu.addFault({ route: /\/_apis\/permissions\//, status: 404, times: Infinity });
  emu.deny("AdministerPipelinePermissions", { project });
  return () => {
    emu.clearFaults();
    emu.clearViolations(); // the injected 404 carries no service error body
    emu.allow("AdministerPipelinePermissions", { project });
  };
}

it("an unchecked authorization on an existing pipeline runs first: its refusal changes nothing", async () => {
  const project = `Unchecked${++counter}`;
  emu.addProject(project);
  emu.addQueue(project, QUEUE);
  expect((await runSetup(clientsFor(emu), creatingOptions(project))).outcome).toBe("complete");
  const file = emu.getFile(project, "repo-runner-actions", "main", "/stackspot.yml");
  const definitions = JSON.stringify(emu.listDefinitions(project));
  const restore = uncheckableQueueDenial(project);
  emu.clearRequests();
  try {
    const result = await runSetup(clientsFor(emu), creatingOptions(project, SELF_HOSTED));
    expect(result.outcome).toBe("failed");
    expect(result.failure!.step.kind).toBe("authorize-queue");
    expect(result.failure!.error).toBeInstanceOf(PermissionDeniedError);
    expect(result.partial).toBeUndefined();
    expect(result.done).toEqual([]);
    // The one write sent is the refused one.
    const writes = emu.requests.filter((r) => r.write);
    expect(writes.map((w) => [w.method, w.status])).toEqual([["PATCH", 403]]);
    expect(emu.getFile(project, "repo-runner-actions", "main", "/stackspot.yml")).toBe(file);
    expect(JSON.stringify(emu.listDefinitions(project))).toBe(definitions);
  } finally {
    restore();
  }
  const again = await runSetup(clientsFor(emu), creatingOptions(project, SELF_HOSTED));
  expect(again.outcome).toBe("complete");
  expectContract(emu, project, creatingOptions(project, SELF_HOSTED));
});

it("a refusal after other changes says partially applied, lists them, and a second run finishes", async () => {
  const project = `Unchecked${++counter}`;
  emu.addProject(project);
  emu.addQueue(project, QUEUE);
  const options = creatingOptions(project, SELF_HOSTED);
  const restore = uncheckableQueueDenial(project);
  let result;
  try {
    result = await runSetup(clientsFor(emu), options);
  } finally {
    restore();
  }
  expect(result.outcome).toBe("failed");
  expect(result.failure!.step.kind).toBe("authorize-queue");
  const partial = result.partial!;
  expect(partial.changed.map((s) => s.kind)).toEqual(
    expect.arrayContaining(["create-repository", "write-file", "create-pipeline"]),
  );
  expect(partial.unchanged.map((s) => s.kind)).toEqual(["authorize-queue"]);
  expect([...partial.changed, ...partial.unchanged].map((s) => s.id).sort()).toEqual(
    result.plan.steps.map((s) => s.id).sort(),
  );
  // The project as it stands: only the queue's authorization is left.
  expect(result.after.steps.map((s) => s.kind)).toEqual(["authorize-queue"]);

  const again = await runSetup(clientsFor(emu), options);
  expect(again.outcome).toBe("complete");
  expect(again.plan.steps.map((s) => s.kind)).toEqual(["authorize-queue"]);
  expectContract(emu, project, options);
});
