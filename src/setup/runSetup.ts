// The one-call set-up: read, plan, apply; when someone changed the project meanwhile (a stale
// branch head or definition revision, a name taken in a race), read and plan again, once.
import type { AdoClients } from "../ado";
import { applyPlanInternal } from "./apply";
import { resolveOptions, SetupOptions } from "./options";
import { planSetup } from "./plan";
import { readProjectState } from "./state";
import type { ProgressListener, SetupResult } from "./types";

export interface RunSetupHooks {
  onProgress?: ProgressListener;
}

export async function runSetup(clients: AdoClients, options: SetupOptions, hooks: RunSetupHooks = {}): Promise<SetupResult> {
  const o = resolveOptions(options);
  let plan = planSetup(await readProjectState(clients, o), o);
  let result = await applyPlanInternal(clients, plan, o, hooks.onProgress, { conflictsAreStale: true });
  let replanned = false;
  if (result.stale) {
    replanned = true;
    hooks.onProgress?.({ type: "replanning", reason: `${result.stale.userMessage} Reading the project again.` });
    plan = planSetup(await readProjectState(clients, o), o);
    result = await applyPlanInternal(clients, plan, o, hooks.onProgress, {});
  }
  const { stale: _stale, ...rest } = result;
  return { ...rest, plan, replanned };
}
