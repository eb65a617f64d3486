// The hub's pure parts: option rules and conversion, checklist change lines, the line diff (jsdiff
// through fileDiff.ts), time formats.
import { contract, planSetup, type ProjectState, type SetupPlan } from "../../src/setup";
import { changesFor } from "../../src/hub/checklistChanges";
import {
  optionProblems,
  repositoryNameProblem,
  settleOptions,
  suggestOptions,
  toSetupOptions,
  withoutSecrets,
  type Choices,
  type HubOptions,
} from "../../src/hub/hubOptions";
import { diffFileLines as diffLines } from "../../src/hub/fileDiff";
import { formatDuration, timeAgo } from "../../src/hub/timeFormat";
import { tokenPageUrl } from "../../src/hub/connectInfo";

const state = (over: Partial<ProjectState>): ProjectState =>
  ({
    project: { id: "1", name: "P" },
    repository: null,
    file: null,
    pipelinesNamedStackspot: [],
    pipelinesOnFile: [],
    queue: null,
    pullRequest: null,
    topicBranchObjectId: null,
    ...over,
  }) as ProjectState;

const noChoices: Choices = { repositories: [], selfHostedQueues: [], connections: [] };

describe("repository names", () => {
  test.each([
    ["repo-runner-actions", undefined],
    ["Runner Actions 2", undefined],
    ["", "Give the repository a name."],
    [" runner", "The name cannot start or end with a space."],
    ["a/b", 'The name cannot contain "/".'],
    ["<img src=x onerror=alert(1)>", 'The name cannot contain "<".'],
    ["_runner", 'The name cannot start with "_" or ".".'],
    ["runner.", 'The name cannot end with ".".'],
    ["CON", '"CON" is a name Windows reserves.'],
    ["x".repeat(65), "The name can have at most 64 characters."],
  ])("%j → %j", (name, problem) => {
    expect(repositoryNameProblem(name, [])).toBe(problem);
  });

  test("a new name that exists already, in any case, points to the list", () => {
    expect(repositoryNameProblem("Repo-Runner-Actions", ["repo-runner-actions"])).toMatch(
      /exists: choose it from the list/,
    );
  });
});

describe("option problems", () => {
  const creating: HubOptions = {
    repository: { mode: "new", name: "runner" },
    pool: { kind: "hosted" },
    credentials: { mode: "create", name: "stackspot", clientId: "", clientKey: "", realm: "" },
  };

  test("a new connection needs its three credentials and a free name", () => {
    expect(optionProblems(creating, { ...noChoices, connections: ["StackSpot"] })).toEqual({
      connectionName: expect.stringContaining("exists"),
      clientId: "Enter the client ID.",
      clientKey: "Enter the client key.",
      realm: "Enter the realm.",
    });
  });

  test("secret variables may be left empty, to fill in later", () => {
    expect(
      optionProblems(
        { ...creating, credentials: { mode: "variables", clientId: "", clientKey: "", realm: "" } },
        noChoices,
      ),
    ).toEqual({});
  });

  test("a self-hosted pool must be chosen", () => {
    expect(
      optionProblems(
        {
          ...creating,
          pool: { kind: "self-hosted", queue: "" },
          credentials: { mode: "existing", name: "s" },
        },
        noChoices,
      ),
    ).toEqual({ pool: "Choose an agent pool." });
  });
});

