// What a multi-project run reports per project and per run: built from the engine's plan, result
// or error. The CLI renders it (terminal, plain lines, --json: this is that schema) and the
// organization view exports it, so both give the same document. Words that name a front end's
// controls (a flag, a button) come from the caller's ReportWording.
import { problemOf, type Problem as UserProblem } from "../../errors/userError";
import { AdoError, PermissionDeniedError } from "../../ado";
import { workflowUrl } from "../workflowUrl";
import type { BatchCommand } from "../batch/runBatch";
import { diffFileLines, type DiffLine } from "../fileDiff";
import type { ChecklistItem, ChecklistKey, PlanStep, SetupPlan, StepChange } from "../plan/types";
import type { SetupResult } from "../types";
import { RunExitCode } from "./exitCode";

export type ProjectStatus =
  | "ready"
  | "changes-pending"
  | "needs-decision"
  | "waiting-for-pull-request"
  | "blocked"
  | "failed";

export const PROJECT_STATUSES: ProjectStatus[] = [
  "ready",
  "changes-pending",
  "needs-decision",
  "waiting-for-pull-request",
  "blocked",
  "failed",
];

/** A failure as the user reads it (what went wrong and what to do), with what a script needs. */
export interface Problem extends UserProblem {
  /** The error's class, e.g. "PermissionDeniedError". */
  kind: string;
  /** The step that failed, in words ("Create the pipeline …"), when a step failed. */
  step?: string;
  status?: number;
  code?: string;
  /** The missing permission, as Azure DevOps names it, for a permission error. */
  permission?: string;
}

export interface StepReport {
  id: string;
  change: string;
  reason: string;
  /** planned: status/plan (would run) or setup (did not run); done; failed. */
  state: "planned" | "done" | "failed";
  /** What it changes, as it is and as it will be. */
  changes?: StepChange[];
  /** status/plan: the file it rewrites, line by line against the one there now. */
  fileDiff?: DiffLine[];
}

export interface DecisionReport {
  id: string;
  question: string;
  consequence: string;
  /** How to answer it from the command line. */
  answer: string;
}

export interface ProjectReport {
  /** The project's name as Azure DevOps spells it (as given when it could not be read). */
  project: string;
  status: ProjectStatus;
  /** The URL to paste into the StackSpot portal; only for a ready project. */
  workflowUrl?: string;
  /** The checklist as read. For setup: the project as it stands after the changes. */
  checklist: ChecklistItem[];
  steps: StepReport[];
  decisions: DecisionReport[];
  pullRequest?: { id: number; title: string; url: string };
  error?: Problem;
  /**
   * setup failed after changing something: the steps say which ("done") and which not; running
   * the set-up again makes only what is left.
   */
  partiallyApplied?: true;
  durationMs: number;
}

export interface RunReport {
  command: BatchCommand;
  organization: string;
  exitCode: RunExitCode;
  total: number;
  counts: Record<ProjectStatus, number>;
  durationMs: number;
  projects: ProjectReport[];
}

export function reportProblem(e: unknown, step?: string): Problem {
  const problem: Problem = {
    ...problemOf(e, "Run the command again; if it fails the same way, report this message."),
    kind: e instanceof Error ? e.name : "Error",
  };
  if (step) problem.step = step;
  if (e instanceof AdoError) {
    if (e.status !== undefined) problem.status = e.status;
    if (e.code) problem.code = e.code;
  }
  if (e instanceof PermissionDeniedError) problem.permission = e.permission.permission;
  return problem;
}

/** How a front end tells its user to answer a decision or clear a block, in its own controls. */
export interface ReportWording {
  /** How to answer a decision about this option ("credentials", "replaceEditedFile", …). */
  decisionAnswer(option: string): string;
  /** What to do about a missing prerequisite, by checklist item. */
  blockedRemedy(key: ChecklistKey | undefined): string;
}

/** Words without any front end's controls in them. */
export const PLAIN_WORDING: ReportWording = {
  decisionAnswer: (option) =>
    option === "credentials"
      ? "Give the StackSpot credentials (client id, client key and realm)."
      : "Accept it and set the project up again.",
  blockedRemedy: () => "Add what is missing, then set the project up again.",
};

function decisionsOf(plan: SetupPlan, wording: ReportWording): DecisionReport[] {
  return plan.decisions.map((d) => ({
    id: d.id,
    question: d.question,
    consequence: d.consequence,
    answer: wording.decisionAnswer(d.option),
  }));
}

function stepOf(step: PlanStep, state: StepReport["state"], plan?: SetupPlan): StepReport {
  const before = plan?.state.file?.content;
  return {
    id: step.id,
    change: step.change,
    reason: step.reason,
    state,
    ...(step.changes ? { changes: step.changes } : {}),
    ...(before !== undefined && step.spec.kind === "write-file"
      ? { fileDiff: diffFileLines(before, step.spec.content) }
      : {}),
  };
}

