// The hub's state and its transitions, without React and without I/O: every change the hub makes
// to what it shows is one action through `setupReducer`. What the hook (useSetup.ts) must do next
// is state too: a read to make (`read`), a re-read waiting for the user to stop typing
// (`waitingRead`), a set-up to run (`run`), runs to list (`runsRequest`). The hook performs them
// and reports back with actions that carry the request's id, so an answer nobody waits for any
// more (an older read, a read from before a set-up) is dropped here, not raced in the hook.
import type {
  Decision,
  PlanStep,
  SetupOptions,
  SetupOutcome,
  SetupPlan,
  SetupProgressEvent,
  SetupResult,
  StackspotRun,
} from "../setup";
import { decisionsShown, managedPipeline, type Answers, type ManagedPipeline } from "./decisions";
import type { Problem } from "./describeError";
import type { HubContext } from "./hubContext";
import {
  invalidOption,
  optionProblems,
  settleOptions,
  toSetupOptions,
  withoutSecrets,
  type Choices,
  type HubOptions,
} from "./hubOptions";

export type StepStatus = "queued" | "running" | "done" | "failed" | "skipped";
export interface StepProgress {
  step: PlanStep;
  status: StepStatus;
  detail?: string;
  link?: string;
}
export interface StepFailureView {
  /** What was being done, in the plan's words ("Create the repository 'x'"). */
  what: string;
  message: string;
  remedy: string;
  /** The run had changed something before it failed: what it changed and what it did not. */
  partial?: { changed: string[]; unchanged: string[] };
}
export type { Answers } from "./decisions";

export interface SetupModel {
  context?: HubContext;
  /** The hub could not start (no project, no access). */
  loadError?: Problem;
  choices?: Choices;
  options?: HubOptions;
  plan?: SetupPlan;
  /** Reading the project again after a change of options or a set-up. */
  planning: boolean;
  planError?: Problem;
  applying: boolean;
  progress: StepProgress[];
  /** A run message, e.g. that the engine re-read the project after a conflict. */
  note?: string;
  outcome?: SetupOutcome;
  failure?: StepFailureView;
  pullRequest?: { id: number; title: string; url: string };
  /** Decisions the dialog confirms, one at a time, before applying (those answered "yes"). */
  asking?: { queue: Decision[]; answers: Answers };
  /** What the user chose for each decision in the checklist; the project is read with it. */
  answers: Answers;
  /** Each decision the plans asked since the last set-up (the checklist shows its choice). */
  decisionsSeen: Decision[];
  /** The pipeline the hub saw this product set up, once it has seen one. */
  managed?: ManagedPipeline;
  runs?: StackspotRun[];
  runsError?: Problem;
}

/** A read of the project the checklist waits for. */
export interface ReadRequest {
  id: number;
  /** Without secrets: a read only needs names. */
  options: SetupOptions;
  /** A read after a set-up lists the runs once it is done (the set-up may have queued one). */
  thenRuns: boolean;
}

export interface SetupState {
  model: SetupModel;
  /** The last id handed to a request; ids tell a current answer from a stale one. */
  lastId: number;
  /** A re-read of the project for options still being typed: it starts when typing pauses. */
  waitingRead?: { id: number; options: HubOptions };
  /** The read in flight whose answer is shown; the answers of any other read are dropped. */
  read?: ReadRequest;
  /** The set-up in flight. */
  run?: { id: number; options: SetupOptions };
  /** The set-up whose aftermath (choices read again, options settled) is still to come. */
  settling?: number;
  /** What the user answered for the last set-up, for Retry. */
  lastAnswers: Answers;
  /** The runs of this pipeline to list (a new object for every listing asked for). */
  runsRequest?: { id: number; pipelineId: number };
}