describe("engine options", () => {
  test("a new connection carries the credentials, trimmed except for the key", () => {
    const o = toSetupOptions(
      "P",
      {
        repository: { mode: "new", name: " runner " },
        pool: { kind: "self-hosted", queue: "Linux" },
        credentials: {
          mode: "create",
          name: " stackspot ",
          clientId: " id ",
          clientKey: " key ",
          realm: " realm ",
        },
      },
      { replaceEditedFile: true },
    );
    expect(o).toEqual({
      project: "P",
      repository: "runner",
      pool: { kind: "self-hosted", queue: "Linux" },
      credentials: {
        kind: "service-connection",
        name: "stackspot",
        create: { clientId: "id", clientKey: " key ", realm: "realm" },
      },
      replaceEditedFile: true,
      takeOverPipeline: false,
    });
    expect(JSON.stringify(withoutSecrets(o))).not.toContain(" key ");
  });

  test("empty variables fields ask for empty variables", () => {
    const o = toSetupOptions("P", {
      repository: { mode: "existing", name: "r" },
      pool: { kind: "hosted" },
      credentials: { mode: "variables", clientId: "", clientKey: "", realm: "" },
    });
    expect(o.credentials).toEqual({ kind: "variables" });
  });

  test("the project the host names goes with its id, so the engine checks permissions in its first round trip", () => {
    const choice: HubOptions = {
      repository: { mode: "existing", name: "r" },
      pool: { kind: "hosted" },
      credentials: { mode: "existing", name: "stackspot" },
    };
    const o = toSetupOptions(
      { id: "4f0c7a2e-1b3d-4e5f-8a9b-0c1d2e3f4a5b", name: "Payments" },
      choice,
    );
    expect(o).toMatchObject({
      project: "Payments",
      projectId: "4f0c7a2e-1b3d-4e5f-8a9b-0c1d2e3f4a5b",
    });
    expect(toSetupOptions("Payments", choice)).not.toHaveProperty("projectId");
  });
});

describe("suggested options", () => {
  test("a fresh project gets the manual's defaults and a new connection", () => {
    expect(suggestOptions(undefined, noChoices, undefined)).toEqual({
      repository: { mode: "new", name: contract.DEFAULT_REPOSITORY_NAME },
      pool: { kind: "hosted" },
      credentials: { mode: "create", name: "stackspot", clientId: "", clientKey: "", realm: "" },
    });
  });

  test("a set-up project suggests what it uses: its pipeline's repository, its file's pool and connection", () => {
    const s = state({
      pipelinesNamedStackspot: [
        {
          id: 7,
          name: "stackspot",
          path: "\\",
          revision: 1,
          repositoryName: "my-runner",
          yamlFilename: "/stackspot.yml",
          variables: {},
          raw: {} as never,
        },
      ],
    });
    expect(
      suggestOptions(
        s,
        { repositories: ["my-runner"], selfHostedQueues: ["Linux"], connections: ["other", "stk"] },
        {
          pool: { kind: "self-hosted", queue: "Linux" },
          credentials: { kind: "service-connection", name: "stk" },
        },
      ),
    ).toEqual({
      repository: { mode: "existing", name: "my-runner" },
      pool: { kind: "self-hosted", queue: "Linux" },
      credentials: { mode: "existing", name: "stk" },
    });
  });
});

test("after a set-up, what it created is chosen from the lists, and the key is dropped", () => {
  const before: HubOptions = {
    repository: { mode: "new", name: "runner" },
    pool: { kind: "hosted" },
    credentials: {
      mode: "create",
      name: "stackspot",
      clientId: "id",
      clientKey: "key",
      realm: "r",
    },
  };
  expect(
    settleOptions(before, {
      repositories: ["Runner"],
      selfHostedQueues: [],
      connections: ["stackspot"],
    }),
  ).toEqual({
    repository: { mode: "existing", name: "Runner" },
    pool: { kind: "hosted" },
    credentials: { mode: "existing", name: "stackspot" },
  });
  expect(settleOptions(before, noChoices)).toBe(before);
});

test("a stackspot pipeline on another file does not choose the repository", () => {
  const s = state({
    pipelinesNamedStackspot: [
      {
        id: 7,
        name: "stackspot",
        path: "\\",
        revision: 1,
        repositoryName: "ci",
        yamlFilename: "/ci.yml",
        variables: {},
        raw: {} as never,
      },
    ],
  });
  expect(
    suggestOptions(s, { repositories: ["ci"], selfHostedQueues: [], connections: [] }, undefined)
      .repository,
  ).toEqual({ mode: "new", name: contract.DEFAULT_REPOSITORY_NAME });
});

