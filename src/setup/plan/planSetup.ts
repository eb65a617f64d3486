// The plan stage. It turns the gap between a project's state and the StackSpot contract
// (docs/CONTRACT.md) into steps (what each changes and why), decisions only the user may take, and
// a checklist for display. One planner per checklist item; the pipeline's decision comes first
// because the variables, the credentials and the agent pool depend on it. Pure: no I/O.
import { redactOptions, resolveOptions, ResolvedOptions, SetupOptions } from "../options";
import { permissionsBlocking } from "../permissions/planPermissions";
import type { ProjectState } from "../read/types";
import { planAgentPool } from "./agentPool";
import { checklistItem } from "./checklist";
import { currentChoices } from "./currentChoices";
import { planCredentials } from "./credentials";
import { planExtension } from "./extension";
import { decidePipeline, planPipeline } from "./pipeline";
import { planPipelineFile } from "./pipelineFile";
import { planRepository } from "./repository";
import type { ChecklistItem, ChecklistKey, PermissionDenial, PlanStep, SetupPlan } from "./types";
import { planVariablesItem } from "./variables";

/**
 * Options left unset keep what the state shows the project has (see currentChoices.ts); give it a
 * state read by readProjectState with the same options, which reads the project for those choices.
 */
export function planSetup(state: ProjectState, options: SetupOptions): SetupPlan {
  return planResolved(state, resolveOptions(options, currentChoices(state)));
}

export function planResolved(state: ProjectState, o: ResolvedOptions): SetupPlan {
  const pipeline = decidePipeline(state, o);
  // In the checklist's order, which is also the order of the steps and the decisions.
  const items = [
    planExtension(state),
    planRepository(state, o),
    planPipelineFile(state, o),
    planPipeline(o, pipeline),
    planVariablesItem(pipeline),
    planCredentials(state, o, pipeline),
    planAgentPool(state, o, pipeline),
  ];
  const steps = withKnownDependencies(items.flatMap((p) => p.steps));
  const decisions = items.flatMap((p) => p.decisions);
  // Permissions (when a set-up's read checked them): a step the user may not make blocks the plan.
  const permissionDenials = permissionsBlocking(steps, state);
  const checklist = withDenials(
    items.map((p) => p.item),
    permissionDenials,
  );
  const blocked = checklist.some((i) => i.state === "blocked");
  return {
    options: redactOptions(o),
    state,
    steps,
    decisions,
    checklist,
    pipelineId: pipeline.target?.id,
    blocked,
    permissionDenials,
    upToDate:
      !blocked && !steps.length && !decisions.length && checklist.every((i) => i.state === "ok"),
  };
}

/** A step depends only on steps of the plan (creating the repository is not always one). */
function withKnownDependencies(steps: PlanStep[]): PlanStep[] {
  const ids = new Set(steps.map((s) => s.id));
  for (const s of steps) s.dependsOn = s.dependsOn.filter((id) => ids.has(id));
  return steps;
}

/** An item with a step the user may not make is blocked, naming the permission. */
function withDenials(items: ChecklistItem[], denials: PermissionDenial[]): ChecklistItem[] {
  const byItem = new Map<ChecklistKey, PermissionDenial[]>();
  for (const d of denials) byItem.set(d.step.item, [...(byItem.get(d.step.item) ?? []), d]);
  return items.map((item) => {
    const mine = byItem.get(item.key);
    if (!mine) return item;
    const detail = mine
      .map((d) => `${d.message.replace(/\.$/, "")} (${d.permission.grantedAt}).`)
      .join(" ");
    return checklistItem(item.key, "blocked", detail);
  });
}
