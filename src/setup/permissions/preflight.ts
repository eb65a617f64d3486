// The last look before writing: the permissions a plan's writes need that the reads did not settle
// are checked in one more round trip, and the plan is made again with the answers (blocked, with
// the permission named, when one is missing). A plan with nothing to write, or already settled,
// costs nothing; so does one whose checks proved unavailable (the writes then answer for
// themselves).
import type { AdoClients } from "../../ado";
import type { ResolvedOptions } from "../options";
import { planResolved } from "../plan/planSetup";
import type { SetupPlan } from "../plan/types";
import { readPermissions } from "../read/reads";
import type { ProjectState } from "../read/types";
import { emptyResults, PermissionCheck, runChecks } from "./checks";
import { checkFor, decide, needsOf, pullRequestNeed } from "./needs";

export async function preflight(
  clients: AdoClients,
  plan: SetupPlan,
  o: ResolvedOptions,
): Promise<SetupPlan> {
  if (plan.blocked || plan.steps.length === 0) return plan;
  const base = plan.state.permissions ?? emptyResults();
  if (base.unavailable) return plan;
  const state: ProjectState = { ...plan.state, permissions: base };
  const checks: PermissionCheck[] = [];
  const reads = resourcesToRead(plan, state, checks);
  // Whether pull requests are allowed decides the order of the writes to an existing branch
  // (planPermissions.ts). Unknown only when the second wave's check said "not both" (or was not
  // made).
  const writeFile = plan.steps.find((s) => s.spec.kind === "write-file");
  if (
    writeFile?.spec.kind === "write-file" &&
    writeFile.spec.oldObjectId &&
    state.repository &&
    decide(pullRequestNeed(state, state.repository.id), state) === "unknown"
  ) {
    checks.push(checkFor(pullRequestNeed(state, state.repository.id)));
  }
  if (checks.length === 0 && !reads.endpoint && !reads.queue) return plan;
  const read = (type: "endpoint" | "queue", id: string | undefined) =>
    id ? readPermissions(clients, o.project, type, id).catch(() => undefined) : undefined;
  const [permissions, endpointPermissions, queuePermissions] = await Promise.all([
    runChecks(clients, checks, base),
    read("endpoint", reads.endpoint),
    read("queue", reads.queue),
  ]);
  return planResolved(
    {
      ...state,
      permissions,
      ...(endpointPermissions !== undefined ? { endpointPermissions } : {}),
      ...(queuePermissions !== undefined ? { queuePermissions } : {}),
    },
    o,
  );
}

/**
 * Adds to `checks` what the results do not settle, and returns the resources whose pipeline
 * permissions to read: a refusal to authorize the pipeline on one matters only if it is not open
 * to every pipeline already.
 */
function resourcesToRead(
  plan: SetupPlan,
  state: ProjectState,
  checks: PermissionCheck[],
): { endpoint?: string; queue?: string } {
  const reads: { endpoint?: string; queue?: string } = {};
  for (const step of plan.steps) {
    for (const need of needsOf(step, state)) {
      if (decide(need, state) !== "unknown") continue;
      const asked = decide({ ...need, unlessOpen: undefined }, state);
      if (asked === "unknown") checks.push(checkFor(need));
      if (asked === "allowed" || !need.unlessOpen) continue;
      if (step.spec.kind === "authorize-service-connection") reads.endpoint = step.spec.endpointId;
      if (step.spec.kind === "authorize-queue") reads.queue = String(step.spec.queueId);
    }
  }
  return reads;
}
