// The hub's list of workflow runs: the stackspot pipeline's runs with the StackSpot workflow
// execution id each was queued for.
import type { BuildDefinitionReference } from "azure-devops-extension-api/Build/Build";
import { AdoClients, webLink } from "../ado";
import { PIPELINE_NAME } from "./contract";
import { isRootFolder } from "./plan/pipelineVerdict";

export type RunStateName = "unknown" | "inProgress" | "canceling" | "completed";
export type RunResultName = "unknown" | "succeeded" | "failed" | "canceled";

export interface StackspotRun {
  id: number;
  /** The workflow_execution_id template parameter (undefined when the run had none). */
  workflowExecutionId?: string;
  state: RunStateName;
  result?: RunResultName;
  startedAt?: Date;
  finishedAt?: Date;
  /** The run's page in Azure DevOps. */
  webUrl: string;
}

const STATES: Record<number, RunStateName> = {
  0: "unknown",
  1: "inProgress",
  2: "canceling",
  4: "completed",
};
const RESULTS: Record<number, RunResultName> = {
  0: "unknown",
  1: "succeeded",
  2: "failed",
  4: "canceled",
};

function enumName<T extends string>(value: unknown, byNumber: Record<number, T>, fallback: T): T {
  if (typeof value === "number") return byNumber[value] ?? fallback;
  if (typeof value === "string") {
    const found = Object.values(byNumber).find((v) => v.toLowerCase() === value.toLowerCase());
    return found ?? fallback;
  }
  return fallback;
}

function toDate(value: unknown): Date | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const d = value instanceof Date ? value : new Date(value as string);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * Runs of the stackspot pipeline, newest first. `pipelineId` skips the lookup by name when the
 * caller knows it (e.g. from plan.pipelineId). Returns [] when there is no stackspot pipeline.
 */
export async function listStackspotRuns(
  clients: AdoClients,
  project: string,
  pipelineId?: number,
): Promise<StackspotRun[]> {
  let id = pipelineId;
  if (id === undefined) {
    const defs: BuildDefinitionReference[] = await clients.build.getDefinitions(
      project,
      PIPELINE_NAME,
    );
    id = defs.find((d) => d.name === PIPELINE_NAME && isRootFolder(d.path ?? "\\"))?.id;
    if (id === undefined) return [];
  }
  const runs = await clients.pipelines.listRuns(project, id);
  return runs
    .map((r) => {
      const params = (r.templateParameters ?? {}) as Record<string, unknown>;
      const execution = params.workflow_execution_id;
      const state = enumName(r.state, STATES, "unknown");
      return {
        id: r.id,
        workflowExecutionId: typeof execution === "string" && execution ? execution : undefined,
        state,
        result:
          r.result === undefined || r.result === null
            ? undefined
            : enumName(r.result, RESULTS, "unknown"),
        startedAt: toDate(r.createdDate),
        finishedAt: toDate(r.finishedDate),
        webUrl:
          webLink(r) ??
          `${clients.orgUrl}${encodeURIComponent(project)}/_build/results?buildId=${r.id}`,
      };
    })
    .sort((a, b) => b.id - a.id);
}
