// The page's one primary action, in the header's command bar: its label, whether it can be pressed
// and, when it cannot, why. Pure, so the rules are unit-tested in Node.
import type { SetupPlan } from "../setup";
import { currentChoices } from "../setup";

export interface PrimaryAction {
  label: string;
  enabled: boolean;
  /** Why it cannot be pressed (or what pressing it will not do), in the user's words. */
  reason?: string;
}

export interface PrimaryActionInput {
  plan?: SetupPlan;
  planning: boolean;
  applying: boolean;
  /** A problem of the options the project is read for (a name Azure DevOps refuses…). */
  invalidOption?: string;
  /** The first problem of the options, if any (a missing client key, say): nothing can start. */
  optionsProblem?: string;
  /** The decisions the user answered "yes" in the checklist (replace the file, take over). */
  chosenDecisions: number;
}

/** The reason shown while the options are invalid: the checklist and the plan wait too. */
export const WAITING_FOR_OPTIONS = "Waiting for valid options";

/**
 * "Set up" for a project without the pipeline, "Apply changes" when the plan holds a choice of the
 * user's (other options than the project has, or a decision answered "yes"), "Repair" otherwise.
 */
export function actionLabel(plan: SetupPlan, chosenDecisions = 0): string {
  const exists = plan.state.pipelinesNamedStackspot.length > 0 || plan.state.file !== null;
  if (!exists) return "Set up";
  return chosenDecisions > 0 || holdsUserChoice(plan) ? "Apply changes" : "Repair";
}

/**
 * Whether the plan's options differ from what the project holds: the repository its pipeline
 * runs, or the pool or credentials its managed file names.
 */
export function holdsUserChoice(plan: SetupPlan): boolean {
  const current = currentChoices(plan.state);
  const o = plan.options;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (current.repository && !same(current.repository, o.repository)) return true;
  if (current.pool) {
    const now = current.pool.kind === "hosted" ? "" : current.pool.queue;
    const next = o.pool.kind === "hosted" ? "" : o.pool.queue;
    if (current.pool.kind !== o.pool.kind || !same(now, next)) return true;
  }
  if (current.credentials) {
    const c = current.credentials;
    const n = o.credentials;
    if (c.kind !== n.kind) return true;
    if (c.kind === "service-connection" && n.kind === "service-connection" && !same(c.name, n.name))
      return true;
  }
  return false;
}

export function primaryAction(input: PrimaryActionInput): PrimaryAction {
  const { plan, planning, applying, invalidOption, optionsProblem } = input;
  if (applying) return { label: "Working…", enabled: false, reason: "The set-up is running." };
  if (!plan) return { label: "Set up", enabled: false, reason: "Reading the project…" };
  if (invalidOption)
    return {
      label: actionLabel(plan, input.chosenDecisions),
      enabled: false,
      reason: `${WAITING_FOR_OPTIONS}: ${invalidOption}`,
    };
  if (plan.upToDate)
    return {
      label: "Up to date",
      enabled: false,
      reason: "Nothing to do: the project meets StackSpot's contract.",
    };
  const label = actionLabel(plan, input.chosenDecisions);
  if (plan.blocked)
    return { label, enabled: false, reason: "The set-up is blocked: see Status for what to do." };
  if (optionsProblem)
    return { label, enabled: false, reason: `Complete the options first: ${optionsProblem}` };
  if (planning) return { label, enabled: false, reason: "Reading the project…" };
  return { label, enabled: true };
}