export type SetupAction =
  | { type: "connected"; context: HubContext }
  | { type: "loaded"; choices: Choices; options: HubOptions; plan: SetupPlan }
  | { type: "loadFailed"; problem: Problem }
  | { type: "optionsChanged"; options: HubOptions }
  /** The user stopped typing: the waiting re-read with this id may start. */
  | { type: "readDue"; id: number }
  | { type: "readDone"; id: number; plan: SetupPlan }
  | { type: "readFailed"; id: number; problem: Problem }
  | { type: "setUpPressed" }
  /** The user chose, in the checklist, the answer to a decision. */
  | { type: "decisionChosen"; option: "replaceEditedFile" | "takeOverPipeline"; yes: boolean }
  | { type: "answered"; yes: boolean }
  | { type: "decisionsCancelled" }
  | { type: "retryPressed" }
  | { type: "progressed"; id: number; event: SetupProgressEvent }
  | { type: "runFinished"; id: number; result: SetupResult }
  /** The set-up failed outside a step: reading the project before applying. */
  | { type: "runFailed"; id: number; problem: Problem }
  /** After set-up `id`: the project's choices read again (undefined if that failed). */
  | { type: "choicesAfterRun"; id: number; choices?: Choices; after?: SetupPlan }
  /** Refresh pressed, or the runs' listing is due again while one is in progress. */
  | { type: "runsRefreshPressed" }
  | { type: "runsLoaded"; runs: StackspotRun[] }
  | { type: "runsFailed"; problem: Problem };

export const initialSetupState: SetupState = {
  model: { planning: true, applying: false, progress: [], answers: {}, decisionsSeen: [] },
  lastId: 0,
  lastAnswers: {},
};

const noChoices: Choices = { repositories: [], selfHostedQueues: [], connections: [] };

export function setupReducer(state: SetupState, action: SetupAction): SetupState {
  const model = state.model;
  switch (action.type) {
    case "connected":
      return withModel(state, { context: action.context });
    case "loaded":
      return loaded(state, action.choices, action.options, action.plan);
    case "loadFailed":
      return withModel(state, { loadError: action.problem, planning: false });
    case "optionsChanged":
      return optionsChanged(state, action.options);
    case "readDue":
      if (state.waitingRead?.id !== action.id) return state;
      return startRead({ ...state, waitingRead: undefined }, state.waitingRead.options, false);
    case "readDone":
    case "readFailed":
      return readEnded(state, action);
    case "setUpPressed":
      return setUpPressed(state);
    case "decisionChosen":
      return decisionChosen(state, action.option, action.yes);
    case "answered":
      return answered(state, action.yes);
    case "decisionsCancelled":
      return withModel(state, { asking: undefined });
    case "retryPressed":
      // Blocked on load (no set-up ran yet): read the project again, then the user presses Set up.
      if (model.outcome === undefined && model.options)
        return startRead(state, model.options, false);
      return startRun(state, state.lastAnswers);
    case "progressed":
      if (state.run?.id !== action.id) return state;
      return withModel(state, progressAfter(model, action.event));
    case "runFinished":
      return state.run?.id === action.id ? runFinished(state, action.result) : state;
    case "runFailed":
      return state.run?.id === action.id ? runFailed(state, action.problem) : state;
    case "choicesAfterRun":
      return choicesAfterRun(
        { ...state, settling: state.settling === action.id ? undefined : state.settling },
        action.choices,
        action.after,
      );
    case "runsRefreshPressed":
      return requestRuns(state, model.plan);
    case "runsLoaded":
      return withModel(state, { runs: action.runs, runsError: undefined });
    case "runsFailed":
      return withModel(state, { runsError: action.problem });
  }
}

/**
 * The project after a set-up, as the engine computed it from what the steps made (no new read). A
 * failed run may have left what it could not see (a write whose answer never came): none then, the
 * project is read again.
 */
export function planAfter(result: SetupResult): SetupPlan | undefined {
  return result.outcome === "failed" ? undefined : result.after;
}

/**
 * Whether the hub is still working on something the user did: a read waiting, in flight or due
 * after a set-up, a set-up or its aftermath. Tests wait for it to end (data-busy on the page).
 */
export function isBusy(state: SetupState): boolean {
  return (
    !!(state.waitingRead || state.read || state.run || state.settling !== undefined) ||
    state.model.planning ||
    state.model.applying
  );
}

function withModel(state: SetupState, patch: Partial<SetupModel>): SetupState {
  return { ...state, model: { ...state.model, ...patch } };
}

function loaded(
  state: SetupState,
  choices: Choices,
  options: HubOptions,
  plan: SetupPlan,
): SetupState {
  // The first read is the newest one: a read that started before it is dropped.
  const read = undefined;
  return requestRuns(
    withModel(
      { ...state, read },
      { choices, options, ...withPlan(state.model, plan), planning: false },
    ),
    plan,
  );
}

