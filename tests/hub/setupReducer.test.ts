// The hub's state transitions, without a browser: what the hub shows and what it asks the hook to
// do next (read, wait for typing to pause, set up, list runs) after each thing that happens.
import {
  contract,
  planSetup,
  type Decision,
  type ProjectState,
  type SetupPlan,
  type SetupResult,
} from "../../src/setup";
import type { HubContext } from "../../src/hub/hubContext";
import type { HubOptions } from "../../src/hub/hubOptions";
import {
  initialSetupState,
  isBusy,
  setupReducer,
  type SetupAction,
  type SetupState,
} from "../../src/hub/setupReducer";

const context: HubContext = {
  project: { id: "p-1", name: "P" },
  clients: {} as never,
  workflowUrl: "https://example.test/workflow",
  tokenPageUrl: "https://example.test/tokens",
};

const options: HubOptions = {
  repository: { mode: "new", name: "repo-runner-actions" },
  pool: { kind: "hosted" },
  credentials: { mode: "create", name: "stackspot", clientId: "id", clientKey: "key", realm: "r" },
};

const projectState = (over: Partial<ProjectState> = {}): ProjectState =>
  ({
    project: { id: "p-1", name: "P" },
    repository: null,
    file: null,
    pipelinesNamedStackspot: [],
    pipelinesOnFile: [],
    queue: { id: 1, name: contract.HOSTED_QUEUE_NAME },
    pullRequest: null,
    topicBranchObjectId: null,
    serviceConnection: null,
    ...over,
  }) as ProjectState;

/** An empty project: every step planned, no decision. */
const emptyPlan = (): SetupPlan =>
  planSetup(projectState(), {
    project: "P",
    credentials: {
      kind: "service-connection",
      name: "stackspot",
      create: { clientId: "id", clientKey: "k", realm: "r" },
    },
  });

/** A project whose stackspot pipeline sits at the root (id 7), as after a set-up. */
const setUpPlan = (): SetupPlan => ({
  ...emptyPlan(),
  state: projectState({
    pipelinesNamedStackspot: [
      {
        id: 7,
        name: "stackspot",
        path: "\\",
        revision: 1,
        repositoryName: "repo-runner-actions",
        yamlFilename: "/stackspot.yml",
        variables: {},
        raw: {} as never,
      },
    ],
  }),
});

const decision = (option: Decision["option"]): Decision => ({
  id: option === "replaceEditedFile" ? "replace-edited-file" : "take-over-pipeline",
  item: "pipelineFile",
  question: `${option}?`,
  consequence: "",
  option,
});

const result = (over: Partial<SetupResult>): SetupResult => ({
  outcome: "complete",
  done: [],
  plan: emptyPlan(),
  replanned: false,
  after: setUpPlan(),
  ...over,
});

const run = (state: SetupState, ...actions: SetupAction[]): SetupState =>
  actions.reduce(setupReducer, state);

/** A hub that has connected and shown its first checklist for `plan`. */
const loadedWith = (plan: SetupPlan = emptyPlan()): SetupState =>
  run(
    initialSetupState,
    { type: "connected", context },
    {
      type: "loaded",
      choices: { repositories: [], selfHostedQueues: [], connections: [] },
      options,
      plan,
    },
  );

/** Changes the options and lets the wait for typing end: the re-read starts. */
const reRead = (state: SetupState, next: HubOptions = options): SetupState => {
  const waiting = setupReducer(state, { type: "optionsChanged", options: next });
  return setupReducer(waiting, { type: "readDue", id: waiting.waitingRead!.id });
};

describe("loading", () => {
  test("the hub starts reading, and shows the first checklist without a spinner", () => {
    expect(initialSetupState.model.planning).toBe(true);
    const state = loadedWith();
    expect(state.model).toMatchObject({ context, options, planning: false, plan: emptyPlan() });
  });

  test("a project without a stackspot pipeline has no runs, without asking the service", () => {
    const state = loadedWith();
    expect(state.model.runs).toEqual([]);
    expect(state.runsRequest).toBeUndefined();
  });

  test("a project with the pipeline lists its runs", () => {
    expect(loadedWith(setUpPlan()).runsRequest).toMatchObject({ pipelineId: 7 });
  });

  test("a hub that cannot start says why and stops reading", () => {
    const problem = { message: "No project.", remedy: "Open it from a project." };
    const state = setupReducer(initialSetupState, { type: "loadFailed", problem });
    expect(state.model).toMatchObject({ loadError: problem, planning: false });
  });
});

