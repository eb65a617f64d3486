// The batch's result as files: JSON in the very shape of `stackspot-ado setup --json` (the engine's
// RunReport), and CSV with one line per project for a spreadsheet.
import type { ProjectReport, RunReport } from "../setup";

export function runReportJson(run: RunReport): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  "project",
  "status",
  "workflow_url",
  "pull_request",
  "changes_done",
  "changes_not_done",
  "error",
  "remedy",
  "duration_ms",
] as const;

export function runReportCsv(run: RunReport): string {
  const lines = [CSV_COLUMNS.join(","), ...run.projects.map((p) => csvLine(csvRow(p)))];
  // CRLF, as RFC 4180 has it: spreadsheets read it everywhere.
  return `${lines.join("\r\n")}\r\n`;
}

function csvRow(p: ProjectReport): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    project: p.project,
    status: p.status,
    workflow_url: p.workflowUrl ?? "",
    pull_request: p.pullRequest?.url ?? "",
    changes_done: p.steps
      .filter((s) => s.state === "done")
      .map((s) => s.change)
      .join("; "),
    changes_not_done: p.steps
      .filter((s) => s.state !== "done")
      .map((s) => s.change)
      .join("; "),
    error: p.error?.message ?? "",
    remedy: p.error?.remedy ?? "",
    duration_ms: String(p.durationMs),
  };
}

function csvLine(row: Record<string, string>): string {
  return CSV_COLUMNS.map((c) => csvField(row[c])).join(",");
}

/**
 * Quoted when it holds a comma, quote or line break. A leading = + - @ would make a spreadsheet
 * run the cell as a formula (a project name is user data): such a cell is prefixed with '.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Hands a file to the browser's download. */
export function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
