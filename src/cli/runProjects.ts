// The CLI's side of a multi-project run: the engine's batch (src/setup/batch) does the work; this
// turns each project's result into the report every renderer shows.
import type { AdoClients } from "../ado";
import {
  reportFromError,
  reportFromPlan,
  reportFromSetup,
  runBatch,
  type ProjectEvent,
  type ProjectReport,
  type ProjectRun,
  type SetupOptions,
} from "../setup";
import type { CommandName } from "./args";
import { CLI_WORDING } from "./report";

export type { ProjectEvent } from "../setup";

export interface RunProjectsOptions {
  command: CommandName;
  clients: AdoClients;
  projects: string[];
  concurrency: number;
  optionsFor: (project: string) => SetupOptions;
  onEvent?: (project: string, event: ProjectEvent) => void;
  onDone?: (report: ProjectReport) => void;
  now?: () => number;
}

/** Reports in the order the projects were given. */
export async function runProjects(o: RunProjectsOptions): Promise<ProjectReport[]> {
  const { onDone, ...batch } = o;
  const runs = await runBatch({
    ...batch,
    onDone: (run) => onDone?.(reportOf(run, o.clients.orgUrl)),
  });
  return runs.map((run) => reportOf(run, o.clients.orgUrl));
}

function reportOf(run: ProjectRun, orgUrl: string): ProjectReport {
  switch (run.kind) {
    case "planned":
      return reportFromPlan(run.plan, orgUrl, run.durationMs, CLI_WORDING);
    case "applied":
      return reportFromSetup(run.result, orgUrl, run.durationMs, CLI_WORDING);
    case "error":
      return reportFromError(run.project, run.error, run.durationMs);
    case "not-started":
      // The command line never cancels a batch; kept total for the type's sake.
      return reportFromError(run.project, new Error("Not started: the run was cancelled."), 0);
  }
}
