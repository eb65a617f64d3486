// What the Status section lists under each checklist item: the plan's steps, each shown once. A step
// belongs to the first item it repairs (the engine lists that one first: "Create the pipeline" repairs
// Pipeline, then Variables); under the other items it serves, a short line says where the change is
// made instead of repeating it.
import type { ChecklistItem, ChecklistKey, PlanStep } from "../setup";

export interface ChangeLine {
  /** Stable React key. */
  key: string;
  text: string;
  /** Why, in the plan's words; absent on a line pointing at another item. */
  reason?: string;
}

export interface ItemChanges {
  /** The step's reason, when the item's detail already says what the step does (not repeated as a line). */
  detailReason?: string;
  lines: ChangeLine[];
}

/** Which item a step belongs to: the first it repairs. */
export const ownerOf = (step: PlanStep): ChecklistKey => step.items[0];

/** A line for an item served by a step that belongs to another item. */
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

const withoutFinalStop = (text: string) => text.trim().replace(/\.$/, "");

/** The lines under `item`, with `labels` naming the other items. */
export function changesFor(item: ChecklistItem, steps: PlanStep[], labels: Partial<Record<ChecklistKey, string>>): ItemChanges {
  const out: ItemChanges = { lines: [] };
  for (const step of steps) {
    if (!step.items.includes(item.key)) continue;
    const owner = ownerOf(step);
    if (owner !== item.key) {
      out.lines.push({ key: step.id, text: servedBy(step, labels[owner] ?? owner) });
    } else if (withoutFinalStop(step.change) === withoutFinalStop(item.detail) && out.detailReason === undefined) {
      // The detail is this step, word for word: say why beside it rather than saying it twice.
      out.detailReason = step.reason;
    } else {
      out.lines.push({ key: step.id, text: step.change, reason: step.reason });
    }
  }
  // One pointer per other item is enough (an item served twice by steps of Pipeline says it once).
  const seen = new Set<string>();
  out.lines = out.lines.filter((l) => l.reason !== undefined || (!seen.has(l.text) && seen.add(l.text)));
  return out;
}
