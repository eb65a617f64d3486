// What `doctor` finds: one line per check, passed or not, with a remedy for what failed, in the
// areas the issue names. Rendered as ✓/✗ lines, or as one JSON document for a bug report.

export type DoctorArea = "service" | "token" | "permissions" | "extension" | "project" | "network";

export interface DoctorCheck {
  area: DoctorArea;
  /** "pass": proven; "fail": proven wrong; "info": nothing to prove (a fact, or not checkable). */
  result: "pass" | "fail" | "info";
  /** What was checked and what was found, in one sentence. */
  text: string;
  /** What to do, for a failed check. */
  remedy?: string;
}

export interface DoctorReport {
  command: "doctor";
  organization: string;
  project?: string;
  version: string;
  exitCode: number;
  checks: DoctorCheck[];
}

const MARK: Record<DoctorCheck["result"], string> = { pass: "✓", fail: "✗", info: "·" };

export function renderDoctorText(report: DoctorReport): string {
  const lines = [
    `stackspot-ado ${report.version} doctor: ${report.organization}` +
      (report.project ? ` (project ${report.project})` : ""),
  ];
  for (const c of report.checks) {
    lines.push(`${MARK[c.result]} ${c.area}: ${c.text}`);
    if (c.remedy) lines.push(`    what to do: ${c.remedy}`);
  }
  const failed = report.checks.filter((c) => c.result === "fail").length;
  lines.push(
    failed
      ? `${failed} check${failed === 1 ? "" : "s"} failed.`
      : "Every check passed: the set-up can run here.",
  );
  return `${lines.join("\n")}\n`;
}

export const pass = (area: DoctorArea, text: string): DoctorCheck => ({
  area,
  result: "pass",
  text,
});
export const info = (area: DoctorArea, text: string): DoctorCheck => ({
  area,
  result: "info",
  text,
});
export const fail = (area: DoctorArea, text: string, remedy: string): DoctorCheck => ({
  area,
  result: "fail",
  text,
  remedy,
});
