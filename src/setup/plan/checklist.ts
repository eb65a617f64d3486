// The checklist the hub and the CLI show, one item per part of the contract, and the shape every
// planner in this folder returns: its item, the steps that bring the item in line, and the
// decisions only the user may take about it.
import type {
  ChecklistItem,
  ChecklistKey,
  ChecklistState,
  Decision,
  PlanStep,
  StepChange,
  StepSpec,
} from "./types";

const LABELS: Record<ChecklistKey, string> = {
  extension: "Extension",
  repository: "Repository",
  pipelineFile: "Pipeline file",
  pipeline: "Pipeline",
  variables: "Variables",
  credentials: "Credentials",
  agentPool: "Agent pool",
};

export interface ItemPlan {
  item: ChecklistItem;
  steps: PlanStep[];
  decisions: Decision[];
}

export function checklistItem(
  key: ChecklistKey,
  state: ChecklistState,
  detail: string,
  link?: string,
): ChecklistItem {
  return { key, label: LABELS[key], state, detail, ...(link ? { link } : {}) };
}

/** An item with nothing to do about it here. */
export function itemOnly(item: ChecklistItem): ItemPlan {
  return { item, steps: [], decisions: [] };
}

export interface StepDraft {
  id: string;
  /** The item the step repairs first, then the others it also brings in line. */
  serves: [ChecklistKey, ...ChecklistKey[]];
  change: string;
  reason: string;
  changes?: StepChange[];
  /** Ids of the steps it needs; those not in the plan are dropped when the plan is put together. */
  dependsOn: string[];
  spec: StepSpec;
}

export function planStep(d: StepDraft): PlanStep {
  const [item, ...alsoServes] = d.serves;
  return {
    id: d.id,
    kind: d.spec.kind,
    item,
    ...(alsoServes.length ? { alsoServes } : {}),
    change: d.change,
    reason: d.reason,
    ...(d.changes?.length ? { changes: d.changes } : {}),
    dependsOn: d.dependsOn,
    spec: d.spec,
  };
}
