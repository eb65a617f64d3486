// The hub's list of workflow runs: the stackspot pipeline's runs with the StackSpot workflow
// execution id each was queued for.
import type { BuildDefinitionReference } from "azure-devops-extension-api/Build/Build";
import type { Run } from "azure-devops-extension-api/Pipelines/Pipelines";
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

/** How many runs the Runs list shows (and reads the execution id of). */
export const RUNS_SHOWN = 20;

/**
 * The newest runs of the stackspot pipeline (at most `limit`), newest first, each with its
 * workflow execution id. `pipelineId` skips the lookup by name when the caller knows it (e.g.
 * from plan.pipelineId). Returns [] when there is no stackspot pipeline.
 *
 * Runs - List is reported to answer without `templateParameters` (MicrosoftDocs/azure-devops-docs
 * issue 12933), so the id comes from Runs - Get, one request per run shown, all at once. Runs -
 * Get answers the same `Run` schema as the list, with the same client and scope; the Build API's
 * `templateParameters` would have needed a second model of a run for one field.
 */
export async function listStackspotRuns(
  clients: AdoClients,
  project: string,
  pipelineId?: number,
  limit = RUNS_SHOWN,
): Promise<StackspotRun[]> {
  const id = pipelineId ?? (await findStackspotPipelineId(clients, project));
  if (id === undefined) return [];
  const listed = await clients.pipelines.listRuns(project, id);
  const newest = [...listed].sort((a, b) => b.id - a.id).slice(0, limit);
  const detailed = await Promise.all(
    // A run whose Get fails is still shown, without its execution id.
    newest.map((r) => clients.pipelines.getRun(project, id, r.id).catch(() => r)),
  );
  return detailed.map((r) => toStackspotRun(clients, project, r));
}

async function findStackspotPipelineId(
  clients: AdoClients,
  project: string,
): Promise<number | undefined> {
  const defs: BuildDefinitionReference[] = await clients.build.getDefinitions(
    project,
    PIPELINE_NAME,
  );
  return defs.find((d) => d.name === PIPELINE_NAME && isRootFolder(d.path ?? "\\"))?.id;
}

function toStackspotRun(clients: AdoClients, project: string, r: Run): StackspotRun {
  const params = (r.templateParameters ?? {}) as Record<string, unknown>;
  const execution = params.workflow_execution_id;
  return {
    id: r.id,
    workflowExecutionId: typeof execution === "string" && execution ? execution : undefined,
    state: enumName(r.state, STATES, "unknown"),
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
}
