// The apply stage. Before the first write, the permissions the writes need are settled
// (permissions/preflight.ts): a plan the user lacks a permission for is blocked, and nothing is
// written. Then the steps run (runSteps.ts), and the outcome says where the project stands.
import type { AdoClients, ConflictError } from "../../ado";
import { resolveOptions, ResolvedOptions, SetupOptions } from "../options";
import { preflight } from "../permissions/preflight";
import type { PermissionDenial, PlanStep, SetupPlan } from "../plan/types";
import { currentChoices } from "../plan/currentChoices";
import type { RunOutputs } from "../read/stateAfter";
import { runSteps, StepsRun } from "./runSteps";
import type { StepContext } from "./steps/context";
import type { ApplyResult, ProgressListener } from "./types";

export interface ApplyOptions {
  /** Report a conflict as `stale` instead of a failed step (runSetup re-plans instead). */
  conflictsAreStale?: boolean;
  /** Cancels the run: no new step starts once it is aborted. */
  signal?: AbortSignal;
}

export interface InternalApplyResult extends ApplyResult {
  /** A conflict stopped the run (someone changed something meanwhile). */
  stale?: ConflictError;
  /** The plan applied: the one given, or the one its permission checks led to. */
  plan: SetupPlan;
  /** What the steps made (for the state after the run). */
  outputs: RunOutputs;
}

export async function applyPlan(
  clients: AdoClients,
  plan: SetupPlan,
  options: SetupOptions,
  onProgress?: ProgressListener,
): Promise<ApplyResult> {
  const o = resolveOptions(options, currentChoices(plan.state));
  const {
    stale: _stale,
    plan: _plan,
    outputs: _outputs,
    ...result
  } = await applyResolved(clients, plan, o, onProgress, {});
  return result;
}

export async function applyResolved(
  clients: AdoClients,
  plan: SetupPlan,
  o: ResolvedOptions,
  onProgress: ProgressListener | undefined,
  how: ApplyOptions,
): Promise<InternalApplyResult> {
  const emit: ProgressListener = (e) => {
    try {
      onProgress?.(e);
    } catch {
      /* a listener's bug must not break the set-up */
    }
  };
  // A plan whose permissions are settled already costs nothing here.
  plan = await preflight(clients, plan, o);
  if (plan.blocked) return blockedResult(plan);
  const state = plan.state;
  const ctx: StepContext = {
    clients,
    plan,
    options: o,
    project: o.project,
    projectId: state.project.id,
    repository: state.repository ?? undefined,
    definitionId: plan.pipelineId,
    endpointId: state.serviceConnection?.id,
    made: {},
    signal: how.signal,
  };
  const run = await runSteps(ctx, emit, how.conflictsAreStale === true);
  return outcomeOf(ctx, run);
}

/** A plan blocked by a missing permission fails on its first such step, which never ran. */
function blockedResult(plan: SetupPlan): InternalApplyResult {
  const denial = plan.permissionDenials[0];
  return {
    outcome: "blocked",
    done: [],
    plan,
    outputs: { made: {} },
    ...(denial ? { failure: refused(denial) } : {}),
  };
}

function refused(denial: PermissionDenial): NonNullable<ApplyResult["failure"]> {
  return {
    step: denial.step,
    message: `${denial.step.change} was not attempted: ${denial.message}`,
    remedy: denial.remedy,
    error: denial.error,
  };
}

function outcomeOf(ctx: StepContext, run: StepsRun): InternalApplyResult {
  const { plan } = ctx;
  const { done, failure, stale } = run;
  const ran = {
    plan,
    outputs: { repository: ctx.repository, pullRequest: ctx.pullRequest, made: ctx.made },
  };
  if (failure)
    return {
      outcome: "failed",
      done,
      failure,
      pullRequest: ctx.pullRequest,
      ...partialOf(plan, done),
      ...ran,
    };
  if (stale) return { outcome: "failed", done, stale, ...partialOf(plan, done), ...ran };
  if (ctx.pullRequest || plan.checklist.some((i) => i.state === "waiting-for-pull-request")) {
    return {
      outcome: "waiting-for-pull-request",
      done,
      pullRequest: ctx.pullRequest ?? plan.state.pullRequest ?? undefined,
      ...ran,
    };
  }
  if (plan.decisions.length) return { outcome: "needs-decision", done, ...ran };
  return { outcome: "complete", done, ...ran };
}

/** What a failed run changed and did not, when it changed anything. */
function partialOf(plan: SetupPlan, done: PlanStep[]): Pick<ApplyResult, "partial"> {
  if (done.length === 0) return {};
  const ids = new Set(done.map((s) => s.id));
  return {
    partial: {
      changed: plan.steps.filter((s) => ids.has(s.id)),
      unchanged: plan.steps.filter((s) => !ids.has(s.id)),
    },
  };
}
