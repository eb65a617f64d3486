// Applies a plan: every step starts as soon as the steps it depends on are done, so independent
// writes go out together (an empty project takes three waves of writes after the read). Each step
// is idempotent and checks its result. After a failure no new step starts; the ones in flight
// finish. Before the first write, the permissions the writes need are settled (preflight.ts): a
// plan the user lacks a permission for is blocked, and nothing is written.
import type { AdoClients } from "../ado";
import { AdoError, ConflictError } from "../ado";
import { resolveOptions, ResolvedOptions, SetupOptions } from "./options";
import { preflight } from "./preflight";
import type { RunOutputs } from "./stateAfter";
import { StepContext, StepOutcome } from "./steps/context";
import {
  authorizePipeline,
  createServiceConnection,
  prefetchPermissions,
} from "./steps/credentials";
import { writePipelineFile } from "./steps/file";
import { createPipeline, updatePipeline } from "./steps/pipeline";
import { createRepository } from "./steps/repository";
import type { ApplyResult, PermissionDenial, PlanStep, ProgressListener, SetupPlan } from "./types";

class Skipped extends Error {}

export interface ApplyOptions {
  /** Report a conflict as `stale` instead of a failed step (runSetup re-plans instead). */
  conflictsAreStale?: boolean;
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
  options: SetupOptions | ResolvedOptions,
  onProgress?: ProgressListener,
): Promise<ApplyResult> {
  const {
    stale: _stale,
    plan: _plan,
    outputs: _outputs,
    ...result
  } = await applyPlanInternal(clients, plan, options, onProgress, {});
  return result;
}

/** A plan blocked by a missing permission fails on its first such step, which never ran. */
function refused(denial: PermissionDenial): NonNullable<ApplyResult["failure"]> {
  return {
    step: denial.step,
    message: `${denial.step.change} was not attempted: ${denial.message}`,
    remedy: denial.remedy,
    error: denial.error,
  };
}

export async function applyPlanInternal(
  clients: AdoClients,
  plan: SetupPlan,
  options: SetupOptions | ResolvedOptions,
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
  const o = "queueName" in options ? options : resolveOptions(options);
  plan = await preflight(clients, plan, o);
  if (plan.blocked) {
    const denial = plan.permissionDenials[0];
    return {
      outcome: "blocked",
      done: [],
      plan,
      outputs: { made: {} },
      ...(denial ? { failure: refused(denial) } : {}),
    };
  }
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
  };

  const done: PlanStep[] = [];
  let failure: ApplyResult["failure"];
  let stale: ConflictError | undefined;
  const running = new Map<string, Promise<void>>();
  for (const step of plan.steps) {
    const prefetched = startPrefetch(ctx, step);
    const deps = step.dependsOn.map((id) => running.get(id)).filter((p): p is Promise<void> => !!p);
    running.set(
      step.id,
      (async () => {
        try {
          await Promise.all(deps);
        } catch {
          emit({ type: "step-skipped", step, reason: "A step it depends on did not complete." });
          throw new Skipped();
        }
        if (failure || stale) {
          emit({ type: "step-skipped", step, reason: "The set-up stopped at an earlier failure." });
          throw new Skipped();
        }
        emit({ type: "step-started", step });
        try {
          const outcome = await runStep(ctx, step, prefetched);
          done.push(step);
          emit({ type: "step-done", step, ...outcome });
        } catch (e) {
          const error = e instanceof Error ? e : new Error(String(e));
          if (error instanceof ConflictError && how.conflictsAreStale) {
            stale = stale ?? error;
          } else if (!failure) {
            const message = error instanceof AdoError ? error.userMessage : error.message;
            const remedy =
              error instanceof AdoError
                ? error.remedy
                : "Run the set-up again; if it fails the same way, report this message.";
            failure = { step, message: `${step.change} failed: ${message}`, remedy, error };
            emit({ type: "step-failed", step, message: failure.message, remedy, error });
          }
          throw new Skipped();
        }
      })(),
    );
  }
  await Promise.allSettled(running.values());

  const ran = {
    plan,
    outputs: { repository: ctx.repository, pullRequest: ctx.pullRequest, made: ctx.made },
  };
  if (failure) return { outcome: "failed", done, failure, pullRequest: ctx.pullRequest, ...ran };
  if (stale) return { outcome: "failed", done, stale, ...ran };
  if (ctx.pullRequest || plan.checklist.some((i) => i.state === "waiting-for-pull-request")) {
    return {
      outcome: "waiting-for-pull-request",
      done,
      pullRequest: ctx.pullRequest ?? state.pullRequest ?? undefined,
      ...ran,
    };
  }
  if (plan.decisions.length) return { outcome: "needs-decision", done, ...ran };
  return { outcome: "complete", done, ...ran };
}

type Prefetch = ReturnType<typeof prefetchPermissions>;

function startPrefetch(ctx: StepContext, step: PlanStep): Prefetch {
  const spec = step.spec;
  if (spec.kind === "authorize-queue" && spec.checkFirst)
    return prefetchPermissions(ctx, "queue", String(spec.queueId));
  if (spec.kind === "authorize-service-connection" && spec.checkFirst)
    return prefetchPermissions(ctx, "endpoint", spec.endpointId);
  return undefined;
}

function runStep(ctx: StepContext, step: PlanStep, prefetched: Prefetch): Promise<StepOutcome> {
  const spec = step.spec;
  switch (spec.kind) {
    case "create-repository":
      return createRepository(ctx, spec.name);
    case "write-file":
      return writePipelineFile(ctx, spec);
    case "create-pipeline":
      return createPipeline(ctx, spec);
    case "update-pipeline":
      return updatePipeline(ctx, spec);
    case "create-service-connection":
      return createServiceConnection(ctx, spec.name);
    case "authorize-service-connection": {
      const id = spec.endpointId ?? ctx.endpointId;
      if (id === undefined)
        throw new Error("Internal error: the service connection is not known at this step.");
      return authorizePipeline(
        ctx,
        "endpoint",
        id,
        `the service connection "${ctx.options.credentials.kind === "service-connection" ? ctx.options.credentials.name : id}"`,
        prefetched,
      );
    }
    case "authorize-queue":
      return authorizePipeline(
        ctx,
        "queue",
        String(spec.queueId),
        `the agent queue "${ctx.plan.state.queue?.name ?? spec.queueId}"`,
        prefetched,
      );
  }
}
