// What the apply stage reports: progress while the steps run, and the result.
import type { PullRequestState } from "../read/types";
import type { PlanStep, SetupPlan } from "../plan/types";

/**
 * Before and between the steps: reading the project, and the plan it led to (for a spinner, then
 * the list of steps).
 */
export type SetupPhaseEvent = { type: "reading" } | { type: "planned"; plan: SetupPlan };

/** Every event of a run, in order: phases and step progress (RunSetupHooks.onEvent). */
export type SetupEvent = SetupPhaseEvent | SetupProgressEvent;

export type SetupProgressEvent =
  | { type: "step-started"; step: PlanStep }
  | { type: "step-done"; step: PlanStep; detail: string; link?: string }
  | { type: "step-failed"; step: PlanStep; message: string; remedy: string; error: Error }
  | { type: "step-skipped"; step: PlanStep; reason: string }
  | { type: "replanning"; reason: string };

export type SetupOutcome =
  /** The project meets the contract. */
  | "complete"
  /** Everything else is done; the file waits in a pull request. */
  | "waiting-for-pull-request"
  /** Done what could be done; a decision (see plan.decisions) is needed for the rest. */
  | "needs-decision"
  /**
   * Something required is missing (the agent queue, a permission); see the checklist. Nothing was
   * changed.
   */
  | "blocked"
  /** A step failed; see `failure`. */
  | "failed";

export interface ApplyResult {
  outcome: SetupOutcome;
  done: PlanStep[];
  /**
   * The step that failed; for a plan blocked by a missing permission, the first step that needs one
   * (nothing ran).
   */
  failure?: { step: PlanStep; message: string; remedy: string; error: Error };
  /**
   * A failed run that had changed something already: "partially applied". What changed and what
   * did not, in plan order; running the set-up again (Retry) makes only what is left.
   */
  partial?: { changed: PlanStep[]; unchanged: PlanStep[] };
  pullRequest?: PullRequestState;
}

export interface SetupResult extends ApplyResult {
  /** The plan that was applied last (after a re-plan, the second one). */
  plan: SetupPlan;
  /** True when a conflict made the engine re-read and re-plan. */
  replanned: boolean;
  /**
   * The project as it stands after the changes: the plan of what was read, updated with what the
   * steps did (no request is made for it). Its checklist is the final state to show; `upToDate`
   * says whether anything is left to do.
   */
  after: SetupPlan;
}

export type ProgressListener = (event: SetupProgressEvent) => void;
