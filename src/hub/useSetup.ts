// The hub's state: connect to the host, read and plan with the engine, apply with live progress,
// ask for decisions, refresh. Components only render what this hook holds.
import * as React from "react";
import type {
  Decision,
  PlanStep,
  SetupOutcome,
  SetupPlan,
  SetupProgressEvent,
  StackspotRun,
} from "../setup";
import { listStackspotRuns, planSetup, readProjectState } from "../setup";
import { listChoices } from "./choices";
import { describeError, type Problem } from "./describeError";
import { connectToHost, type HubContext } from "./hubContext";
import {
  optionProblems,
  settleOptions,
  suggestOptions,
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
}
export type Answers = { replaceEditedFile?: boolean; takeOverPipeline?: boolean };

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
  /** Decisions the dialog asks, one at a time, before applying. */
  asking?: { queue: Decision[]; answers: Answers };
  runs?: StackspotRun[];
  runsError?: Problem;
}

export interface SetupActions {
  setOptions(options: HubOptions): void;
  /** Starts a set-up, asking first for every decision the plan holds. */
  setUp(): void;
  answer(yes: boolean): void;
  cancelDecisions(): void;
  retry(): void;
  refreshRuns(): void;
}

const REPLAN_DELAY_MS = 300;

export function useSetup(): [SetupModel, SetupActions] {
  const [model, setModel] = React.useState<SetupModel>({
    planning: true,
    applying: false,
    progress: [],
  });
  const current = React.useRef(model);
  current.current = model;
  const update = React.useCallback(
    (patch: Partial<SetupModel> | ((m: SetupModel) => Partial<SetupModel>)) => {
      setModel((m) => ({ ...m, ...(typeof patch === "function" ? patch(m) : patch) }));
    },
    [],
  );
  const planSeq = React.useRef(0);
  const replanTimer = React.useRef<number | undefined>(undefined);
  const lastAnswers = React.useRef<Answers>({});

  const loadRuns = React.useCallback(
    async (ctx: HubContext, plan: SetupPlan | undefined) => {
      const pipeline = plan?.state.pipelinesNamedStackspot.find(
        (d) => d.path === "\\" || d.path === "",
      );
      try {
        const runs = pipeline
          ? await listStackspotRuns(ctx.clients, ctx.project.name, pipeline.id)
          : [];
        update({ runs, runsError: undefined });
      } catch (e) {
        update({ runsError: describeError(e) });
      }
    },
    [update],
  );

  /** Reads the project for these options and plans; only the newest request's answer is kept. */
  const replan = React.useCallback(
    async (ctx: HubContext, options: HubOptions) => {
      const seq = ++planSeq.current;
      update({ planning: true });
      try {
        const setupOptions = withoutSecrets(toSetupOptions(ctx.project, options));
        const plan = planSetup(await readProjectState(ctx.clients, setupOptions), setupOptions);
        if (seq === planSeq.current) update({ plan, planning: false, planError: undefined });
        return plan;
      } catch (e) {
        if (seq === planSeq.current) update({ planning: false, planError: describeError(e) });
        return undefined;
      }
    },
    [update],
  );

  React.useEffect(() => {
    let cancelled = false;
    (async () => {
      const ctx = await connectToHost();
      if (cancelled) return;
      update({ context: ctx });
      // First wave: the state for the default options, and what the form offers.
      const defaults = toSetupOptions(
        ctx.project,
        suggestOptions(
          undefined,
          { repositories: [], selfHostedQueues: [], connections: [] },
          undefined,
        ),
      );
      const [choices, state] = await Promise.all([
        listChoices(ctx.clients, ctx.project.name),
        readProjectState(ctx.clients, defaults),
      ]);
      const file = state.file?.classification;
      const options = suggestOptions(
        state,
        choices,
        file && (file.kind === "current" || file.kind === "upgradable") ? file.settings : undefined,
      );
      const suggested = withoutSecrets(toSetupOptions(ctx.project, options));
      // A project set up with other choices is read again with those, so the checklist judges the
      // real set-up.
      const sameRead = JSON.stringify(suggested) === JSON.stringify(withoutSecrets(defaults));
      const plan = sameRead
        ? planSetup(state, suggested)
        : planSetup(await readProjectState(ctx.clients, suggested), suggested);
      if (cancelled) return;
      ++planSeq.current;
      update({ choices, options, plan, planning: false });
      void loadRuns(ctx, plan);
    })().catch((e: unknown) => {
      if (!cancelled) update({ loadError: describeError(e), planning: false });
    });
    return () => {
      cancelled = true;
    };
  }, [update, loadRuns]);

  const run = React.useCallback(
    async (answers: Answers) => {
      const m = current.current;
      const ctx = m.context;
      if (!ctx || !m.options || m.applying) return;
      lastAnswers.current = answers;
      // The set-up reads the project itself: a re-read still waiting for the user to stop typing
      // would only land after it and hide its result.
      window.clearTimeout(replanTimer.current);
      const options = toSetupOptions(ctx.project, m.options, answers);
      update({
        applying: true,
        asking: undefined,
        outcome: undefined,
        failure: undefined,
        note: undefined,
        pullRequest: undefined,
        progress: (m.plan?.steps ?? []).map((step) => ({ step, status: "queued" as const })),
      });
      const onProgress = (event: SetupProgressEvent) =>
        update((s) => ({ ...progressAfter(s, event) }));
      // The project after the run, as the engine computed it from what the steps made (no new
      // read).
      let after: SetupPlan | undefined;
      try {
        const { runSetup } = await import(/* webpackChunkName: "apply" */ "./applyChunk");
        const result = await runSetup(ctx.clients, options, { onProgress });
        // A failed run may have left what it could not see (a write whose answer never came): read
        // again then.
        after = result.outcome === "failed" ? undefined : result.after;
        const blocked = result.outcome === "blocked";
        update((s) => ({
          outcome: result.outcome,
          // A blocked run started nothing: the checklist and the plan say what stops it, not a
          // failure card.
          failure:
            result.failure && !blocked
              ? {
                  what: result.failure.step.change,
                  message: result.failure.message,
                  remedy: result.failure.remedy,
                }
              : undefined,
          pullRequest: result.pullRequest,
          // Steps of a plan the engine replaced after a conflict, and never started, are dropped;
          // so are all of a blocked one.
          progress: blocked
            ? []
            : s.progress.filter(
                (p) => p.status !== "queued" || result.plan.steps.some((st) => st.id === p.step.id),
              ),
        }));
      } catch (e) {
        const problem = describeError(e);
        // Failures outside a step: reading the project before applying.
        update({ outcome: "failed", failure: { what: "Read the project", ...problem } });
      } finally {
        // The checklist shows the result, not the old plan: the engine's "after" at once (a read of
        // the project still in flight is dropped), or a fresh read.
        if (after) ++planSeq.current;
        update({
          applying: false,
          planning: !after,
          ...(after ? { plan: after, planError: undefined } : {}),
        });
      }
      const choices = await listChoices(ctx.clients, ctx.project.name).catch(
        () => current.current.choices,
      );
      const settled =
        current.current.options && choices
          ? settleOptions(current.current.options, choices)
          : current.current.options;
      update({ choices, options: settled });
      const plan = after ?? (settled ? await replan(ctx, settled) : undefined);
      void loadRuns(ctx, plan);
    },
    [update, replan, loadRuns],
  );

  const actions: SetupActions = {
    setOptions: (options) => {
      update({ options });
      const ctx = current.current.context;
      window.clearTimeout(replanTimer.current);
      if (!ctx) return;
      const problems = optionProblems(
        options,
        current.current.choices ?? { repositories: [], selfHostedQueues: [], connections: [] },
      );
      // A name the service would refuse is not worth a round trip; the form shows why.
      if (problems.repository || problems.pool) return;
      replanTimer.current = window.setTimeout(() => void replan(ctx, options), REPLAN_DELAY_MS);
    },
    setUp: () => {
      const plan = current.current.plan;
      const questions = (plan?.decisions ?? []).filter((d) => d.option !== "credentials");
      if (questions.length) update({ asking: { queue: questions, answers: {} } });
      else void run({});
    },
    answer: (yes) => {
      const asking = current.current.asking;
      if (!asking) return;
      const [decision, ...rest] = asking.queue;
      const answers = { ...asking.answers, [decision.option]: yes };
      if (rest.length) update({ asking: { queue: rest, answers } });
      else void run(answers);
    },
    cancelDecisions: () => update({ asking: undefined }),
    // Blocked on load (no set-up ran yet): read the project again, then the user presses Set up.
    retry: () => {
      const m = current.current;
      if (m.outcome === undefined && m.context && m.options) void replan(m.context, m.options);
      else void run(lastAnswers.current);
    },
    refreshRuns: () => {
      const ctx = current.current.context;
      if (ctx) void loadRuns(ctx, current.current.plan);
    },
  };
  return [model, actions];
}

/** The progress list after one engine event. */
function progressAfter(s: SetupModel, event: SetupProgressEvent): Partial<SetupModel> {
  if (event.type === "replanning") {
    return { note: event.reason, progress: s.progress.filter((p) => p.status !== "queued") };
  }
  const status: StepStatus =
    event.type === "step-started"
      ? "running"
      : event.type === "step-done"
        ? "done"
        : event.type === "step-failed"
          ? "failed"
          : "skipped";
  const detail =
    event.type === "step-done"
      ? event.detail
      : event.type === "step-failed"
        ? event.message
        : event.type === "step-skipped"
          ? event.reason
          : undefined;
  const link = event.type === "step-done" ? event.link : undefined;
  const entry: StepProgress = { step: event.step, status, detail, link };
  const index = s.progress.findIndex((p) => p.step.id === event.step.id);
  const progress =
    index < 0 ? [...s.progress, entry] : s.progress.map((p, i) => (i === index ? entry : p));
  return { progress };
}
