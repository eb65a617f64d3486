// The pipeline is created after its file is written, so the set-up works whether or not the Build
// API accepts a YAML file that is not in the repository yet (reported to accept it, not verified:
// docs/CONTRACT.md). The emulator plays the refusing service with yamlFileRequiredOnCreate.
import { planSetup, readProjectState, runSetup } from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { clientsFor, creatingOptions, useEmulator } from "./harness";

const emu: Emulator = useEmulator();
afterEach(() => emu.behave({ yamlFileRequiredOnCreate: false }));

const writesOf = (e: Emulator) =>
  e.requests
    .filter((r) => r.write)
    .map(
      (r) => `${r.method} ${r.path.replace(/^.*_apis\//, "").replace(/[0-9a-f-]{36}/g, "{id}")}`,
    );

it("plans the pipeline after the file", async () => {
  emu.addProject("Order");
  const options = creatingOptions("Order");
  const plan = planSetup(await readProjectState(clientsFor(emu), options), options);
  const create = plan.steps.find((s) => s.id === "create-pipeline");
  expect(create?.dependsOn).toEqual(["create-repository", "write-file"]);
});

it("sets up an empty project against a service that wants the file first", async () => {
  emu.behave({ yamlFileRequiredOnCreate: true });
  emu.addProject("FileFirst");
  emu.clearRequests();
  const result = await runSetup(clientsFor(emu), creatingOptions("FileFirst"));
  expect(result.failure).toBeUndefined();
  expect(result.outcome).toBe("complete");
  const writes = writesOf(emu);
  expect(writes.indexOf("POST git/repositories/{id}/pushes")).toBeLessThan(
    writes.indexOf("POST build/definitions"),
  );
  expect(emu.listDefinitions("FileFirst").map((d) => d.name)).toEqual(["stackspot"]);
});

it(
  "on the pull-request path, a refused pipeline waits for the pull request; " +
    "the next set-up after it is completed creates it",
  async () => {
    emu.behave({ yamlFileRequiredOnCreate: true });
    const project = "FileFirstPolicy";
    emu.addProject(project);
    emu.addRepository(project, "repo-runner-actions", { files: { "/README.md": "x\n" } });
    emu.protectBranch(project, "repo-runner-actions", "main");
    const options = creatingOptions(project);
    const events: string[] = [];
    const first = await runSetup(clientsFor(emu), options, {
      onProgress: (e) => {
        if (e.type === "step-skipped") events.push(`${e.step.id}: ${e.reason}`);
      },
    });
    expect(first.failure).toBeUndefined();
    expect(first.outcome).toBe("waiting-for-pull-request");
    expect(emu.listDefinitions(project)).toEqual([]);
    expect(events.find((e) => e.startsWith("create-pipeline"))).toMatch(
      /waits for pull request \d+: .*Complete the pull request/,
    );
    // A second run before the pull request is completed still waits, and fails nothing.
    const again = await runSetup(clientsFor(emu), options);
    expect(again.failure).toBeUndefined();
    expect(again.outcome).toBe("waiting-for-pull-request");

    const [pr] = emu.listPullRequests(project, "repo-runner-actions");
    emu.completePullRequest(project, "repo-runner-actions", pr.pullRequestId);
    const last = await runSetup(clientsFor(emu), options);
    expect(last.failure).toBeUndefined();
    expect(last.outcome).toBe("complete");
    expect(emu.listDefinitions(project).map((d) => d.name)).toEqual(["stackspot"]);
  },
);
