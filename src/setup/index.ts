// Public API of the set-up engine. Plain TypeScript: no React, no SDK, no globals; it receives REST
// clients (src/ado) and options. The hub and the CLI render what it decides. Keep these exports
// stable.
//
// The four stages of a set-up, each in its folder: read/ → plan/ → permissions/ → apply/.
//
//   // read: 2 waves of parallel reads (with projectId: and the permission checks)
//   const state = await readProjectState(clients, options);
//   // plan: pure; steps, decisions, checklist
//   const plan = planSetup(state, options);
//   // check permissions, then apply
//   const result = await applyPlan(clients, plan, options, onProgress);
//   // or all of them, with one re-plan on a conflict ({ onEvent }: reading, planned, steps):
//   const result = await runSetup(clients, options, { onProgress });
//   result.after.checklist; // the project as it stands afterwards
//
// Failures: a failed step is reported in the result (outcome "failed", `failure` with the typed
// error's message and remedy; progress event "step-failed"). A failed read (the project cannot be
// read at all) throws the AdoError instead — nothing was changed then. Invalid options throw
// InvalidOptionsError. Plans, progress events and errors never hold the client key.
//
// Permissions: before the first write, the engine asks the service whether the user may make each
// write the plan holds (GET _apis/permissions; see permissions/). A missing one blocks the
// plan (outcome "blocked", the checklist item and plan.permissionDenials name it, `failure` holds
// its PermissionDeniedError) and nothing is written. Pass `projectId` in the options when it is
// known: the checks then share the first round trip with the reads; without it they take one more
// before the writes.

// Options (what the user asks for) and their defaults.
export { resolveOptions, redactOptions, InvalidOptionsError } from "./options";
// What a project set up already chose: options left unset keep it.
export { currentChoices, fileSettings } from "./plan/currentChoices";
export type {
  CurrentChoices,
  SetupOptions,
  ResolvedOptions,
  DisplayOptions,
  PoolOption,
  CredentialsOption,
  StackSpotCredentials,
} from "./options";

// Reading, planning, applying.
export { readProjectState } from "./read/readProjectState";
export { planSetup } from "./plan/planSetup";
export { applyPlan } from "./apply/applyPlan";
export { runSetup } from "./runSetup";
export type { RunSetupHooks } from "./runSetup";
export { SetupCancelledError } from "./apply/cancelled";

// Many projects at once (the CLI's --all-projects, the organization view), with cancel.
export { runBatch } from "./batch/runBatch";
export type { BatchCommand, BatchOptions, ProjectEvent, ProjectRun } from "./batch/runBatch";
export { mapWithConcurrency } from "./batch/concurrency";

// What a multi-project run reports: the CLI's --json document, the organization view's export.
export {
  PROJECT_STATUSES,
  PLAIN_WORDING,
  countStatuses,
  exitCodeFor,
  reportProblem,
  reportFromPlan,
  reportFromSetup,
  reportFromError,
} from "./report/projectReport";
export type {
  DecisionReport,
  Problem,
  ProjectReport,
  ProjectStatus,
  ReportWording,
  RunReport,
  StepReport,
} from "./report/projectReport";
export { RunExitCode } from "./report/exitCode";
export type {
  ProjectState,
  RepositoryState,
  PipelineFileState,
  DefinitionState,
  VariableState,
  ServiceConnectionState,
  PullRequestState,
  SetupPlan,
  PlanStep,
  StepKind,
  StepSpec,
  VariableChange,
  Decision,
  DecisionId,
  ChecklistItem,
  ChecklistKey,
  ChecklistState,
  PermissionDenial,
  PermissionResults,
  SetupProgressEvent,
  SetupPhaseEvent,
  SetupEvent,
  ProgressListener,
  ApplyResult,
  SetupResult,
  SetupOutcome,
} from "./types";

// The pipeline file: write it, classify an existing one.
export {
  renderPipelineFile,
  renderPipelineBody,
  sealPipelineFile,
  sameFileContent,
  classifyPipelineFileLazily,
  PIPELINE_FILE_FORMAT,
} from "./pipelineFile";
export { classifyPipelineFile } from "./pipelineFileClass";
export type { PipelineFileClass, PipelineFileSettings } from "./pipelineFile";

// The Workflow URL to paste into the StackSpot portal.
export { workflowUrl, InvalidOrganizationUrlError } from "./workflowUrl";

// The hub's Runs list (and doctor's check of the last runs).
export { listStackspotRuns, RUNS_SHOWN } from "./runs";
// Whether the organization has the extension (doctor asks on its own).
export { readExtensionInstalled } from "./read/firstWave";
export { EXTENSION_MARKETPLACE_URL } from "./contract";
export type { StackspotRun, RunStateName, RunResultName } from "./runs";

// The contract's names.
export * as contract from "./contract";

// A branch's name as people read it ("main" for refs/heads/main).
export { shortBranchName } from "../ado";
