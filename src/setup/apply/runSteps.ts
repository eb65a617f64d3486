// Runs a plan's steps: every step starts as soon as the steps it depends on are done, so
// independent writes go out together (an empty project takes four waves of writes after the
// read). Each step is idempotent and checks its result. After a failure no new step starts; the
// ones in flight finish.
import { AdoError, ConflictError } from "../../ado";
import type { PlanStep } from "../plan/types";
import { SetupCancelledError } from "./cancelled";
import { StepContext, StepOutcome, WaitsForPullRequest } from "./steps/context";
import {
  authorizePipeline,
  createServiceConnection,
  prefetchPermissions,
} from "./steps/credentials";
import { writePipelineFile } from "./steps/file";
import { createPipeline, updatePipeline } from "./steps/pipeline";
import { createRepository } from "./steps/repository";
import type { ApplyResult, ProgressListener } from "./types";

/** Ends a step's promise without a result, so that the steps depending on it skip. */
class Skipped extends Error {}

export interface StepsRun {
  done: PlanStep[];
  failure?: ApplyResult["failure"];
  /** A conflict stopped the run (someone changed something meanwhile). */
  stale?: ConflictError;
}

export async function runSteps(
  ctx: StepContext,
  emit: ProgressListener,
  conflictsAreStale: boolean,
): Promise<StepsRun> {
  const run: StepsRun = { done: [] };
  const running = new Map<string, Promise<void>>();
  for (const step of ctx.plan.steps) {
    const prefetched = startPrefetch(ctx, step);
    const deps = step.dependsOn.map((id) => running.get(id)).filter((p): p is Promise<void> => !!p);
    running.set(
      step.id,
      runWhenReady({ ctx, emit, conflictsAreStale, run }, step, deps, prefetched),
    );
  }
  await Promise.allSettled(running.values());
  return run;
}

interface Runner {
  ctx: StepContext;
  emit: ProgressListener;
  conflictsAreStale: boolean;
  run: StepsRun;
}

async function runWhenReady(
  r: Runner,
  step: PlanStep,
  deps: Promise<void>[],
  prefetched: Prefetch,
): Promise<void> {
  try {
    await Promise.all(deps);
  } catch {
    r.emit({ type: "step-skipped", step, reason: "A step it depends on did not complete." });
    throw new Skipped();
  }
  if (r.run.failure || r.run.stale) {
    const reason =
      r.run.failure?.error instanceof SetupCancelledError
        ? "The set-up was cancelled."
        : "The set-up stopped at an earlier failure.";
    r.emit({ type: "step-skipped", step, reason });
    throw new Skipped();
  }
  if (r.ctx.signal?.aborted) {
    recordFailure(r, step, new SetupCancelledError());
    throw new Skipped();
  }
  r.emit({ type: "step-started", step });
  try {
    const outcome = await runStep(r.ctx, step, prefetched);
    r.run.done.push(step);
    r.emit({ type: "step-done", step, ...outcome });
  } catch (e) {
    recordFailure(r, step, e);
    throw new Skipped();
  }
}

/** The first failure is the one reported; a conflict, when runSetup re-plans, is not a failure. */
function recordFailure(r: Runner, step: PlanStep, e: unknown): void {
  const error = e instanceof Error ? e : new Error(String(e));
  if (error instanceof WaitsForPullRequest) {
    r.emit({ type: "step-skipped", step, reason: error.message });
  } else if (error instanceof ConflictError && r.conflictsAreStale) {
    r.run.stale = r.run.stale ?? error;
  } else if (!r.run.failure) {
    const message = error instanceof AdoError ? error.userMessage : error.message;
    const remedy =
      error instanceof AdoError
        ? error.remedy
        : "Run the set-up again; if it fails the same way, report this message.";
    r.run.failure = { step, message: `${step.change} failed: ${message}`, remedy, error };
    r.emit({ type: "step-failed", step, message: r.run.failure.message, remedy, error });
  }
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
      const creds = ctx.options.credentials;
      const name = creds.kind === "service-connection" ? creds.name : id;
      return authorizePipeline(ctx, "endpoint", id, `the service connection "${name}"`, prefetched);
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