describe("re-reading while the user types", () => {
  test("a change of options waits for the user to stop typing before reading", () => {
    const state = setupReducer(loadedWith(), { type: "optionsChanged", options });
    expect(state.model.options).toBe(options);
    expect(state.waitingRead?.options).toBe(options);
    expect(state.read).toBeUndefined();
    expect(state.model.planning).toBe(false);
  });

  test("typing again restarts the wait: only the last options are read", () => {
    const first = setupReducer(loadedWith(), { type: "optionsChanged", options });
    const renamed: HubOptions = { ...options, repository: { mode: "new", name: "runner-2" } };
    const second = setupReducer(first, { type: "optionsChanged", options: renamed });
    expect(setupReducer(second, { type: "readDue", id: first.waitingRead!.id })).toBe(second);
    const reading = setupReducer(second, { type: "readDue", id: second.waitingRead!.id });
    expect(reading.read?.options.repository).toBe("runner-2");
    expect(reading.model.planning).toBe(true);
  });

  test("a read never carries the client key", () => {
    expect(JSON.stringify(reRead(loadedWith()).read)).not.toContain('"key"');
  });

  test("a name the service would refuse is not read at all", () => {
    const bad: HubOptions = { ...options, repository: { mode: "new", name: "a/b" } };
    const state = setupReducer(loadedWith(), { type: "optionsChanged", options: bad });
    expect(state.model.options).toBe(bad);
    expect(state.waitingRead).toBeUndefined();
  });

  test("only the newest read's answer is shown", () => {
    const older = reRead(loadedWith());
    const newer = reRead(older);
    const stale = { ...emptyPlan(), upToDate: true };
    const fresh = setUpPlan();
    const afterStale = setupReducer(newer, { type: "readDone", id: older.read!.id, plan: stale });
    expect(afterStale).toBe(newer);
    const shown = setupReducer(afterStale, { type: "readDone", id: newer.read!.id, plan: fresh });
    expect(shown.model).toMatchObject({ plan: fresh, planning: false });
  });

  test("a read that fails shows its problem and stops the spinner", () => {
    const reading = reRead(loadedWith());
    const problem = { message: "Offline.", remedy: "Try again." };
    const state = setupReducer(reading, { type: "readFailed", id: reading.read!.id, problem });
    expect(state.model).toMatchObject({ planError: problem, planning: false });
  });
});

