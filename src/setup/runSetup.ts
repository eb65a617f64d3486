// The one-call set-up, in four stages: read (with the permission checks riding along), plan,
// settle the permissions the writes need, apply. When someone changed the project meanwhile (a
// stale branch head or definition revision, a name taken in a race), read and plan again, once.
// The result carries the project as it stands afterwards, computed from what the steps made (no
// extra request).
import type { AdoClients } from "../ado";
import { applyResolved } from "./apply/applyPlan";
import type { ProgressListener, SetupEvent } from "./apply/types";
import { resolveOptions, ResolvedOptions, SetupOptions } from "./options";
import { preflight } from "./permissions/preflight";
import { planResolved } from "./plan/planSetup";
import type { SetupPlan } from "./plan/types";
import { readStateForSetup } from "./read/readProjectState";
import { stateAfter } from "./read/stateAfter";
import type { SetupResult } from "./types";

export interface RunSetupHooks {
  /** Step progress (started, done, failed, skipped) and re-planning. */
  onProgress?: ProgressListener;
  /**
   * Every event in order: "reading" and "planned" around the reads, then the same as onProgress.
   */
  onEvent?: (event: SetupEvent) => void;
  /**
   * Cancels the set-up: the step in flight finishes and no new one starts (the result is "failed",
   * its failure a SetupCancelledError on the first step not run).
   */
  signal?: AbortSignal;
}

export async function runSetup(
  clients: AdoClients,
  options: SetupOptions,
  hooks: RunSetupHooks = {},
): Promise<SetupResult> {
  resolveOptions(options); // refuses unusable names before any request
  const { tell, onProgress } = listeners(hooks);
  let { plan, o } = await readAndPlan(clients, options, tell);
  const signal = hooks.signal;
  let result = await applyResolved(clients, plan, o, onProgress, {
    conflictsAreStale: true,
    signal,
  });
  let replanned = false;
  if (result.stale && !signal?.aborted) {
    replanned = true;
    onProgress({
      type: "replanning",
      reason: `${result.stale.userMessage} Reading the project again.`,
    });
    ({ plan, o } = await readAndPlan(clients, options, tell));
    result = await applyResolved(clients, plan, o, onProgress, { signal });
  }
  const { stale: _stale, outputs, plan: applied, ...rest } = result;
  const after =
    rest.outcome === "blocked"
      ? applied
      : planResolved(await stateAfter(applied.state, outputs), o);
  return { ...rest, plan: applied, replanned, after };
}

/** A listener's bug must not break the set-up. */
function listeners(hooks: RunSetupHooks) {
  const tell = (e: SetupEvent) => {
    try {
      hooks.onEvent?.(e);
    } catch {
      /* ignored */
    }
  };
  const onProgress: ProgressListener = (e) => {
    tell(e);
    try {
      hooks.onProgress?.(e);
    } catch {
      /* ignored */
    }
  };
  return { tell, onProgress };
}

/**
 * Read → plan → check permissions: the plan the apply stage is handed, and the options resolved
 * against what the project has.
 */
async function readAndPlan(
  clients: AdoClients,
  options: SetupOptions,
  tell: (e: SetupEvent) => void,
): Promise<{ plan: SetupPlan; o: ResolvedOptions }> {
  tell({ type: "reading" });
  const { state, o } = await readStateForSetup(clients, options);
  const plan = await preflight(clients, planResolved(state, o), o);
  tell({ type: "planned", plan });
  return { plan, o };
}