function urlIfReady(status: ProjectStatus, orgUrl: string, project: string): string | undefined {
  return status === "ready" ? workflowUrl(orgUrl, project) : undefined;
}

/** status and plan: what the project looks like and what setup would do. */
export function reportFromPlan(
  plan: SetupPlan,
  orgUrl: string,
  durationMs: number,
  wording: ReportWording = PLAIN_WORDING,
): ProjectReport {
  const waiting = plan.checklist.some((i) => i.state === "waiting-for-pull-request");
  const status: ProjectStatus = plan.blocked
    ? "blocked"
    : plan.upToDate
      ? "ready"
      : plan.decisions.length
        ? "needs-decision"
        : plan.steps.length
          ? "changes-pending"
          : waiting
            ? "waiting-for-pull-request"
            : "changes-pending";
  const name = plan.state.project.name;
  return {
    project: name,
    status,
    workflowUrl: urlIfReady(status, orgUrl, name),
    checklist: plan.checklist,
    steps: plan.steps.map((s) => stepOf(s, "planned", plan)),
    decisions: decisionsOf(plan, wording),
    ...(plan.state.pullRequest ? { pullRequest: plan.state.pullRequest } : {}),
    ...(plan.blocked ? { error: blockedProblem(plan, wording) } : {}),
    durationMs,
  };
}

/** setup: what was done and where the project stands. */
export function reportFromSetup(
  result: SetupResult,
  orgUrl: string,
  durationMs: number,
  wording: ReportWording = PLAIN_WORDING,
): ProjectReport {
  const status: ProjectStatus = result.outcome === "complete" ? "ready" : result.outcome;
  const name = result.plan.state.project.name;
  const done = new Set(result.done.map((s) => s.id));
  const failedId = result.failure?.step.id;
  return {
    project: name,
    status,
    workflowUrl: urlIfReady(status, orgUrl, name),
    checklist: result.after.checklist,
    steps: result.plan.steps.map((s) =>
      stepOf(s, done.has(s.id) ? "done" : s.id === failedId ? "failed" : "planned"),
    ),
    decisions: result.outcome === "needs-decision" ? decisionsOf(result.plan, wording) : [],
    ...(result.pullRequest ? { pullRequest: result.pullRequest } : {}),
    ...(result.partial ? { partiallyApplied: true as const } : {}),
    // The error's own message names the operation ("create the pipeline"); the step's long wording
    // stays in `step`.
    ...(result.failure
      ? {
          error: {
            ...reportProblem(result.failure.error, result.failure.step.change),
            remedy: result.failure.remedy,
          },
        }
      : {}),
    ...(result.outcome === "blocked" ? { error: blockedProblem(result.plan, wording) } : {}),
    ...(result.outcome === "failed" && !result.failure
      ? {
          error: {
            message: "The set-up stopped: the project kept changing while it ran.",
            remedy: "Run setup again.",
            kind: "ConflictError",
          },
        }
      : {}),
    durationMs,
  };
}

export function reportFromError(project: string, e: unknown, durationMs: number): ProjectReport {
  return {
    project,
    status: "failed",
    checklist: [],
    steps: [],
    decisions: [],
    error: reportProblem(e),
    durationMs,
  };
}

function blockedProblem(plan: SetupPlan, wording: ReportWording): Problem {
  // A missing permission says itself what to ask for, and where it is granted.
  const denial = plan.permissionDenials[0];
  if (denial) {
    return {
      message: denial.message,
      remedy: denial.remedy,
      kind: "PermissionDeniedError",
      step: denial.step.change,
      permission: denial.permission.permission,
    };
  }
  const item = plan.checklist.find((i) => i.state === "blocked");
  // The item's detail already says what to add and where; the remedy adds the front end's way out.
  const remedy = wording.blockedRemedy(item?.key);
  return {
    message: item
      ? `${item.label}: ${item.detail}`
      : "A prerequisite the set-up cannot create is missing.",
    remedy,
    kind: "Blocked",
  };
}

/** 1 when anything failed or is blocked; else 3 when anything is not ready; else 0. */
export function exitCodeFor(projects: ProjectReport[]): RunExitCode {
  if (projects.some((p) => p.status === "failed" || p.status === "blocked"))
    return RunExitCode.Failed;
  if (projects.some((p) => p.status !== "ready")) return RunExitCode.NotReady;
  return RunExitCode.Ready;
}

export function countStatuses(projects: ProjectReport[]): Record<ProjectStatus, number> {
  const counts = Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<
    ProjectStatus,
    number
  >;
  for (const p of projects) counts[p.status]++;
  return counts;
}
