// The set-up of many projects from the organization view: review what would change, run it with
// the engine's batch, cancel, and keep the result for the summary and the export. StackSpot's
// credentials live only in this hook's state while the batch is open; closing the dialog (or the
// batch ending) drops them and empties the form.
import * as React from "react";
import {
  countStatuses,
  exitCodeFor,
  reportFromError,
  reportFromSetup,
  runBatch,
  type DecisionId,
  type ProjectReport,
  type ProjectRun,
  type RunReport,
} from "../setup";
import { batchOptions, EMPTY_SETTINGS, summarize, type BatchSettings } from "./batchPlan";
import type { BatchSummary } from "./batchPlan";
import type { OrganizationContext } from "./organizationContext";
import { rowFromReport, type ProjectRow } from "./projectRows";
import type { ProjectStates } from "./useProjectStates";
import { ORGANIZATION_WORDING } from "./wording";

/** Projects set up at once. */
export const SETUP_CONCURRENCY = 4;

export type BatchPhase = "closed" | "options" | "reviewing" | "review" | "running" | "done";

export interface BatchModel {
  phase: BatchPhase;
  /** The projects the batch is for. */
  projects: ProjectRow[];
  settings: BatchSettings;
  summary?: BatchSummary;
  accepted: Map<string, Set<DecisionId>>;
  cancelling: boolean;
  result?: RunReport;
}

export interface BatchActions {
  open(projects: ProjectRow[]): void;
  edit(settings: Partial<BatchSettings>): void;
  review(): void;
  accept(project: string, decision: DecisionId, yes: boolean): void;
  run(): void;
  cancel(): void;
  close(): void;
}

const CLOSED: BatchModel = {
  phase: "closed",
  projects: [],
  settings: EMPTY_SETTINGS,
  accepted: new Map(),
  cancelling: false,
};

export function useBatchSetup(
  context: OrganizationContext | undefined,
  states: ProjectStates,
): [BatchModel, BatchActions] {
  const [model, setModel] = React.useState<BatchModel>(CLOSED);
  const current = React.useRef(model);
  current.current = model;
  const controller = React.useRef<AbortController>();
  const patch = React.useCallback(
    (p: Partial<BatchModel>) => setModel((m) => ({ ...m, ...p })),
    [],
  );
  const actions = React.useMemo<BatchActions>(() => {
    const withContext = (f: (c: OrganizationContext) => Promise<void>) => {
      if (context) void f(context);
    };
    return {
      open: (projects) => setModel({ ...CLOSED, phase: "options", projects }),
      edit: (s) => setModel((m) => ({ ...m, settings: { ...m.settings, ...s } })),
      review: () => withContext((c) => review(c, current.current, patch)),
      accept: (project, decision, yes) =>
        setModel((m) => ({ ...m, accepted: toggled(m.accepted, project, decision, yes) })),
      run: () =>
        withContext(async (c) => {
          controller.current = new AbortController();
          await run(c, current.current, controller.current.signal, states.update, patch);
        }),
      cancel: () => {
        controller.current?.abort();
        patch({ cancelling: true });
      },
      // The credentials go with the model: nothing keeps them once the dialog closes.
      close: () => setModel(CLOSED),
    };
  }, [context, patch, states.update]);
  return [model, actions];
}

function toggled(
  accepted: Map<string, Set<DecisionId>>,
  project: string,
  decision: DecisionId,
  yes: boolean,
): Map<string, Set<DecisionId>> {
  const next = new Map(accepted);
  const set = new Set(next.get(project));
  if (yes) set.add(decision);
  else set.delete(decision);
  next.set(project, set);
  return next;
}

async function review(
  c: OrganizationContext,
  m: BatchModel,
  patch: (p: Partial<BatchModel>) => void,
): Promise<void> {
  patch({ phase: "reviewing" });
  const runs = await runBatch({
    command: "plan",
    clients: c.clients,
    projects: m.projects.map((p) => p.name),
    concurrency: SETUP_CONCURRENCY * 2,
    optionsFor: (project) => batchOptions(project, idOf(m, project), m.settings),
  });
  patch({ phase: "review", summary: summarize(runs) });
}

const idOf = (m: BatchModel, project: string) => m.projects.find((p) => p.name === project)?.id;

async function run(
  c: OrganizationContext,
  m: BatchModel,
  signal: AbortSignal,
  update: ProjectStates["update"],
  patch: (p: Partial<BatchModel>) => void,
): Promise<void> {
  patch({ phase: "running" });
  const started = performance.now();
  const names = m.projects.map((p) => p.name);
  update(new Map(names.map((n) => [n, (r: ProjectRow) => ({ ...r, activity: "Queued" })])));
  const runs = await runBatch({
    command: "setup",
    clients: c.clients,
    projects: names,
    concurrency: SETUP_CONCURRENCY,
    signal,
    optionsFor: (project) =>
      batchOptions(project, idOf(m, project), m.settings, m.accepted.get(project)),
    onEvent: (project, e) => {
      const activity =
        e.type === "step-started" ? `${e.change}…` : e.type === "reading" ? "Reading…" : undefined;
      if (activity) update(new Map([[project, (r: ProjectRow) => ({ ...r, activity })]]));
    },
    onDone: (r) => update(new Map([[r.project, (row: ProjectRow) => rowAfter(row, r, c)]])),
  });
  const reports = runs.map((r) => reportOf(r, m, c));
  const result: RunReport = {
    command: "setup",
    organization: c.orgUrl,
    exitCode: exitCodeFor(reports),
    total: reports.length,
    counts: countStatuses(reports),
    durationMs: Math.round(performance.now() - started),
    projects: reports,
  };
  // The batch is over: its credentials are dropped from the model and the form.
  patch({ phase: "done", result, cancelling: false, settings: EMPTY_SETTINGS });
}

/** A project the batch did not start keeps the report of its last read. */
function reportOf(r: ProjectRun, m: BatchModel, c: OrganizationContext): ProjectReport {
  if (r.kind === "applied")
    return reportFromSetup(r.result, c.orgUrl, r.durationMs, ORGANIZATION_WORDING);
  if (r.kind === "error") return reportFromError(r.project, r.error, r.durationMs);
  const before = m.projects.find((p) => p.name === r.project)?.report;
  return (
    before ?? reportFromError(r.project, new Error("Not started: the batch was cancelled."), 0)
  );
}

function rowAfter(row: ProjectRow, r: ProjectRun, c: OrganizationContext): ProjectRow {
  if (r.kind === "not-started" || r.kind === "planned")
    return { ...row, activity: "Not started (cancelled)" };
  const report =
    r.kind === "applied"
      ? reportFromSetup(r.result, c.orgUrl, r.durationMs, ORGANIZATION_WORDING)
      : reportFromError(r.project, r.error, r.durationMs);
  const repository = r.kind === "applied" ? r.result.after.state.repository?.name : undefined;
  return { ...rowFromReport(row, report, repository), activity: "Done" };
}
