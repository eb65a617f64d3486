// The hub's Runs list: the stackspot pipeline's runs with their workflow execution ids.
import { listStackspotRuns, runSetup } from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { clientsFor, creatingOptions, useEmulator } from "./harness";

const emu: Emulator = useEmulator();

it(
  "lists the stackspot pipeline's runs, newest first, " +
    "with execution id, state, result, times and link",
  async () => {
    emu.addProject("Runs");
    const result = await runSetup(clientsFor(emu), creatingOptions("Runs"));
    const id = result.plan.pipelineId ?? emu.listDefinitions("Runs")[0].id;
    const done = emu.addRun("Runs", id, {
      state: "completed",
      result: "succeeded",
      templateParameters: { workflow_execution_id: "exec-1" },
      createdDate: "2024-05-01T10:00:00Z",
      finishedDate: "2024-05-01T10:05:00Z",
    });
    const running = emu.addRun("Runs", id, {
      state: "inProgress",
      templateParameters: { workflow_execution_id: "exec-2", workflow_inputs: "{}" },
      createdDate: "2024-05-02T10:00:00Z",
    });
    const manual = emu.addRun("Runs", id, {
      state: "completed",
      result: "failed",
      templateParameters: {},
      createdDate: "2024-05-03T10:00:00Z",
      finishedDate: "2024-05-03T10:01:00Z",
    });

    const runs = await listStackspotRuns(clientsFor(emu), "Runs");
    expect(runs.map((r) => r.id)).toEqual([manual.id, running.id, done.id]);
    expect(runs[2]).toMatchObject({
      workflowExecutionId: "exec-1",
      state: "completed",
      result: "succeeded",
    });
    expect(runs[2].startedAt?.toISOString()).toBe("2024-05-01T10:00:00.000Z");
    expect(runs[2].finishedAt?.toISOString()).toBe("2024-05-01T10:05:00.000Z");
    expect(runs[1]).toMatchObject({ workflowExecutionId: "exec-2", state: "inProgress" });
    expect(runs[1].finishedAt).toBeUndefined();
    expect(runs[0].workflowExecutionId).toBeUndefined();
    expect(runs[0].result).toBe("failed");
    for (const r of runs) expect(r.webUrl).toMatch(new RegExp(`buildId=${r.id}$`));
    // With the id known (plan.pipelineId), the lookup by name is skipped: one Runs - List, then
    // one Runs - Get per run, since the list carries no templateParameters.
    emu.clearRequests();
    expect((await listStackspotRuns(clientsFor(emu), "Runs", id)).length).toBe(3);
    expect(emu.requests.map((r) => r.path.replace(/^.*_apis\//, ""))).toEqual([
      `pipelines/${id}/runs`,
      ...[manual.id, running.id, done.id].map((n) => `pipelines/${id}/runs/${n}`),
    ]);
    // At most `limit` runs, the newest.
    const two = await listStackspotRuns(clientsFor(emu), "Runs", id, 2);
    expect(two.map((r) => r.workflowExecutionId)).toEqual([undefined, "exec-2"]);
  },
);

it("reads the execution id from Runs - Get: the list answers without templateParameters", async () => {
  emu.addProject("ListBare");
  const result = await runSetup(clientsFor(emu), creatingOptions("ListBare"));
  const id = result.plan.pipelineId ?? emu.listDefinitions("ListBare")[0].id;
  const run = emu.addRun("ListBare", id, {
    state: "completed",
    result: "succeeded",
    templateParameters: { workflow_execution_id: "exec-9" },
  });
  const clients = clientsFor(emu);
  const listed = await clients.pipelines.listRuns("ListBare", id);
  expect(listed[0].id).toBe(run.id);
  expect(listed[0].templateParameters).toBeUndefined();
  const runs = await listStackspotRuns(clients, "ListBare", id);
  expect(runs[0].workflowExecutionId).toBe("exec-9");
});

it("is empty when there is no stackspot pipeline", async () => {
  emu.addProject("NoRuns");
  expect(await listStackspotRuns(clientsFor(emu), "NoRuns")).toEqual([]);
});
