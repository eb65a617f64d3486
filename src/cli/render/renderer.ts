// What every way of showing a run implements: the live terminal display, plain lines, JSON.
import type { CommandName } from "../args";
import type { ProjectReport, RunReport } from "../report";
import type { ProjectEvent } from "../runProjects";

/** The little of a stream the renderers use (process.stdout, or a fake in tests). */
export interface TextStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface RunStart {
  command: CommandName;
  organization: string;
  projects: string[];
  concurrency: number;
}

export interface Renderer {
  start(info: RunStart): void;
  event(project: string, event: ProjectEvent): void;
  done(report: ProjectReport): void;
  /** A diagnostic line (--verbose): shown without disturbing the rest. */
  log(line: string): void;
  finish(run: RunReport): void;
}
