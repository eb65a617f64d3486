// One command over many projects, `concurrency` at a time: the CLI's `--all-projects` and the
// organization view run the same orchestration. Results keep the order the projects were given. A
// project's failure is captured in its result and never stops the others. Cancelling starts no
// new project, and a running set-up starts no new step: the step in flight finishes, so nothing is
// left half-written, and running the set-up again finishes the job.
import type { AdoClients } from "../../ado";
import type { SetupOptions } from "../options";
import { planSetup } from "../plan/planSetup";
import type { SetupPlan } from "../plan/types";
import { readProjectState } from "../read/readProjectState";
import { runSetup } from "../runSetup";
import type { SetupProgressEvent, SetupResult } from "../types";
import { mapWithConcurrency } from "./concurrency";

/** status and plan read and plan; setup applies. */
export type BatchCommand = "status" | "plan" | "setup";

/** What a front end hears about one project while it runs. */
export type ProjectEvent =
  | { type: "started" }
  | { type: "reading" }
  | { type: "step-started"; change: string }
  | { type: "step-done"; change: string; detail: string }
  | { type: "step-failed"; change: string; message: string }
  | { type: "step-skipped"; change: string; reason: string }
  | { type: "replanning"; reason: string };

/** One project's result, in the order the projects were given. */
export type ProjectRun = { project: string; durationMs: number } & (
  | { kind: "planned"; plan: SetupPlan }
  | { kind: "applied"; result: SetupResult }
  /** The project could not be read or planned (nothing was changed). */
  | { kind: "error"; error: unknown }
  /** Cancelled before it started: nothing was read or changed. */
  | { kind: "not-started" }
);

export interface BatchOptions {
  command: BatchCommand;
  clients: AdoClients;
  projects: string[];
  concurrency: number;
  optionsFor: (project: string) => SetupOptions;
  /** Cancels the batch: no new project starts, and running set-ups start no new step. */
  signal?: AbortSignal;
  onEvent?: (project: string, event: ProjectEvent) => void;
  onDone?: (run: ProjectRun) => void;
  now?: () => number;
}

export async function runBatch(o: BatchOptions): Promise<ProjectRun[]> {
  const now = o.now ?? (() => performance.now());
  return mapWithConcurrency<string, ProjectRun>(
    o.projects,
    o.concurrency,
    async (project) => {
      const emit = (e: ProjectEvent) => {
        try {
          o.onEvent?.(project, e);
        } catch {
          /* a listener's bug must not break the batch */
        }
      };
      const started = now();
      emit({ type: "started" });
      let run: ProjectRun;
      try {
        run = { project, ...(await runOne(o, project, emit)), durationMs: 0 };
      } catch (error) {
        run = { project, kind: "error", error, durationMs: 0 };
      }
      run.durationMs = Math.round(now() - started);
      o.onDone?.(run);
      return run;
    },
    {
      signal: o.signal,
      skipped: (project) => {
        const run: ProjectRun = { project, kind: "not-started", durationMs: 0 };
        o.onDone?.(run);
        return run;
      },
    },
  );
}

async function runOne(
  o: BatchOptions,
  project: string,
  emit: (e: ProjectEvent) => void,
): Promise<{ kind: "planned"; plan: SetupPlan } | { kind: "applied"; result: SetupResult }> {
  const options = o.optionsFor(project);
  emit({ type: "reading" });
  if (o.command === "setup") {
    const result = await runSetup(o.clients, options, {
      onProgress: (e) => emit(toProjectEvent(e)),
      signal: o.signal,
    });
    return { kind: "applied", result };
  }
  return { kind: "planned", plan: planSetup(await readProjectState(o.clients, options), options) };
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
