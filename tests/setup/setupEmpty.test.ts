// From an empty project to the exact contract, over HTTP against the emulator; then a second run
// that plans nothing and writes nothing.
import {
  applyPlan,
  planSetup,
  readProjectState,
  runSetup,
  SetupProgressEvent,
} from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { clientsFor, creatingOptions, expectContract, useEmulator, writes } from "./harness";

const emu: Emulator = useEmulator();

it("sets up an empty project exactly, then finds nothing to do", async () => {
  emu.addProject("Empty");
  const options = creatingOptions("Empty");
  const clients = clientsFor(emu);
  const events: SetupProgressEvent[] = [];
  const result = await applyPlan(
    clients,
    planSetup(await readProjectState(clients, options), options),
    options,
    (e) => events.push(e),
  );
  expect(result.failure).toBeUndefined();
  expect(result.outcome).toBe("complete");
  expectContract(emu, "Empty", options);
  expect(emu.listCommits("Empty", "repo-runner-actions", "main")).toHaveLength(1);
  expect(
    events
      .filter((e) => e.type === "step-done")
      .map((e) => (e as { step: { kind: string } }).step.kind)
      .sort(),
  ).toEqual(
    // No "authorize-queue": the check before the first write asks for the Administrator role on
    // the queue and, in the same round trip, reads its pipeline permissions; the hosted queue is
    // open to every pipeline, so the step is dropped.
    [
      "authorize-service-connection",
      "create-pipeline",
      "create-repository",
      "create-service-connection",
      "write-file",
    ].sort(),
  );

  emu.clearRequests();
  const plan = planSetup(await readProjectState(clients, options), options);
  expect(plan.steps).toEqual([]);
  expect(plan.decisions).toEqual([]);
  expect(plan.checklist.map((i) => [i.key, i.state])).toEqual([
    ["extension", "ok"],
    ["repository", "ok"],
    ["pipelineFile", "ok"],
    ["pipeline", "ok"],
    ["variables", "ok"],
    ["credentials", "ok"],
    ["agentPool", "ok"],
  ]);
  expect(plan.upToDate).toBe(true);
  const again = await runSetup(clients, options);
  expect(again.outcome).toBe("complete");
  expect(writes(emu.requests)).toEqual([]);
});