describe("setting up", () => {
  test("a plan without decisions starts the set-up at once, every step waiting", () => {
    const plan = emptyPlan();
    const state = setupReducer(loadedWith(plan), { type: "setUpPressed" });
    expect(state.run?.options).toMatchObject({ project: "P", projectId: "p-1" });
    expect(state.model.applying).toBe(true);
    expect(state.model.progress.map((p) => [p.step.id, p.status])).toEqual(
      plan.steps.map((s) => [s.id, "queued"]),
    );
  });

  test("a set-up cannot start twice", () => {
    const running = setupReducer(loadedWith(), { type: "setUpPressed" });
    expect(setupReducer(running, { type: "setUpPressed" })).toBe(running);
  });

  test("a re-read still waiting for the user to stop typing is dropped when a set-up starts", () => {
    const waiting = setupReducer(loadedWith(), { type: "optionsChanged", options });
    const running = setupReducer(waiting, { type: "setUpPressed" });
    expect(running.waitingRead).toBeUndefined();
    expect(setupReducer(running, { type: "readDue", id: waiting.waitingRead!.id })).toBe(running);
  });

  test("a re-read that started before a set-up does not land after it", () => {
    const reading = reRead(loadedWith());
    const running = setupReducer(reading, { type: "setUpPressed" });
    const after = setUpPlan();
    const done = setupReducer(running, {
      type: "runFinished",
      id: running.run!.id,
      result: result({ after }),
    });
    const late = setupReducer(done, { type: "readDone", id: reading.read!.id, plan: emptyPlan() });
    expect(late.model.plan).toBe(after);
  });

  test("the steps follow the engine's events, with what each did", () => {
    const plan = emptyPlan();
    const [first, second] = plan.steps;
    const running = setupReducer(loadedWith(plan), { type: "setUpPressed" });
    const id = running.run!.id;
    const state = run(
      running,
      { type: "progressed", id, event: { type: "step-started", step: first } },
      {
        type: "progressed",
        id,
        event: { type: "step-done", step: first, detail: "made", link: "l" },
      },
      {
        type: "progressed",
        id,
        event: { type: "step-skipped", step: second, reason: "already there" },
      },
    );
    expect(state.model.progress.slice(0, 2)).toEqual([
      { step: first, status: "done", detail: "made", link: "l" },
      { step: second, status: "skipped", detail: "already there", link: undefined },
    ]);
  });

  test("an engine that re-plans after a conflict drops the steps that never started and says why", () => {
    const plan = emptyPlan();
    const running = setupReducer(loadedWith(plan), { type: "setUpPressed" });
    const id = running.run!.id;
    const state = run(
      running,
      { type: "progressed", id, event: { type: "step-done", step: plan.steps[0], detail: "" } },
      { type: "progressed", id, event: { type: "replanning", reason: "Someone else changed it." } },
    );
    expect(state.model.note).toBe("Someone else changed it.");
    expect(state.model.progress.map((p) => p.step.id)).toEqual([plan.steps[0].id]);
  });

  test("a set-up that ends well shows the engine's picture of the project at once", () => {
    const running = setupReducer(loadedWith(), { type: "setUpPressed" });
    const after = setUpPlan();
    const done = setupReducer(running, {
      type: "runFinished",
      id: running.run!.id,
      result: result({ after }),
    });
    expect(done.model).toMatchObject({
      outcome: "complete",
      applying: false,
      planning: false,
      plan: after,
    });
    expect(done.model.failure).toBeUndefined();
    expect(done.run).toBeUndefined();
  });

  test("after a set-up, what it created is chosen in the form and its runs are listed", () => {
    const running = setupReducer(loadedWith(), { type: "setUpPressed" });
    const after = setUpPlan();
    const state = run(
      running,
      { type: "runFinished", id: running.run!.id, result: result({ after }) },
      {
        type: "choicesAfterRun",
        id: running.run!.id,
        choices: {
          repositories: ["repo-runner-actions"],
          selfHostedQueues: [],
          connections: ["stackspot"],
        },
        after,
      },
    );
    expect(state.model.options).toEqual({
      repository: { mode: "existing", name: "repo-runner-actions" },
      pool: { kind: "hosted" },
      credentials: { mode: "existing", name: "stackspot" },
    });
    expect(state.read).toBeUndefined();
    expect(state.runsRequest).toMatchObject({ pipelineId: 7 });
  });

  describe("the client key typed for secret pipeline variables", () => {
    const typed: HubOptions = {
      ...options,
      credentials: { mode: "variables", clientId: "id", clientKey: "k3y-typed", realm: "acme" },
    };
    const finishedWith = (outcome: SetupResult["outcome"]) => {
      const loaded = setupReducer(loadedWith(), { type: "optionsChanged", options: typed });
      const running = setupReducer(loaded, { type: "setUpPressed" });
      return setupReducer(running, {
        type: "runFinished",
        id: running.run!.id,
        result: result({ outcome, after: setUpPlan() }),
      });
    };

    test.each(["complete", "waiting-for-pull-request"] as const)(
      "leaves the form once a set-up ends %s, the rest of the credentials kept",
      (outcome) => {
        expect(finishedWith(outcome).model.options?.credentials).toEqual({
          mode: "variables",
          clientId: "id",
          clientKey: "",
          realm: "acme",
        });
      },
    );

    test.each(["failed", "blocked", "needs-decision"] as const)(
      "stays for Retry when a set-up ends %s",
      (outcome) => {
        expect(finishedWith(outcome).model.options?.credentials).toMatchObject({
          clientKey: "k3y-typed",
        });
      },
    );
  });

  test("a failed step shows what failed and why; the project is read again, then its runs listed", () => {
    const plan = emptyPlan();
    const running = setupReducer(loadedWith(plan), { type: "setUpPressed" });
    const failure = {
      step: plan.steps[0],
      message: "Denied.",
      remedy: "Ask.",
      error: new Error("Denied."),
    };
    const failed = run(
      running,
      { type: "runFinished", id: running.run!.id, result: result({ outcome: "failed", failure }) },
      { type: "choicesAfterRun", id: running.run!.id },
    );
    expect(failed.model.failure).toEqual({
      what: plan.steps[0].change,
      message: "Denied.",
      remedy: "Ask.",
    });
    expect(failed.model.plan).toBe(plan);
    expect(failed.model.planning).toBe(true);
    expect(failed.read?.thenRuns).toBe(true);
    const read = setupReducer(failed, { type: "readDone", id: failed.read!.id, plan: setUpPlan() });
    expect(read.runsRequest).toMatchObject({ pipelineId: 7 });
  });

  test("a read that replaces the one after a set-up still lists the runs", () => {
    const running = setupReducer(loadedWith(), { type: "setUpPressed" });
    const failed = run(
      running,
      { type: "runFailed", id: running.run!.id, problem: { message: "m", remedy: "r" } },
      { type: "choicesAfterRun", id: running.run!.id },
    );
    const replaced = reRead(failed);
    expect(replaced.read?.id).not.toBe(failed.read!.id);
    expect(replaced.read?.thenRuns).toBe(true);
  });

  test("a failure before any step is reported as reading the project", () => {
    const running = setupReducer(loadedWith(), { type: "setUpPressed" });
    const problem = { message: "Offline.", remedy: "Check the network." };
    const state = setupReducer(running, { type: "runFailed", id: running.run!.id, problem });
    expect(state.model).toMatchObject({
      outcome: "failed",
      failure: { what: "Read the project", ...problem },
      applying: false,
    });
  });

  test("a blocked set-up shows neither a failure card nor waiting steps", () => {
    const plan = emptyPlan();
    const running = setupReducer(loadedWith(plan), { type: "setUpPressed" });
    const failure = { step: plan.steps[0], message: "m", remedy: "r", error: new Error("m") };
    const state = setupReducer(running, {
      type: "runFinished",
      id: running.run!.id,
      result: result({ outcome: "blocked", failure, after: plan }),
    });
    expect(state.model.failure).toBeUndefined();
    expect(state.model.progress).toEqual([]);
    expect(state.model.outcome).toBe("blocked");
  });

  test("events of a set-up that is over change nothing", () => {
    const plan = emptyPlan();
    const running = setupReducer(loadedWith(plan), { type: "setUpPressed" });
    const id = running.run!.id;
    const done = setupReducer(running, { type: "runFinished", id, result: result({}) });
    const event = { type: "step-started" as const, step: plan.steps[0] };
    expect(setupReducer(done, { type: "progressed", id, event })).toBe(done);
  });
});