/**
 * A new plan, with the decisions it asks added to those seen and the pipeline it shows this
 * product set up remembered.
 */
function withPlan(model: SetupModel, plan: SetupPlan): Partial<SetupModel> {
  const asked = plan.decisions.filter(
    (d) => d.option !== "credentials" && !model.decisionsSeen.some((s) => s.id === d.id),
  );
  return {
    plan,
    decisionsSeen: asked.length ? [...model.decisionsSeen, ...asked] : model.decisionsSeen,
    managed: managedPipeline(plan) ?? model.managed,
  };
}

/** A decision answered in the checklist: the project is read again with the answer. */
function decisionChosen(state: SetupState, option: keyof Answers, yes: boolean): SetupState {
  const { options, applying } = state.model;
  if (applying) return state;
  const next = withModel(state, { answers: { ...state.model.answers, [option]: yes } });
  return options ? startRead({ ...next, waitingRead: undefined }, options, false) : next;
}

function optionsChanged(state: SetupState, options: HubOptions): SetupState {
  const next = withModel({ ...state, waitingRead: undefined }, { options });
  if (!state.model.context) return next;
  const problems = optionProblems(options, state.model.choices ?? noChoices);
  // A name the service would refuse is not worth a round trip; the form shows why, and the
  // checklist and the plan wait for valid options.
  if (invalidOption(problems)) return next;
  const id = state.lastId + 1;
  return { ...next, lastId: id, waitingRead: { id, options } };
}

function startRead(state: SetupState, options: HubOptions, thenRuns: boolean): SetupState {
  const context = state.model.context;
  if (!context) return state;
  const id = state.lastId + 1;
  // A read that replaces one still in flight inherits its promise to list the runs.
  const read: ReadRequest = {
    id,
    options: withoutSecrets(toSetupOptions(context.project, options, state.model.answers)),
    thenRuns: thenRuns || !!state.read?.thenRuns,
  };
  return withModel({ ...state, lastId: id, read }, { planning: true });
}

function readEnded(
  state: SetupState,
  action: Extract<SetupAction, { type: "readDone" | "readFailed" }>,
): SetupState {
  const read = state.read;
  if (read?.id !== action.id) return state;
  const next = withModel(
    { ...state, read: undefined },
    action.type === "readDone"
      ? { ...withPlan(state.model, action.plan), planning: false, planError: undefined }
      : { planning: false, planError: action.problem },
  );
  if (!read.thenRuns) return next;
  return requestRuns(next, action.type === "readDone" ? action.plan : undefined);
}

/**
 * Applies with the choices made in the checklist; a "yes" (replace, take over) is confirmed in the
 * dialog first, which shows what it overwrites. Credentials are chosen in Options.
 */
function setUpPressed(state: SetupState): SetupState {
  const { plan, decisionsSeen, answers } = state.model;
  const queue = plan
    ? decisionsShown(plan, decisionsSeen, answers).filter((d) => answers[d.option as keyof Answers])
    : [];
  if (!queue.length) return startRun(state, answers);
  return withModel(state, { asking: { queue, answers } });
}

function answered(state: SetupState, yes: boolean): SetupState {
  const asking = state.model.asking;
  if (!asking) return state;
  const [decision, ...rest] = asking.queue;
  const answers = { ...asking.answers, [decision.option]: yes };
  if (!rest.length) return startRun(state, answers);
  return withModel(state, { asking: { queue: rest, answers } });
}

function startRun(state: SetupState, answers: Answers): SetupState {
  const { context, options, plan, applying } = state.model;
  if (!context || !options || applying) return state;
  const id = state.lastId + 1;
  const run = { id, options: toSetupOptions(context.project, options, answers) };
  // The set-up reads the project itself: a read in flight or one still waiting for the user to stop
  // typing would only land after it and hide its result.
  return withModel(
    { ...state, lastId: id, run, lastAnswers: answers, read: undefined, waitingRead: undefined },
    {
      applying: true,
      asking: undefined,
      outcome: undefined,
      failure: undefined,
      note: undefined,
      pullRequest: undefined,
      progress: (plan?.steps ?? []).map((step) => ({ step, status: "queued" as const })),
    },
  );
}

