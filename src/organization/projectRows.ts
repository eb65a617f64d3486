// The organization view's rows: one per project, filled in as its state is read, then as a set-up
// runs. Pure functions of the engine's reports, so the table, the filters and the export agree.
import { PROJECT_STATUSES } from "../setup";
import type { ProjectReport, ProjectStatus, StackspotRun } from "../setup";

/** What a row shows in its State column: a report's status, or where the read is. */
export type RowState = ProjectStatus | "reading";

export interface ProjectRow {
  id: string;
  name: string;
  state: RowState;
  /** Why, in a few words: the permission missing, the error, the decision, the pull request. */
  reason?: string;
  repository?: string;
  /** Only for a ready project: the URL to paste into the StackSpot portal. */
  workflowUrl?: string;
  lastRun?: StackspotRun;
  /** The latest report: of the status read, or of the set-up once it ran. */
  report?: ProjectReport;
  /** While a set-up runs: "Queued", the step running, "Done". */
  activity?: string;
}

export const STATE_LABELS: Record<RowState, string> = {
  reading: "Reading…",
  ready: "Ready",
  "changes-pending": "Changes pending",
  "needs-decision": "Decision needed",
  "waiting-for-pull-request": "Pull request waiting",
  blocked: "Blocked",
  failed: "Failed",
};

/** The states a user filters by, in the order the filter shows them: the report's statuses. */
export const FILTER_STATES: readonly ProjectStatus[] = PROJECT_STATUSES;

/**
 * The row a report makes. A project whose only open question is the StackSpot credentials is
 * "changes pending" here: the set-up dialog asks for them once for every project.
 */
export function rowFromReport(
  row: ProjectRow,
  report: ProjectReport,
  repository?: string,
): ProjectRow {
  const credentialsOnly =
    report.status === "needs-decision" &&
    report.decisions.every((d) => d.id === "provide-credentials");
  const state: ProjectStatus = credentialsOnly ? "changes-pending" : report.status;
  return {
    ...row,
    state,
    reason: reasonOf(report, state),
    repository: repository ?? row.repository,
    workflowUrl: report.workflowUrl,
    report,
  };
}

function reasonOf(report: ProjectReport, state: ProjectStatus): string | undefined {
  switch (state) {
    case "blocked":
      return report.error?.permission
        ? `Needs "${report.error.permission}"`
        : (report.error?.message ?? undefined);
    case "failed":
      return report.error?.message;
    case "needs-decision":
      // The credentials are asked once in the set-up dialog: the other questions say more here.
      return report.decisions
        .filter((d) => d.id !== "provide-credentials")
        .map((d) => d.question)
        .join(" ");
    case "waiting-for-pull-request":
      return report.pullRequest ? `Complete pull request ${report.pullRequest.id}` : undefined;
    case "changes-pending": {
      const n = report.steps.length;
      return n ? `${n} change${n === 1 ? "" : "s"} to make` : undefined;
    }
    case "ready":
      return undefined;
  }
}

/** Rows shown under the state and name filters. */
export function filterRows(
  rows: ProjectRow[],
  states: ReadonlySet<ProjectStatus>,
  text: string,
): ProjectRow[] {
  const needle = text.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (states.size === 0 || (r.state !== "reading" && states.has(r.state))) &&
      (!needle || r.name.toLocaleLowerCase().includes(needle)),
  );
}

/** How many rows are in each state (for the filter's counts). */
export function countByState(rows: ProjectRow[]): Record<RowState, number> {
  const counts = Object.fromEntries(Object.keys(STATE_LABELS).map((s) => [s, 0])) as Record<
    RowState,
    number
  >;
  for (const r of rows) counts[r.state]++;
  return counts;
}
