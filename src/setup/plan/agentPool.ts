// The agent pool item: the queue the pipeline runs on. The only prerequisite the set-up cannot
// create; it does allow the pipeline to use the queue, or the first run waits for an approval.
import { isPipelineAuthorized } from "../../ado";
import { authorized } from "./stepChanges";
import { HOSTED_QUEUE_NAME, HOSTED_VM_IMAGE, PIPELINE_NAME } from "../contract";
import type { ResolvedOptions } from "../options";
import type { ProjectState } from "../read/types";
import { checklistItem, ItemPlan, itemOnly, planStep } from "./checklist";
import type { PipelineDecision } from "./pipeline";
import type { ChecklistItem } from "./types";

export function planAgentPool(
  state: ProjectState,
  o: ResolvedOptions,
  d: PipelineDecision,
): ItemPlan {
  const queue = state.queue;
  const found = queueItem(state, o);
  if (!queue || !d.known) return itemOnly(found);
  const definitionId = d.target?.id;
  const open =
    state.queuePermissions?.allPipelines?.authorized === true ||
    (definitionId !== undefined &&
      isPipelineAuthorized(state.queuePermissions ?? undefined, definitionId));
  if (open) return itemOnly(found);
  const unknownPipeline = definitionId === undefined;
  const step = planStep({
    id: "authorize-queue",
    serves: ["agentPool"],
    change:
      `Allow the pipeline "${PIPELINE_NAME}" to use the agent queue "${queue.name}"` +
      (unknownPipeline ? " (unless it is open to all pipelines)" : ""),
    reason: "Otherwise the first run waits for someone to approve the queue.",
    changes: authorized(`The pipeline on the agent queue "${queue.name}"`),
    dependsOn: [d.verdict.kind === "create" ? "create-pipeline" : ""],
    spec: { kind: "authorize-queue", queueId: queue.id, definitionId, checkFirst: unknownPipeline },
  });
  // Without a pipeline yet, the queue's permissions are not read (that would cost the empty
  // project's set-up a fifth wave); the item still says that a step concerns it.
  const then = unknownPipeline
    ? "The new pipeline will be allowed to use it (unless it is open to all pipelines)."
    : "The pipeline is not allowed to use it yet.";
  const item = checklistItem("agentPool", "will-change", `${found.detail} ${then}`);
  return { item, steps: [step], decisions: [] };
}

const NOT_VISIBLE = "missing, or not visible to you (View permission on agent queues).";

function queueItem(state: ProjectState, o: ResolvedOptions): ChecklistItem {
  const hosted = o.pool.kind === "hosted";
  // The queue list holds only the queues the caller may see: a queue missing from it may exist.
  if (!state.queue)
    return checklistItem(
      "agentPool",
      "blocked",
      hosted
        ? `The "${HOSTED_QUEUE_NAME}" queue for Microsoft-hosted agents is ${NOT_VISIBLE} ` +
            "Add it in Project settings → Agent pools (or ask for View on it there), " +
            "or choose a self-hosted pool."
        : `The agent queue "${o.queueName}" is ${NOT_VISIBLE} ` +
            "Add the pool to the project in Project settings → Agent pools " +
            "(or ask for View on it there), or choose another pool.",
    );
  return checklistItem(
    "agentPool",
    "ok",
    hosted
      ? `Microsoft-hosted ${HOSTED_VM_IMAGE} (queue "${state.queue.name}").`
      : `Self-hosted pool "${state.queue.name}".`,
  );
}
