// The one-call set-up: read (with the permission checks riding along), plan, settle the permissions
// the writes need, apply; when someone changed the project meanwhile (a stale branch head or
// definition revision, a name taken in a race), read and plan again, once. The result carries the
// project as it stands afterwards, computed from what the steps made (no extra request).
import type { AdoClients } from "../ado";
import { applyPlanInternal } from "./apply";
import { resolveOptions, ResolvedOptions, SetupOptions } from "./options";
import { planSetup } from "./plan";
import { preflight } from "./preflight";
import { readStateForSetup } from "./state";
import { stateAfter } from "./stateAfter";
import type { ProgressListener, SetupEvent, SetupPlan, SetupResult } from "./types";

export interface RunSetupHooks {
  /** Step progress (started, done, failed, skipped) and re-planning. */
  onProgress?: ProgressListener;
  /**
   * Every event in order: "reading" and "planned" around the reads, then the same as onProgress.
   */
  onEvent?: (event: SetupEvent) => void;
}

export async function runSetup(
  clients: AdoClients,
  options: SetupOptions,
  hooks: RunSetupHooks = {},
): Promise<SetupResult> {
  const o = resolveOptions(options);
  // A listener's bug must not break the set-up.
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
  let plan = await readAndPlan(clients, o, tell);
  let result = await applyPlanInternal(clients, plan, o, onProgress, { conflictsAreStale: true });
  let replanned = false;
  if (result.stale) {
    replanned = true;
    onProgress({
      type: "replanning",
      reason: `${result.stale.userMessage} Reading the project again.`,
    });
    plan = await readAndPlan(clients, o, tell);
    result = await applyPlanInternal(clients, plan, o, onProgress, {});
  }
  const { stale: _stale, outputs, plan: applied, ...rest } = result;
  const after =
    rest.outcome === "blocked" ? applied : planSetup(await stateAfter(applied.state, outputs), o);
  return { ...rest, plan: applied, replanned, after };
}

async function readAndPlan(
  clients: AdoClients,
  o: ResolvedOptions,
  tell: (e: SetupEvent) => void,
): Promise<SetupPlan> {
  tell({ type: "reading" });
  const plan = await preflight(clients, planSetup(await readStateForSetup(clients, o), o), o);
  tell({ type: "planned", plan });
  return plan;
}
