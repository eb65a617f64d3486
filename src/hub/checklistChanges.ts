// What the Status section lists under each checklist item: the plan's steps, each shown once, under
// the item it repairs (`step.item`); under the other items it also serves (`step.alsoServes`), a
// short line says where the change is made instead of repeating it. The engine keeps an item's
// detail to the state (what is, what will be) and a step to the action, so the two never say the
// same thing.
import type { ChecklistItem, ChecklistKey, PlanStep } from "../setup";

export interface ChangeLine {
  /** Stable React key. */
  key: string;
  text: string;
  /** Why, in the plan's words; absent on a line pointing at another item. */
  reason?: string;
  /** What the step changes, each "what: from → to" (the engine's step.changes). */
  fromTo?: string[];
}

export interface ItemChanges {
  lines: ChangeLine[];
}

/** A line for an item served by a step listed under another item. */
function servedBy(step: PlanStep, ownerLabel: string): string {
  switch (step.spec.kind) {
    case "create-pipeline":
      return `Set when the pipeline is created (see ${ownerLabel}).`;
    case "update-pipeline":
      return `Changed in the same update of the pipeline (see ${ownerLabel}).`;
    default:
      return `Done by the change listed under ${ownerLabel}.`;
  }
}

/** The lines under `item`, with `labels` naming the other items. */
export function changesFor(
  item: ChecklistItem,
  steps: PlanStep[],
  labels: Partial<Record<ChecklistKey, string>>,
): ItemChanges {
  const lines: ChangeLine[] = [];
  const pointers = new Set<string>();
  for (const step of steps) {
    if (step.item === item.key) {
      lines.push({
        key: step.id,
        text: step.change,
        reason: step.reason,
        ...(step.changes?.length
          ? { fromTo: step.changes.map((c) => `${c.what}: ${c.from} → ${c.to}`) }
          : {}),
      });
    } else if (step.alsoServes?.includes(item.key)) {
      const text = servedBy(step, labels[step.item] ?? step.item);
      // One pointer per text is enough (an item served twice by steps of Pipeline says it once).
      if (!pointers.has(text)) lines.push({ key: step.id, text });
      pointers.add(text);
    }
  }
  return { lines };
}
