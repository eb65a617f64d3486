// The set-up dialog's options and what they would change across the selected projects. Pure: the
// dialog shows it, the batch runs with it, the tests check it without a browser.
import type {
  Decision,
  DecisionId,
  ProjectRun,
  SetupOptions,
  StepKind,
  StackSpotCredentials,
} from "../setup";

/** What the dialog asks once for the whole selection. Empty fields keep each project's choice. */
export interface BatchSettings {
  /** Repository for /stackspot.yml; empty keeps each project's (new ones: the default). */
  repository: string;
  /** "" keeps each project's pool; "hosted" is Microsoft-hosted; else a self-hosted queue. */
  pool: string;
  clientId: string;
  clientKey: string;
  realm: string;
}

export const EMPTY_SETTINGS: BatchSettings = {
  repository: "",
  pool: "",
  clientId: "",
  clientKey: "",
  realm: "",
};

/** The decisions the user accepted, by project. */
export type AcceptedDecisions = ReadonlyMap<string, ReadonlySet<DecisionId>>;

export function credentialsOf(s: BatchSettings): StackSpotCredentials | undefined {
  const c = { clientId: s.clientId.trim(), clientKey: s.clientKey, realm: s.realm.trim() };
  return c.clientId && c.clientKey && c.realm ? c : undefined;
}

/** One project's options: the shared settings, and the decisions accepted for it alone. */
export function batchOptions(
  project: string,
  projectId: string | undefined,
  s: BatchSettings,
  accepted?: ReadonlySet<DecisionId>,
): SetupOptions {
  const credentials = credentialsOf(s);
  const pool = s.pool.trim();
  return {
    project,
    ...(projectId ? { projectId } : {}),
    ...(s.repository.trim() ? { repository: s.repository.trim() } : {}),
    ...(pool === "hosted"
      ? { pool: { kind: "hosted" as const } }
      : pool
        ? { pool: { kind: "self-hosted" as const, queue: pool } }
        : {}),
    ...(credentials ? { stackSpotCredentials: credentials } : {}),
    replaceEditedFile: accepted?.has("replace-edited-file") ?? false,
    takeOverPipeline: accepted?.has("take-over-pipeline") ?? false,
  };
}

export const CHANGE_LABELS: Record<StepKind, string> = {
  "create-repository": "Create the repository",
  "write-file": "Write /stackspot.yml",
  "create-pipeline": "Create the stackspot pipeline",
  "update-pipeline": "Update the stackspot pipeline",
  "create-service-connection": "Create the StackSpot service connection",
  "authorize-service-connection": "Let the pipeline use the service connection",
  "authorize-queue": "Let the pipeline use the agent queue",
};

export interface BatchSummary {
  /** How many projects each kind of change touches, in the order changes run. */
  changes: { kind: StepKind; label: string; projects: number }[];
  /** Questions only the user may answer, per project (opt-in). */
  decisions: { project: string; decision: Decision }[];
  /** Projects the set-up cannot change, and why. */
  blocked: { project: string; reason: string }[];
  /** Projects with nothing to do. */
  upToDate: number;
}

export function summarize(runs: ProjectRun[]): BatchSummary {
  const counts = new Map<StepKind, number>();
  const summary: BatchSummary = { changes: [], decisions: [], blocked: [], upToDate: 0 };
  for (const run of runs) {
    if (run.kind === "error") {
      summary.blocked.push({ project: run.project, reason: errorText(run.error) });
      continue;
    }
    if (run.kind !== "planned") continue;
    const { plan } = run;
    if (plan.blocked) {
      const denial = plan.permissionDenials[0];
      const item = plan.checklist.find((i) => i.state === "blocked");
      const reason = denial?.message ?? (item ? `${item.label}: ${item.detail}` : "Blocked.");
      summary.blocked.push({ project: run.project, reason });
      continue;
    }
    if (plan.upToDate) summary.upToDate++;
    for (const kind of new Set(plan.steps.map((s) => s.kind)))
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    for (const decision of plan.decisions)
      if (decision.option !== "credentials")
        summary.decisions.push({ project: run.project, decision });
  }
  summary.changes = (Object.keys(CHANGE_LABELS) as StepKind[])
    .filter((kind) => counts.has(kind))
    .map((kind) => ({ kind, label: CHANGE_LABELS[kind], projects: counts.get(kind) ?? 0 }));
  return summary;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
