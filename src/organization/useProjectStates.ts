// Reads every project's state, a few at a time, with the engine's batch (the same reads, retries
// and 429 handling as `stackspot-ado status --all-projects`). Rows fill in as their state arrives;
// the last run of each project comes after the states.
import * as React from "react";
import { listAllProjectRefs } from "../ado/projects";
import {
  listStackspotRuns,
  mapWithConcurrency,
  reportFromError,
  reportFromPlan,
  runBatch,
  type ProjectRun,
} from "../setup";
import { describeError, type Problem } from "../hub/describeError";
import type { OrganizationContext } from "./organizationContext";
import { rowFromReport, type ProjectRow } from "./projectRows";
import { ORGANIZATION_WORDING } from "./wording";

/** Projects read at once: enough to hide latency, few enough to stay clear of rate limits. */
export const READ_CONCURRENCY = 8;

export interface ProjectStates {
  rows: ProjectRow[];
  /** How many projects have their state. */
  read: number;
  loadError?: Problem;
  /** Replaces rows by name (a set-up's progress and results). */
  update(changes: Map<string, (row: ProjectRow) => ProjectRow>): void;
}

/** Row changes arriving together are drawn together: one render for many projects read. */
const FLUSH_MS = 40;

type RowChanges = Map<string, (row: ProjectRow) => ProjectRow>;

export function useProjectStates(context: OrganizationContext | undefined): ProjectStates {
  const [rows, setRows] = React.useState<ProjectRow[]>([]);
  const [loadError, setLoadError] = React.useState<Problem>();
  const pending = React.useRef<RowChanges>(new Map());
  const timer = React.useRef<ReturnType<typeof setTimeout>>();
  const update = React.useCallback((changes: RowChanges) => {
    for (const [name, change] of changes) {
      const before = pending.current.get(name);
      pending.current.set(name, before ? (r) => change(before(r)) : change);
    }
    timer.current ??= setTimeout(() => {
      const batch = pending.current;
      pending.current = new Map();
      timer.current = undefined;
      setRows((current) => current.map((r) => batch.get(r.name)?.(r) ?? r));
    }, FLUSH_MS);
  }, []);
  React.useEffect(() => {
    if (!context) return;
    let live = true;
    const apply = (name: string, change: (row: ProjectRow) => ProjectRow) => {
      if (live) update(new Map([[name, change]]));
    };
    readAll(context, setRows, apply).catch((e: unknown) => live && setLoadError(describeError(e)));
    return () => {
      live = false;
    };
  }, [context, update]);
  const read = rows.filter((r) => r.state !== "reading").length;
  return { rows, read, loadError, update };
}

async function readAll(
  context: OrganizationContext,
  setRows: (rows: ProjectRow[]) => void,
  apply: (name: string, change: (row: ProjectRow) => ProjectRow) => void,
): Promise<void> {
  const { clients, orgUrl } = context;
  const projects = await listAllProjectRefs(clients);
  setRows(projects.map((p) => ({ id: p.id, name: p.name, state: "reading" })));
  const ids = new Map(projects.map((p) => [p.name, p.id]));
  const runs = await runBatch({
    command: "status",
    clients,
    projects: projects.map((p) => p.name),
    concurrency: READ_CONCURRENCY,
    optionsFor: (project) => ({ project, projectId: ids.get(project) }),
    onDone: (run) => apply(run.project, (row) => rowOfRun(row, run, orgUrl)),
  });
  const withPipeline = runs.filter(
    (r): r is Extract<ProjectRun, { kind: "planned" }> =>
      r.kind === "planned" && r.plan.pipelineId !== undefined,
  );
  await mapWithConcurrency(withPipeline, READ_CONCURRENCY, async (run) => {
    // Only the newest run: each run listed is also read with Runs - Get (for its execution id).
    const [last] = await listStackspotRuns(clients, run.project, run.plan.pipelineId, 1).catch(
      () => [],
    );
    if (last) apply(run.project, (row) => ({ ...row, lastRun: last }));
  });
}

/** A status read's row. */
export function rowOfRun(row: ProjectRow, run: ProjectRun, orgUrl: string): ProjectRow {
  if (run.kind === "planned") {
    const report = reportFromPlan(run.plan, orgUrl, run.durationMs, ORGANIZATION_WORDING);
    return rowFromReport(row, report, run.plan.state.repository?.name);
  }
  if (run.kind === "error") return rowFromReport(row, reportFromError(run.project, run.error, 0));
  return row;
}
