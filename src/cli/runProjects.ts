// Runs one command over many projects, `concurrency` at a time. A project's failure is captured in
// its report (with the engine's message and remedy) and never stops the others.
import type { AdoClients } from "../ado";
import { planSetup, readProjectState, runSetup, SetupOptions, SetupProgressEvent } from "../setup";
import type { CommandName } from "./args";
import { ProjectReport, reportFromError, reportFromPlan, reportFromSetup } from "./report";

/** What a renderer hears about one project while it runs. */
export type ProjectEvent =
  | { type: "started" }
  | { type: "reading" }
  | { type: "step-started"; change: string }
  | { type: "step-done"; change: string; detail: string }
  | { type: "step-failed"; change: string; message: string }
  | { type: "step-skipped"; change: string; reason: string }
  | { type: "replanning"; reason: string };

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
  const now = o.now ?? (() => performance.now());
  return mapWithConcurrency(o.projects, o.concurrency, async (project) => {
    const emit = (e: ProjectEvent) => o.onEvent?.(project, e);
    const started = now();
    emit({ type: "started" });
    let report: ProjectReport;
    try {
      report = await runOne(o.command, o.clients, o.optionsFor(project), emit, () =>
        Math.round(now() - started),
      );
    } catch (e) {
      report = reportFromError(project, e, Math.round(now() - started));
    }
    o.onDone?.(report);
    return report;
  });
}

async function runOne(
  command: CommandName,
  clients: AdoClients,
  options: SetupOptions,
  emit: (e: ProjectEvent) => void,
  elapsed: () => number,
): Promise<ProjectReport> {
  emit({ type: "reading" });
  if (command === "setup") {
    const result = await runSetup(clients, options, { onProgress: (e) => emit(toProjectEvent(e)) });
    return reportFromSetup(result, clients.orgUrl, elapsed());
  }
  const plan = planSetup(await readProjectState(clients, options), options);
  return reportFromPlan(plan, clients.orgUrl, elapsed());
}

function toProjectEvent(e: SetupProgressEvent): ProjectEvent {
  switch (e.type) {
    case "step-started":
      return { type: "step-started", change: e.step.change };
    case "step-done":
      return { type: "step-done", change: e.step.change, detail: e.detail };
    case "step-failed":
      return { type: "step-failed", change: e.step.change, message: e.message };
    case "step-skipped":
      return { type: "step-skipped", change: e.step.change, reason: e.reason };
    case "replanning":
      return { type: "replanning", reason: e.reason };
  }
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the items' order. */
export async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
