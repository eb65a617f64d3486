// The summary after a run: a table (project, result, Workflow URL or what is wrong), the counts,
// and every failure again in full with what to do, so that the end of the output explains the exit
// code.
import { countOf } from "./words";
import { PROJECT_STATUSES, ProjectStatus, RunReport } from "../report";
import { summaryDetail } from "./text";
import { paint, statusLabel, Style, truncate, visibleLength } from "./style";

const MAX_NAME_WIDTH = 40;

const COUNT_WORDS: Record<ProjectStatus, string> = {
  ready: "ready",
  "changes-pending": "with changes pending",
  "needs-decision": "needing a decision",
  "waiting-for-pull-request": "waiting for a pull request",
  blocked: "blocked",
  failed: "failed",
};

export interface SummaryOptions {
  style: Style;
  /** Terminal width: table rows are cut to it (the failure section is not). */
  width?: number;
}

export function summaryLines(run: RunReport, o: SummaryOptions): string[] {
  const { style } = o;
  const lines: string[] = [];
  if (!run.projects.length) {
    lines.push("No projects to work on.");
    return lines;
  }
  const nameWidth = Math.min(
    MAX_NAME_WIDTH,
    Math.max(7, ...run.projects.map((p) => [...p.project].length)),
  );
  const resultWidth = Math.max(
    6,
    ...run.projects.map((p) => visibleLength(statusLabel(style, p.status))),
  );
  const pad = (text: string, width: number) =>
    text + " ".repeat(Math.max(0, width - visibleLength(text)));
  const cut = (text: string) => (o.width ? truncate(text, o.width - 1) : text);
  const nameCell = (name: string) =>
    [...name].length > nameWidth ? `${[...name].slice(0, nameWidth - 1).join("")}…` : name;

  lines.push(
    paint(
      style,
      "bold",
      cut(`${pad("PROJECT", nameWidth)}  ${pad("RESULT", resultWidth)}  WORKFLOW URL / DETAIL`),
    ),
  );
  for (const p of run.projects) {
    lines.push(
      cut(
        `${pad(nameCell(p.project), nameWidth)}  ` +
          `${pad(statusLabel(style, p.status), resultWidth)}  ${summaryDetail(p)}`,
      ),
    );
  }
  lines.push("");
  lines.push(countsLine(run, style));

  const failures = run.projects.filter(
    (p) => (p.status === "failed" || p.status === "blocked") && p.error,
  );
  if (failures.length) {
    lines.push("");
    lines.push(paint(style, "red", `Failures (${failures.length}):`));
    for (const p of failures) {
      lines.push(`  ${p.project}: ${p.error!.message}`);
      lines.push(`    what to do: ${p.error!.remedy}`);
    }
  }
  return lines;
}

/** "49 ready, 1 failed — 50 projects in 4.2 s". */
export function countsLine(run: RunReport, style: Style): string {
  const parts = PROJECT_STATUSES.filter((s) => run.counts[s] > 0).map((s) => {
    const text = `${run.counts[s]} ${COUNT_WORDS[s]}`;
    return s === "ready"
      ? paint(style, "green", text)
      : s === "failed" || s === "blocked"
        ? paint(style, "red", text)
        : paint(style, "yellow", text);
  });
  const seconds = (run.durationMs / 1000).toFixed(1);
  return `${parts.join(", ")} — ${countOf(run.total, "project")} in ${seconds} s`;
}