function runFinished(state: SetupState, result: SetupResult): SetupState {
  const after = planAfter(result);
  const blocked = result.outcome === "blocked";
  // A blocked run started nothing: the checklist and the plan say what stops it, not a failure
  // card.
  const failure =
    result.failure && !blocked
      ? {
          what: result.failure.step.change,
          message: result.failure.message,
          remedy: result.failure.remedy,
          ...(result.partial
            ? {
                partial: {
                  changed: result.partial.changed.map((s) => s.change),
                  unchanged: result.partial.unchanged.map((s) => s.change),
                },
              }
            : {}),
        }
      : undefined;
  // Steps of a plan the engine replaced after a conflict, and never started, are dropped; so are
  // all of a blocked one.
  const progress = blocked
    ? []
    : state.model.progress.filter(
        (p) => p.status !== "queued" || result.plan.steps.some((st) => st.id === p.step.id),
      );
  // The checklist shows the result, not the old plan: the engine's "after" at once, or a fresh
  // read once the choices are known again.
  return withModel(
    { ...state, run: undefined, settling: state.run?.id },
    {
      options: keyDropped(state.model.options, result.outcome),
      outcome: result.outcome,
      failure,
      pullRequest: result.pullRequest,
      progress,
      applying: false,
      planning: !after,
      // The choices were for this set-up: the next one asks again.
      answers: {},
      decisionsSeen: [],
      ...(after
        ? { ...withPlan({ ...state.model, decisionsSeen: [] }, after), planError: undefined }
        : {}),
    },
  );
}

function runFailed(state: SetupState, problem: Problem): SetupState {
  return withModel(
    { ...state, run: undefined, settling: state.run?.id },
    {
      outcome: "failed",
      failure: { what: "Read the project", ...problem },
      applying: false,
      planning: true,
    },
  );
}

/**
 * Once a set-up has written the pipeline's credential variables, the client key typed for them
 * has served: it leaves the form (and the DOM) as it does once a service connection holds it. A
 * run that did not get that far keeps it, so Retry does not ask for it again.
 */
function keyDropped(
  options: HubOptions | undefined,
  outcome: SetupOutcome,
): HubOptions | undefined {
  if (!options || options.credentials.mode !== "variables") return options;
  const written = outcome === "complete" || outcome === "waiting-for-pull-request";
  if (!written || !options.credentials.clientKey) return options;
  return { ...options, credentials: { ...options.credentials, clientKey: "" } };
}

function choicesAfterRun(
  state: SetupState,
  read: Choices | undefined,
  after: SetupPlan | undefined,
): SetupState {
  const { options, choices: known } = state.model;
  const choices = read ?? known;
  // What the set-up created is now chosen from the lists (and a typed key is dropped).
  const settled = options && choices ? settleOptions(options, choices) : options;
  const next = withModel(state, { choices, options: settled });
  if (after || !settled) return requestRuns(next, after);
  return startRead(next, settled, true);
}

/** Lists the runs of the project's stackspot pipeline (the one at the root), if it has one. */
function requestRuns(state: SetupState, plan: SetupPlan | undefined): SetupState {
  if (!state.model.context) return state;
  const pipeline = plan?.state.pipelinesNamedStackspot.find(
    (d) => d.path === "\\" || d.path === "",
  );
  if (!pipeline) return withModel(state, { runs: [], runsError: undefined });
  const id = state.lastId + 1;
  return { ...state, lastId: id, runsRequest: { id, pipelineId: pipeline.id } };
}

/** The progress list after one engine event. */
function progressAfter(s: SetupModel, event: SetupProgressEvent): Partial<SetupModel> {
  if (event.type === "replanning") {
    return { note: event.reason, progress: s.progress.filter((p) => p.status !== "queued") };
  }
  const entry: StepProgress = {
    step: event.step,
    status: stepStatuses[event.type],
    detail:
      event.type === "step-done"
        ? event.detail
        : event.type === "step-failed"
          ? event.message
          : event.type === "step-skipped"
            ? event.reason
            : undefined,
    link: event.type === "step-done" ? event.link : undefined,
  };
  const index = s.progress.findIndex((p) => p.step.id === event.step.id);
  const progress =
    index < 0 ? [...s.progress, entry] : s.progress.map((p, i) => (i === index ? entry : p));
  return { progress };
}

const stepStatuses: Record<Exclude<SetupProgressEvent["type"], "replanning">, StepStatus> = {
  "step-started": "running",
  "step-done": "done",
  "step-failed": "failed",
  "step-skipped": "skipped",
};
