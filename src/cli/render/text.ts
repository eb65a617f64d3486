// The words for a finished project, shared by the terminal and the plain renderers: a head line and
// the lines under it (what is missing, what would change, what failed and what to do).
import { countOf } from "./words";
import type { CommandName } from "../args";
import type { ProjectReport, StepReport } from "../report";
import { itemMark, paint, statusLabel, Style } from "./style";

/** "Payments: ready — Workflow URL: https://…" / "Billing: FAILED". */
export function headLine(style: Style, report: ProjectReport): string {
  const name = paint(style, "bold", report.project);
  const url = report.workflowUrl
    ? ` — Workflow URL: ${paint(style, "cyan", report.workflowUrl)}`
    : "";
  const pending =
    report.status === "changes-pending"
      ? ` (${countOf(report.steps.length, "change")})`
      : report.partiallyApplied
        ? " (partially applied)"
        : "";
  return `${name}: ${statusLabel(style, report.status)}${pending}${url}`;
}

/** Under a step: each change as from → to, and for plan the file it rewrites, as a diff. */
function stepDetailLines(
  style: Style,
  command: CommandName,
  step: StepReport,
  indent: string,
): string[] {
  const lines = (step.changes ?? []).map((c) => `${indent}${c.what}: ${c.from} → ${c.to}`);
  if (command === "plan" && step.fileDiff && step.fileDiff.some((l) => l.kind !== "same"))
    lines.push(...diffLines(style, step.fileDiff, indent));
  return lines;
}

/** The diff of a file: changed lines with two lines of context, "…" for what is left out. */
function diffLines(style: Style, diff: NonNullable<StepReport["fileDiff"]>, indent: string) {
  const near = (i: number) => diff.slice(Math.max(0, i - 2), i + 3).some((l) => l.kind !== "same");
  const out: string[] = [];
  diff.forEach((l, i) => {
    if (!near(i)) {
      if (out[out.length - 1] !== `${indent}…`) out.push(`${indent}…`);
      return;
    }
    const mark = l.kind === "added" ? "+" : l.kind === "removed" ? "-" : " ";
    const color = l.kind === "added" ? "green" : l.kind === "removed" ? "red" : undefined;
    const text = `${mark} ${l.text}`;
    out.push(`${indent}${color ? paint(style, color, text) : text}`);
  });
  return out;
}

/** A run that failed half-way: what it changed, what it did not, and how to finish. */
function partialLines(report: ProjectReport, indent: string): string[] {
  if (!report.partiallyApplied) return [];
  const changed = report.steps.filter((s) => s.state === "done");
  const left = report.steps.filter((s) => s.state !== "done");
  return [
    `${indent}partially applied: run setup again to finish (it makes only what is left)`,
    ...changed.map((s) => `${indent}  changed: ${s.change}`),
    ...left.map((s) => `${indent}  not changed: ${s.change}`),
  ];
}

/** The lines under the head line, indented. */
export function detailLines(style: Style, command: CommandName, report: ProjectReport): string[] {
  const lines: string[] = [];
  const indent = "    ";
  if (report.status === "ready") return lines;
  if (report.error) {
    lines.push(`${indent}${paint(style, "red", "error:")} ${report.error.message}`);
    lines.push(`${indent}what to do: ${report.error.remedy}`);
  }
  lines.push(...partialLines(report, indent));
  if (command === "status") {
    for (const item of report.checklist) {
      if (item.state === "ok") continue;
      lines.push(`${indent}${itemMark(style, item.state)} ${item.label}: ${item.detail}`);
    }
  } else if (report.status !== "blocked") {
    // A blocked project changes nothing, so its steps would only mislead.
    const shown =
      command === "plan"
        ? report.steps
        : report.steps.filter((s) => s.state === "planned" && !report.error);
    for (const step of shown) {
      lines.push(
        `${indent}${paint(style, "yellow", style.symbols ? "+" : "[change]")} ${step.change}`,
      );
      lines.push(...stepDetailLines(style, command, step, `${indent}    `));
    }
  }
  if (command === "status") {
    // The checklist already says what is undecided; say once how to decide it.
    for (const answer of new Set(report.decisions.map((d) => d.answer)))
      lines.push(`${indent}to decide: ${answer}`);
  } else {
    for (const d of report.decisions)
      lines.push(
        `${indent}${paint(style, "yellow", style.symbols ? "?" : "[decide]")} ` +
          `${d.question} ${d.answer}`,
      );
  }
  if (report.pullRequest && report.status === "waiting-for-pull-request") {
    lines.push(
      `${indent}complete pull request ${report.pullRequest.id} ` +
        `("${report.pullRequest.title}"): ${report.pullRequest.url}`,
    );
  }
  return lines;
}

/** One short phrase for the summary table's last column. */
export function summaryDetail(report: ProjectReport): string {
  switch (report.status) {
    case "ready":
      return report.workflowUrl ?? "";
    case "failed":
    case "blocked":
      return report.error?.message ?? "";
    case "needs-decision":
      return report.decisions
        .map((d) => d.answer)
        .filter((a, i, all) => all.indexOf(a) === i)
        .join(" ");
    case "waiting-for-pull-request":
      return report.pullRequest
        ? `complete pull request ${report.pullRequest.id}: ${report.pullRequest.url}`
        : "complete the set-up's pull request";
    case "changes-pending":
      return `${countOf(report.steps.length, "change")} to make: run setup`;
  }
}
