// planSetup is pure: these tests feed it state objects directly (no emulator).
import type { BuildDefinition } from "azure-devops-extension-api/Build";
import { classifyPipelineFile, planSetup, renderPipelineFile, SetupOptions } from "../../src/setup";
import { describeFolder } from "../../src/setup/plan/pipelineVerdict";
import type { DefinitionState, ProjectState } from "../../src/setup";

const REPO = {
  id: "r1",
  name: "repo-runner-actions",
  defaultBranch: "refs/heads/main",
  headObjectId: "a".repeat(40),
};
const options: SetupOptions = {
  project: "P",
  credentials: {
    kind: "service-connection",
    name: "stackspot",
    create: { clientId: "i", clientKey: "SECRET-K", realm: "r" },
  },
};

function emptyState(): ProjectState {
  return {
    project: { id: "p1", name: "P" },
    repository: null,
    file: null,
    pipelinesNamedStackspot: [],
    pipelinesOnFile: [],
    queue: { id: 1, name: "Azure Pipelines" },
    serviceConnection: null,
    pullRequest: null,
  };
}

function def(overrides: Partial<DefinitionState>): DefinitionState {
  return {
    id: 7,
    name: "stackspot",
    path: "\\",
    revision: 3,
    repositoryId: "r1",
    repositoryName: "repo-runner-actions",
    yamlFilename: "/stackspot.yml",
    variables: {
      secret_cli_login: { isSecret: true, allowOverride: true },
      secret_git: { isSecret: true, allowOverride: true },
    },
    raw: {} as BuildDefinition,
    ...overrides,
  };
}

function setUpState(): ProjectState {
  const content = renderPipelineFile(options);
  return {
    ...emptyState(),
    repository: REPO,
    file: { content, classification: classifyPipelineFile(content) },
    pipelinesNamedStackspot: [def({})],
    serviceConnection: { id: "e1", name: "stackspot", type: "stackspot" },
    endpointPermissions: {
      resource: { type: "endpoint", id: "e1" },
      pipelines: [{ id: 7, authorized: true }],
    },
    queuePermissions: { resource: { type: "queue", id: "1" }, allPipelines: { authorized: true } },
  };
}

it(
  "plans an empty project as parallel creates, each " +
    "with what and why, dependencies only where needed",
  () => {
    const plan = planSetup(emptyState(), options);
    const byId = Object.fromEntries(plan.steps.map((s) => [s.id, s]));
    expect(Object.keys(byId).sort()).toEqual([
      "authorize-queue",
      "authorize-service-connection",
      "create-pipeline",
      "create-repository",
      "create-service-connection",
      "write-file",
    ]);
    expect(byId["create-repository"].dependsOn).toEqual([]);
    expect(byId["create-service-connection"].dependsOn).toEqual([]);
    expect(byId["write-file"].dependsOn).toEqual(["create-repository"]);
    expect(byId["create-pipeline"].dependsOn).toEqual(["create-repository", "write-file"]);
    expect(byId["authorize-service-connection"].dependsOn.sort()).toEqual([
      "create-pipeline",
      "create-service-connection",
    ]);
    for (const s of plan.steps) {
      expect(s.change.length).toBeGreaterThan(10);
      expect(s.reason.length).toBeGreaterThan(10);
    }
    // The agent pool exists, but the new pipeline still has to be let in: that item changes too.
    expect(plan.checklist.map((i) => i.state)).toEqual([
      "ok", // the extension: the emulator's organization has it
      "will-change",
      "will-change",
      "will-change",
      "will-change",
      "will-change",
      "will-change",
    ]);
    expect(plan.checklist.find((i) => i.key === "agentPool")?.detail).toMatch(
      /new pipeline will be allowed to use it/,
    );
    // Folders in words, never a raw backslash.
    expect(byId["create-pipeline"].change).toMatch(
      /^Create the pipeline "stackspot" in the root folder on \/stackspot\.yml/,
    );
    expect(JSON.stringify(plan.steps.map((s) => s.change))).not.toContain("\\\\");
    expect(plan.upToDate).toBe(false);
    expect(JSON.stringify(plan)).not.toContain("SECRET-K");
  },
);

it("plans nothing for a project that meets the contract", () => {
  const plan = planSetup(setUpState(), options);
  expect(plan.steps).toEqual([]);
  expect(plan.upToDate).toBe(true);
  expect(plan.pipelineId).toBe(7);
});

it("merges every repair of the pipeline into one update", () => {
  const state = setUpState();
  state.pipelinesNamedStackspot = [];
  state.pipelinesOnFile = [
    def({
      name: "repo-runner-actions",
      path: "\\x",
      variables: { secret_git: { isSecret: false, allowOverride: false } },
    }),
  ];
  const plan = planSetup(state, options);
  expect(plan.steps.map((s) => s.kind)).toEqual(["update-pipeline"]);
  expect(plan.steps[0].spec).toMatchObject({
    kind: "update-pipeline",
    definitionId: 7,
    rename: true,
    moveToRoot: true,
    repoint: false,
  });
  expect(plan.steps[0].change).toMatch(
    new RegExp(
      'rename "repo-runner-actions" to "stackspot"; move it to the root folder; ' +
        "add secret_cli_login .*; make secret_git secret and settable at queue time",
    ),
  );
});

it("asks before taking over a foreign pipeline, and plans the rest around it", () => {
  const state = setUpState();
  state.pipelinesNamedStackspot = [
    def({ repositoryId: "other", repositoryName: "other", yamlFilename: "/ci.yml" }),
  ];
  const plan = planSetup(state, options);
  expect(plan.decisions.map((d) => d.id)).toEqual(["take-over-pipeline"]);
  expect(plan.steps).toEqual([]);
  expect(plan.checklist.find((i) => i.key === "pipeline")?.state).toBe("needs-decision");
  const taken = planSetup(state, { ...options, takeOverPipeline: true });
  expect(taken.steps.map((s) => s.kind)).toEqual(["update-pipeline"]);
  expect(taken.steps[0].spec).toMatchObject({ repoint: true, rename: false });
});

it("is blocked, with nothing to apply, when the agent queue does not exist", () => {
  const state = { ...emptyState(), queue: null };
  const plan = planSetup(state, { ...options, pool: { kind: "self-hosted", queue: "Linux" } });
  expect(plan.blocked).toBe(true);
  expect(plan.checklist.find((i) => i.key === "agentPool")).toMatchObject({ state: "blocked" });
});

it("waits for the pull request instead of pushing again", () => {
  const state = {
    ...setUpState(),
    file: null,
    pullRequest: { id: 4, title: "t", url: "http://x/pullrequest/4" },
  };
  const plan = planSetup(state, options);
  expect(plan.steps).toEqual([]);
  expect(plan.checklist.find((i) => i.key === "pipelineFile")).toMatchObject({
    state: "waiting-for-pull-request",
    link: "http://x/pullrequest/4",
  });
  expect(plan.upToDate).toBe(false);
});

it("names pipeline folders in words", () => {
  expect(describeFolder("\\")).toBe("the root folder");
  expect(describeFolder("")).toBe("the root folder");
  expect(describeFolder("\\a\\b")).toBe('the folder "a\\b"');
});
