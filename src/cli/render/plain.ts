// Without a terminal (CI logs, pipes): plain lines, one fact per line, each starting with the
// project's name so that interleaved projects stay readable, then the summary. No colours, no
// cursor movement.
import { countOf } from "./words";
import type { ProjectReport, RunReport } from "../report";
import type { ProjectEvent } from "../runProjects";
import type { Renderer, RunStart, TextStream } from "./renderer";
import { summaryLines } from "./summary";
import { detailLines, headLine } from "./text";
import { PLAIN } from "./style";

export class PlainRenderer implements Renderer {
  private command: RunStart["command"] = "status";
  private total = 0;
  private finished = 0;

  constructor(
    private readonly out: TextStream,
    private readonly verbose = false,
  ) {}

  start(info: RunStart): void {
    this.command = info.command;
    this.total = info.projects.length;
    const verb =
      info.command === "setup" ? "Setting up" : info.command === "plan" ? "Planning" : "Checking";
    this.line(
      `${verb} ${countOf(info.projects.length, "project")} in ${info.organization} ` +
        `(${info.concurrency} at a time)`,
    );
  }

  event(project: string, e: ProjectEvent): void {
    switch (e.type) {
      case "step-done":
        this.line(`${project}: ${e.detail}`);
        break;
      case "step-failed":
        this.line(`${project}: failed: ${e.message}`);
        break;
      case "replanning":
        this.line(`${project}: ${e.reason}`);
        break;
      case "step-started":
        if (this.verbose) this.line(`${project}: ${e.change}…`);
        break;
      case "step-skipped":
        if (this.verbose) this.line(`${project}: skipped: ${e.change} (${e.reason})`);
        break;
      case "reading":
        if (this.verbose) this.line(`${project}: reading the project`);
        break;
      case "started":
        break;
    }
  }

  done(report: ProjectReport): void {
    this.finished++;
    this.line(`[${this.finished}/${this.total}] ${headLine(PLAIN, report)}`);
    for (const l of detailLines(PLAIN, this.command, report)) this.line(l);
  }

  log(line: string): void {
    this.line(line);
  }

  finish(run: RunReport): void {
    this.line("");
    for (const l of summaryLines(run, { style: PLAIN })) this.line(l);
  }

  private line(text: string): void {
    this.out.write(`${text}\n`);
  }
}