describe("decisions", () => {
  const withDecisions = (...options: Decision["option"][]) =>
    loadedWith({ ...emptyPlan(), decisions: options.map(decision) });
  /** The plan once the user chose to replace the file: the engine plans it as a step. */
  const replacing = (): SetupPlan => {
    const plan = emptyPlan();
    const write = plan.steps.find((st) => st.spec.kind === "write-file")!;
    const spec = { ...write.spec, mode: "replace" } as typeof write.spec;
    return { ...plan, steps: plan.steps.map((st) => (st === write ? { ...st, spec } : st)) };
  };
  /** Replace chosen in the checklist, and the project read again with it. */
  const choseToReplace = (): SetupState => {
    const chosen = setupReducer(withDecisions("replaceEditedFile"), {
      type: "decisionChosen",
      option: "replaceEditedFile",
      yes: true,
    });
    return setupReducer(chosen, { type: "readDone", id: chosen.read!.id, plan: replacing() });
  };

  test("a decision left as it is needs no dialog: the set-up starts without it", () => {
    const state = setupReducer(withDecisions("replaceEditedFile"), { type: "setUpPressed" });
    expect(state.model.asking).toBeUndefined();
    expect(state.run?.options).toMatchObject({ replaceEditedFile: false });
  });

  test("a choice made in the checklist reads the project with it, and stays shown", () => {
    const chosen = setupReducer(withDecisions("replaceEditedFile"), {
      type: "decisionChosen",
      option: "replaceEditedFile",
      yes: true,
    });
    expect(chosen.read?.options).toMatchObject({ replaceEditedFile: true });
    expect(chosen.model.planning).toBe(true);
    const state = choseToReplace();
    expect(state.model.answers).toEqual({ replaceEditedFile: true });
    expect(state.model.decisionsSeen.map((d) => d.option)).toEqual(["replaceEditedFile"]);
  });

  test('a "yes" is confirmed in the dialog, then the set-up starts with every answer', () => {
    const asking = setupReducer(choseToReplace(), { type: "setUpPressed" });
    expect(asking.model.asking?.queue.map((d) => d.option)).toEqual(["replaceEditedFile"]);
    expect(asking.run).toBeUndefined();
    const started = setupReducer(asking, { type: "answered", yes: true });
    expect(started.model.asking).toBeUndefined();
    expect(started.run?.options).toMatchObject({
      replaceEditedFile: true,
      takeOverPipeline: false,
    });
  });

  test("missing credentials are chosen in Options, not asked in the dialog", () => {
    const state = setupReducer(withDecisions("credentials"), { type: "setUpPressed" });
    expect(state.model.asking).toBeUndefined();
    expect(state.run).toBeDefined();
  });

  test("cancelling the dialog starts nothing", () => {
    const state = run(choseToReplace(), { type: "setUpPressed" }, { type: "decisionsCancelled" });
    expect(state.model.asking).toBeUndefined();
    expect(state.run).toBeUndefined();
  });

  test("a set-up's end clears the choices: the next one asks again", () => {
    const started = run(
      choseToReplace(),
      { type: "setUpPressed" },
      { type: "answered", yes: true },
    );
    const ended = setupReducer(started, {
      type: "runFinished",
      id: started.run!.id,
      result: result({}),
    });
    expect(ended.model.answers).toEqual({});
  });

  retrying(choseToReplace);
});

