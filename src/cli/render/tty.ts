// On a terminal: a live region at the bottom — one line per project in flight (what it is doing
// now) and a progress bar over all projects — redrawn in place; each finished project is printed
// once above it, for good; the summary table comes last. Every frame is one write, so it does not
// flicker.
import { countOf } from "./words";
import type { ProjectReport, ProjectStatus, RunReport } from "../report";
import type { ProjectEvent } from "../runProjects";
import type { Renderer, RunStart, TextStream } from "./renderer";
import { summaryLines } from "./summary";
import { detailLines, headLine } from "./text";
import { paint, Style, truncate } from "./style";

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const BAR_WIDTH = 24;
/** More in-flight lines than this would push the output off a small terminal. */
const MAX_ACTIVE_LINES = 10;

export interface TtyOptions {
  style?: Style;
  /**
   * Redraw (and spinner) interval; 0 redraws synchronously on every event, with no timer (tests).
   */
  intervalMs?: number;
  now?: () => number;
  /** status: the checklist lines under each project too (otherwise one line per project). */
  verbose?: boolean;
}

export class TtyRenderer implements Renderer {
  private readonly style: Style;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly verbose: boolean;
  private command: RunStart["command"] = "status";
  private total = 0;
  private startedAt = 0;
  private readonly active = new Map<string, string>();
  private readonly counts = new Map<ProjectStatus, number>();
  private finished = 0;
  private pending: string[] = [];
  private liveLines = 0;
  private frame = 0;
  private dirty = false;
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly out: TextStream,
    o: TtyOptions = {},
  ) {
    this.style = o.style ?? { color: true, symbols: true };
    this.intervalMs = o.intervalMs ?? 80;
    this.now = o.now ?? (() => Date.now());
    this.verbose = o.verbose === true;
  }

  start(info: RunStart): void {
    this.command = info.command;
    this.total = info.projects.length;
    this.startedAt = this.now();
    const verb =
      info.command === "setup" ? "Setting up" : info.command === "plan" ? "Planning" : "Checking";
    this.pending.push(
      paint(
        this.style,
        "bold",
        `${verb} ${countOf(this.total, "project")} in ${info.organization} ` +
          `(${info.concurrency} at a time)`,
      ),
    );
    if (this.intervalMs > 0) {
      this.timer = setInterval(() => this.tick(), this.intervalMs);
      this.timer.unref?.();
    }
    this.changed();
  }

  event(project: string, e: ProjectEvent): void {
    this.active.set(project, activityOf(e));
    this.changed();
  }

  done(report: ProjectReport): void {
    this.active.delete(report.project);
    // The report may spell the name as Azure DevOps does; drop any entry under the given spelling
    // too.
    for (const key of this.active.keys())
      if (key.toLowerCase() === report.project.toLowerCase()) this.active.delete(key);
    this.finished++;
    this.counts.set(report.status, (this.counts.get(report.status) ?? 0) + 1);
    // status on a terminal: one line per project (the summary says what is wrong); --verbose
    // lists the checklist under it.
    const details =
      this.command === "status" && !this.verbose
        ? []
        : detailLines(this.style, this.command, report);
    this.pending.push(headLine(this.style, report), ...details);
    this.draw();
  }

  log(line: string): void {
    this.pending.push(paint(this.style, "gray", line));
    this.changed();
  }

  finish(run: RunReport): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.active.clear();
    this.pending.push("", ...summaryLines(run, { style: this.style, width: this.width() }));
    this.draw(false);
  }

  private changed(): void {
    if (this.intervalMs === 0) this.draw();
    else this.dirty = true;
  }

  private width(): number {
    return Math.max(20, this.out.columns ?? 80);
  }

  /**
   * Erases the live region, prints what is pending for good, and draws the live region again
   * (unless at the end).
   */
  private draw(live = true): void {
    const erase = this.liveLines ? `\u001b[${this.liveLines}A\r\u001b[J` : "";
    const permanent = this.pending.length ? `${this.pending.join("\n")}\n` : "";
    const region = live ? this.liveRegion() : [];
    this.out.write(erase + permanent + region.map((l) => `${l}\n`).join(""));
    this.pending = [];
    this.liveLines = region.length;
    this.dirty = false;
  }

  private tick(): void {
    this.frame++;
    if (this.dirty || this.active.size) this.draw();
  }

  private liveRegion(): string[] {
    const width = this.width() - 1;
    const spin = paint(this.style, "cyan", SPINNER[this.frame % SPINNER.length]);
    const names = [...this.active.keys()];
    const nameWidth = Math.min(30, Math.max(0, ...names.map((n) => [...n].length)));
    const lines = names
      .slice(0, MAX_ACTIVE_LINES)
      .map((name) =>
        truncate(
          `  ${spin} ${name.padEnd(nameWidth)}  ` +
            paint(this.style, "gray", this.active.get(name) ?? ""),
          width,
        ),
      );
    if (names.length > MAX_ACTIVE_LINES)
      lines.push(`    … and ${names.length - MAX_ACTIVE_LINES} more`);
    lines.push(truncate(this.progressLine(), width));
    return lines;
  }

  private progressLine(): string {
    const ratio = this.total ? this.finished / this.total : 1;
    const filled = Math.round(ratio * BAR_WIDTH);
    const bar =
      paint(this.style, "green", "█".repeat(filled)) +
      paint(this.style, "gray", "░".repeat(BAR_WIDTH - filled));
    const ready = this.counts.get("ready") ?? 0;
    const failed = (this.counts.get("failed") ?? 0) + (this.counts.get("blocked") ?? 0);
    const other = this.finished - ready - failed;
    const parts = [
      `${this.finished}/${this.total} projects`,
      paint(this.style, "green", `${ready} ready`),
    ];
    if (failed) parts.push(paint(this.style, "red", `${failed} failed`));
    if (other) parts.push(paint(this.style, "yellow", `${other} not ready`));
    parts.push(`${((this.now() - this.startedAt) / 1000).toFixed(1)} s`);
    return `  ${bar} ${parts.join(" · ")}`;
  }
}

function activityOf(e: ProjectEvent): string {
  switch (e.type) {
    case "started":
    case "reading":
      return "reading the project";
    case "step-started":
      return `${e.change}…`;
    case "step-done":
      return e.detail;
    case "step-failed":
      return `failed: ${e.message}`;
    case "step-skipped":
      return `skipped: ${e.change}`;
    case "replanning":
      return e.reason;
  }
}
