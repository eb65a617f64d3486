// The hub's state: connect to the host, read and plan with the engine, apply with live progress,
// ask for decisions, refresh. What the hub shows and what it must do next are decided in
// setupReducer.ts; this hook only performs the requests the state holds (host, engine, timers) and
// reports their answers as actions. Components only render what it returns.
import * as React from "react";
import type { SetupPlan } from "../setup";
import { listStackspotRuns, planSetup, readProjectState } from "../setup";
import { listChoices } from "./choices";
import { describeError } from "./describeError";
import { takeFirstLoad } from "./firstLoad";
import type { HubContext } from "./hubContext";
import type { HubOptions } from "./hubOptions";
import {
  initialSetupState,
  isBusy,
  planAfter,
  setupReducer,
  type ReadRequest,
  type SetupAction,
  type SetupModel,
  type SetupState,
} from "./setupReducer";

export type {
  Answers,
  SetupModel,
  StepFailureView,
  StepProgress,
  StepStatus,
} from "./setupReducer";

export interface SetupActions {
  setOptions(options: HubOptions): void;
  /** Starts a set-up, asking first for every decision the plan holds. */
  setUp(): void;
  /** A decision's answer chosen in the checklist. */
  choose(option: "replaceEditedFile" | "takeOverPipeline", yes: boolean): void;
  answer(yes: boolean): void;
  cancelDecisions(): void;
  retry(): void;
  refreshRuns(): void;
}

/** How long the options must stay unchanged before the project is read again for them. */
export const REPLAN_DELAY_MS = 300;

/** How often the runs are listed again while one of them is in progress. */
export const RUNS_POLL_MS = 10_000;

/**
 * Runs `run` after `ms`; returns what cancels it. The debounce's logic is the reducer's
 * (optionsChanged, then readDue for the newest wait, tested without a clock); only the wait itself
 * is a timer, injected so no test has to sleep through it.
 */
export type Schedule = (run: () => void, ms: number) => () => void;

const browserSchedule: Schedule = (run, ms) => {
  const timer = window.setTimeout(run, ms);
  return () => window.clearTimeout(timer);
};

type Dispatch = React.Dispatch<SetupAction>;

/**
 * The model the page shows, the user's actions, and whether the hub is still busy with what the
 * user did last (see isBusy).
 */
export function useSetup(
  schedule: Schedule = browserSchedule,
): [SetupModel, SetupActions, boolean] {
  const [state, dispatch] = React.useReducer(setupReducer, initialSetupState);
  const context = state.model.context;
  React.useEffect(() => loadOnce(dispatch), []);
  useWaitingRead(state.waitingRead, dispatch, schedule);
  useRunsPolling(state.model.runs, dispatch, schedule);
  React.useEffect(() => {
    if (context && state.read) void read(context, state.read, dispatch);
  }, [context, state.read]);
  React.useEffect(() => {
    if (context && state.run) void setUp(context, state.run, dispatch);
  }, [context, state.run]);
  React.useEffect(() => {
    if (context && state.runsRequest) void listRuns(context, state.runsRequest, dispatch);
  }, [context, state.runsRequest]);
  // One object for the hub's life: the components' callbacks never change identity.
  const actions = React.useMemo<SetupActions>(
    () => ({
      setOptions: (options) => dispatch({ type: "optionsChanged", options }),
      setUp: () => dispatch({ type: "setUpPressed" }),
      choose: (option, yes) => dispatch({ type: "decisionChosen", option, yes }),
      answer: (yes) => dispatch({ type: "answered", yes }),
      cancelDecisions: () => dispatch({ type: "decisionsCancelled" }),
      retry: () => dispatch({ type: "retryPressed" }),
      refreshRuns: () => dispatch({ type: "runsRefreshPressed" }),
    }),
    [],
  );
  return [state.model, actions, isBusy(state)];
}

/** Starts the waiting re-read once the options have not changed for REPLAN_DELAY_MS. */
function useWaitingRead(
  waiting: SetupState["waitingRead"],
  dispatch: Dispatch,
  schedule: Schedule,
): void {
  React.useEffect(() => {
    if (!waiting) return;
    return schedule(() => dispatch({ type: "readDue", id: waiting.id }), REPLAN_DELAY_MS);
  }, [waiting, dispatch, schedule]);
}

/** Lists the runs again RUNS_POLL_MS after each listing that holds a run still in progress. */
function useRunsPolling(runs: SetupModel["runs"], dispatch: Dispatch, schedule: Schedule): void {
  React.useEffect(() => {
    if (!runs?.some((run) => run.state !== "completed")) return;
    return schedule(() => dispatch({ type: "runsRefreshPressed" }), RUNS_POLL_MS);
  }, [runs, dispatch, schedule]);
}

/**
 * Takes the host connection and first read (started by index.tsx before the first render, see
 * firstLoad.ts) into the state; returns the effect's clean-up.
 */
function loadOnce(dispatch: Dispatch): () => void {
  let cancelled = false;
  const load = takeFirstLoad();
  (async () => {
    const context = await load.context;
    if (cancelled) return;
    dispatch({ type: "connected", context });
    const first = await load.first;
    if (!cancelled) dispatch({ type: "loaded", ...first });
  })().catch((e: unknown) => {
    if (!cancelled) dispatch({ type: "loadFailed", problem: describeError(e) });
  });
  return () => {
    cancelled = true;
  };
}

async function read(ctx: HubContext, request: ReadRequest, dispatch: Dispatch): Promise<void> {
  try {
    const plan = planSetup(await readProjectState(ctx.clients, request.options), request.options);
    dispatch({ type: "readDone", id: request.id, plan });
  } catch (e) {
    dispatch({ type: "readFailed", id: request.id, problem: describeError(e) });
  }
}

async function setUp(
  ctx: HubContext,
  run: NonNullable<SetupState["run"]>,
  dispatch: Dispatch,
): Promise<void> {
  let after: SetupPlan | undefined;
  try {
    const { runSetup } = await import(/* webpackChunkName: "apply" */ "./applyChunk");
    const result = await runSetup(ctx.clients, run.options, {
      onProgress: (event) => dispatch({ type: "progressed", id: run.id, event }),
    });
    after = planAfter(result);
    dispatch({ type: "runFinished", id: run.id, result });
  } catch (e) {
    dispatch({ type: "runFailed", id: run.id, problem: describeError(e) });
  }
  // The set-up may have created a repository or a connection: the form offers it now.
  const choices = await listChoices(ctx.clients, ctx.project.name).catch(() => undefined);
  dispatch({ type: "choicesAfterRun", id: run.id, choices, after });
}

async function listRuns(
  ctx: HubContext,
  request: NonNullable<SetupState["runsRequest"]>,
  dispatch: Dispatch,
): Promise<void> {
  try {
    const runs = await listStackspotRuns(ctx.clients, ctx.project.name, request.pipelineId);
    dispatch({ type: "runsLoaded", runs });
  } catch (e) {
    dispatch({ type: "runsFailed", problem: describeError(e) });
  }
}