describe("line diff", () => {
  test("keeps common lines and marks the rest", () => {
    expect(diffLines("a\nb\nc\n", "a\nx\nc\nd\n")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });

  test("CRLF and a final newline make no difference; empty files diff to additions", () => {
    expect(diffLines("a\r\nb\r\n", "a\nb").every((l) => l.kind === "same")).toBe(true);
    expect(diffLines("", "a\n")).toEqual([{ kind: "added", text: "a" }]);
  });
});

describe("time formats", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  test.each([
    [new Date("2026-01-01T11:59:58Z"), "just now"],
    [new Date("2026-01-01T11:55:00Z"), "5 minutes ago"],
    [new Date("2025-12-31T12:00:00Z"), "yesterday"],
  ])("%s is %s", (date, text) => expect(timeAgo(date, now, "en")).toBe(text));

  test("durations", () => {
    expect(formatDuration(new Date(0), new Date(12_000))).toBe("12s");
    expect(formatDuration(new Date(0), new Date(90_000))).toBe("1m 30s");
    expect(formatDuration(new Date(0), new Date(7_500_000))).toBe("2h 5m");
    expect(formatDuration(new Date(0), undefined)).toBeUndefined();
    expect(formatDuration(new Date(10_000), new Date(0))).toBeUndefined();
  });
});

test("the token page lives under the organization or collection URL", () => {
  expect(tokenPageUrl("https://dev.azure.com/acme/")).toBe(
    "https://dev.azure.com/acme/_usersSettings/tokens",
  );
  expect(tokenPageUrl("https://tfs.example.com/tfs/DefaultCollection")).toBe(
    "https://tfs.example.com/tfs/DefaultCollection/_usersSettings/tokens",
  );
});

describe("checklist changes", () => {
  const labelsOf = (plan: SetupPlan) =>
    Object.fromEntries(plan.checklist.map((i) => [i.key, i.label]));
  const linesFor = (plan: SetupPlan, key: string) =>
    changesFor(
      plan.checklist.find((i) => i.key === key)!,
      plan.steps,
      labelsOf(plan),
    );
  // An empty project with the hosted queue, set up with a new service connection: every step is
  // planned.
  const emptyPlan = () =>
    planSetup(
      state({ queue: { id: 1, name: contract.HOSTED_QUEUE_NAME }, serviceConnection: null }),
      {
        project: "P",
        credentials: {
          kind: "service-connection",
          name: "stackspot",
          create: { clientId: "id", clientKey: "k", realm: "r" },
        },
      },
    );

  test("every step is listed in full once, under the item it repairs", () => {
    const plan = emptyPlan();
    const full = plan.checklist.flatMap((i) =>
      linesFor(plan, i.key)
        .lines.filter((l) => l.reason !== undefined)
        .map((l) => l.key),
    );
    expect(full.sort()).toEqual(plan.steps.map((s) => s.id).sort());
    for (const step of plan.steps) {
      expect(linesFor(plan, step.item).lines).toContainEqual({
        key: step.id,
        text: step.change,
        reason: step.reason,
        fromTo: step.changes!.map((c) => `${c.what}: ${c.from} → ${c.to}`),
      });
    }
  });

  test("Variables names where its change is made instead of repeating the pipeline step", () => {
    const plan = emptyPlan();
    const create = plan.steps.find((s) => s.spec.kind === "create-pipeline")!;
    expect(create.item).toBe("pipeline");
    expect(create.alsoServes).toContain("variables");
    const variables = linesFor(plan, "variables");
    expect(variables.lines).toEqual([
      { key: create.id, text: "Set when the pipeline is created (see Pipeline)." },
    ]);
    expect(JSON.stringify(variables)).not.toContain(create.change);
  });

  test("an item's detail states what is there; the step under it says what the set-up does", () => {
    const plan = emptyPlan();
    const stop = (t: string) => t.trim().replace(/\.$/, "");
    for (const item of plan.checklist) {
      for (const step of plan.steps.filter((s) => s.item === item.key))
        expect(stop(item.detail)).not.toBe(stop(step.change));
    }
    const file = plan.checklist.find((i) => i.key === "pipelineFile")!;
    const write = plan.steps.find((s) => s.spec.kind === "write-file")!;
    expect(file.detail).toBe("/stackspot.yml is not on main yet.");
    expect(linesFor(plan, "pipelineFile")).toEqual({
      lines: [
        {
          key: write.id,
          text: write.change,
          reason: write.reason,
          fromTo: ["/stackspot.yml: none → as generated"],
        },
      ],
    });
  });
});