function retrying(choseToReplace: () => SetupState): void {
  test("Retry after a failed set-up runs it again with the same answers", () => {
    const first = run(choseToReplace(), { type: "setUpPressed" }, { type: "answered", yes: true });
    const failed = setupReducer(first, {
      type: "runFailed",
      id: first.run!.id,
      problem: { message: "m", remedy: "r" },
    });
    const again = setupReducer(failed, { type: "retryPressed" });
    expect(again.run?.id).not.toBe(first.run!.id);
    expect(again.run?.options).toMatchObject({ replaceEditedFile: true });
    expect(again.model).toMatchObject({ applying: true, failure: undefined, outcome: undefined });
  });
}

describe("retrying", () => {
  test("Try again on a set-up blocked on load reads the project again and sets up nothing", () => {
    const state = setupReducer(loadedWith(), { type: "retryPressed" });
    expect(state.run).toBeUndefined();
    expect(state.read?.options).toMatchObject({ project: "P", repository: "repo-runner-actions" });
    expect(state.model.planning).toBe(true);
  });
});

describe("runs", () => {
  test("Refresh lists the runs of the pipeline the checklist shows", () => {
    const loaded = loadedWith(setUpPlan());
    const refreshed = setupReducer(loaded, { type: "runsRefreshPressed" });
    expect(refreshed.runsRequest).not.toBe(loaded.runsRequest);
    expect(refreshed.runsRequest).toMatchObject({ pipelineId: 7 });
  });

  test("a listing that fails keeps the runs shown and says why", () => {
    const problem = { message: "m", remedy: "r" };
    const listed = setupReducer(loadedWith(setUpPlan()), { type: "runsLoaded", runs: [] });
    const state = setupReducer(listed, { type: "runsFailed", problem });
    expect(state.model).toMatchObject({ runs: [], runsError: problem });
  });
});

describe("busy", () => {
  test("a loaded hub is idle; a re-read is work from the moment the options change", () => {
    const loaded = loadedWith();
    expect(isBusy(loaded)).toBe(false);
    const waiting = setupReducer(loaded, { type: "optionsChanged", options });
    expect(isBusy(waiting)).toBe(true);
    const reading = setupReducer(waiting, { type: "readDue", id: waiting.waitingRead!.id });
    expect(isBusy(reading)).toBe(true);
    const read = setupReducer(reading, {
      type: "readDone",
      id: reading.read!.id,
      plan: emptyPlan(),
    });
    expect(isBusy(read)).toBe(false);
  });

  test("a set-up is work until the form has settled on what it created", () => {
    const running = setupReducer(loadedWith(), { type: "setUpPressed" });
    const id = running.run!.id;
    const after = setUpPlan();
    const done = setupReducer(running, { type: "runFinished", id, result: result({ after }) });
    expect(done.model.applying).toBe(false);
    expect(isBusy(done)).toBe(true);
    const settled = setupReducer(done, { type: "choicesAfterRun", id, after });
    expect(isBusy(settled)).toBe(false);
  });
});
