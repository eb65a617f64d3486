// The engine's data: what it reads from a project, what it plans, what it reports while applying.
// The hub and the CLI render these; they decide nothing themselves.
import type { BuildDefinition } from "azure-devops-extension-api/Build/Build";
import type {
  AdoError,
  PermissionDeniedError,
  PermissionHint,
  ResourcePipelinePermissions,
} from "../ado";
import type { DisplayOptions } from "./options";
import type { PipelineFileClass } from "./pipelineFile";

// ---------------------------------------------------------------- state

export interface RepositoryState {
  id: string;
  name: string;
  /** e.g. "refs/heads/main"; null for an empty repository (no commits yet). */
  defaultBranch: string | null;
  /** Head commit of the default branch; null when the branch does not exist yet. */
  headObjectId: string | null;
  webUrl?: string;
}

export interface PipelineFileState {
  /** The file as stored on the default branch. */
  content: string;
  classification: PipelineFileClass;
}

export interface VariableState {
  /** Absent for secrets: the service never returns their values. */
  value?: string;
  isSecret: boolean;
  allowOverride: boolean;
}

export interface DefinitionState {
  id: number;
  name: string;
  /** Folder, "\\" is the root. */
  path: string;
  revision: number;
  repositoryId?: string;
  repositoryName?: string;
  yamlFilename?: string;
  queueId?: number;
  variables: Record<string, VariableState>;
  webUrl?: string;
  /** The full definition as read: an update must send it whole with its revision. */
  raw: BuildDefinition;
}

export interface ServiceConnectionState {
  id: string;
  name: string;
  type: string;
  isReady?: boolean;
}

export interface PullRequestState {
  id: number;
  title: string;
  /** Web link for people. */
  url: string;
}

/** Everything the planner needs, read with as few round trips as possible. */
export interface ProjectState {
  project: { id: string; name: string };
  /** null: no repository of that name. */
  repository: RepositoryState | null;
  /** null: no /stackspot.yml on the default branch (or no branch). */
  file: PipelineFileState | null;
  /** Definitions named "stackspot" (any folder). */
  pipelinesNamedStackspot: DefinitionState[];
  /** Definitions of the project on "/stackspot.yml" of this repository (any name). */
  pipelinesOnFile: DefinitionState[];
  /** The agent queue asked for; null when the project has none of that name. */
  queue: { id: number; name: string } | null;
  /** The service connection asked for (undefined when credentials are pipeline variables). */
  serviceConnection?: ServiceConnectionState | null;
  /** Pipeline permissions of the service connection and the queue (read when a pipeline exists). */
  endpointPermissions?: ResourcePipelinePermissions | null;
  queuePermissions?: ResourcePipelinePermissions | null;
  /** An active pull request from the set-up's topic branch, when branch policies forced one. */
  pullRequest: PullRequestState | null;
  /**
   * What the service answered to permission checks (a set-up's read makes them; a status read does
   * not): the planner blocks a plan whose writes the user may not make.
   */
  permissions?: PermissionResults;
}

/** Answers of permission checks, by namespace, bit and token (see permissionChecks.ts). */
export interface PermissionResults {
  /**
   * "namespaceId|bit|token" (lower case) → allowed. Absent: not asked, or not answerable from what
   * was asked.
   */
  answers: Record<string, boolean>;
  /**
   * A check failed (refused, unreachable): the set-up goes on unchecked and the writes answer for
   * themselves.
   */
  unavailable?: boolean;
}

// ---------------------------------------------------------------- plan

export type ChecklistKey =
  "repository" | "pipelineFile" | "pipeline" | "variables" | "credentials" | "agentPool";
export type ChecklistState =
  "ok" | "will-change" | "needs-decision" | "blocked" | "waiting-for-pull-request";

export interface ChecklistItem {
  key: ChecklistKey;
  label: string;
  state: ChecklistState;
  /** One sentence for a person: what is there, what will happen, or what is needed. */
  detail: string;
  link?: string;
}

export type StepKind =
  | "create-repository"
  | "write-file"
  | "create-pipeline"
  | "update-pipeline"
  | "create-service-connection"
  | "authorize-service-connection"
  | "authorize-queue";

export interface PlanStep {
  /** Unique in the plan; also the step's kind for single steps. */
  id: string;
  kind: StepKind;
  /** The checklist item the step repairs: the hub and the CLI list the step under it. */
  item: ChecklistKey;
  /**
   * Other items the step also brings in line (e.g. creating the pipeline sets its variables); shown
   * as a pointer to `item`.
   */
  alsoServes?: ChecklistKey[];
  /** What it will change, e.g. "Create the repository 'repo-runner-actions'". */
  change: string;
  /** Why, e.g. "StackSpot's pipeline file lives in it". */
  reason: string;
  /** Steps whose results it needs (ids); the rest run in parallel. */
  dependsOn: string[];
  /** What exactly to do; read by applyPlan (the UI needs only the fields above). */
  spec: StepSpec;
}

/** A variable change on the pipeline: added, or flags raised. A value is never overwritten. */
export interface VariableChange {
  name: string;
  /** "add": missing; "secure": make secret and/or settable at queue time, keeping the value. */
  action: "add" | "secure";
  isSecret: boolean;
  allowOverride: boolean;
  /** For added credential variables: which credential fills it (values come with the options). */
  credential?: "clientId" | "clientKey" | "realm";
}

export type StepSpec =
  | { kind: "create-repository"; name: string }
  | {
      kind: "write-file";
      /**
       * add: no file; update: our file, other settings; upgrade: our older format; replace: edited
       * or foreign.
       */
      mode: "add" | "update" | "upgrade" | "replace";
      content: string;
      /** Full ref name, e.g. refs/heads/main. */
      branch: string;
      /** Head of the branch as read; null when the branch does not exist yet. */
      oldObjectId: string | null;
    }
  | { kind: "create-pipeline"; variables: VariableChange[] }
  | {
      kind: "update-pipeline";
      definitionId: number;
      rename: boolean;
      moveToRoot: boolean;
      /**
       * Point it at this repository's /stackspot.yml (taking over a foreign pipeline, by the user's
       * choice).
       */
      repoint: boolean;
      variables: VariableChange[];
    }
  | { kind: "create-service-connection"; name: string }
  | {
      kind: "authorize-service-connection";
      /** Known when the connection exists already. */
      endpointId?: string;
      /** Known when the pipeline exists already. */
      definitionId?: number;
      /** Read the permission first (it may be open to all pipelines already). */
      checkFirst: boolean;
    }
  | { kind: "authorize-queue"; queueId: number; definitionId?: number; checkFirst: boolean };

export type DecisionId = "replace-edited-file" | "take-over-pipeline" | "provide-credentials";

/** Something only the user may decide; the set-up goes on without it where it can. */
export interface Decision {
  id: DecisionId;
  item: ChecklistKey;
  question: string;
  /** What choosing "yes" does. */
  consequence: string;
  /** The option that records the answer. */
  option: "replaceEditedFile" | "takeOverPipeline" | "credentials";
}

/** A permission a step of the plan needs and the user lacks, found before anything was written. */
export interface PermissionDenial {
  step: PlanStep;
  /** As Azure DevOps names it, and where it is granted. */
  permission: PermissionHint;
  /**
   * e.g. 'You are not allowed to create the repository: the "Create repository" permission is
   * missing.'
   */
  message: string;
  /**
   * e.g. 'Ask a project administrator to grant you "Create repository" (Project settings → …), then
   * run the set-up again.'
   */
  remedy: string;
  error: PermissionDeniedError;
}

export interface SetupPlan {
  /**
   * Options with defaults filled, without the client key (applyPlan receives the options again).
   */
  options: DisplayOptions;
  state: ProjectState;
  steps: PlanStep[];
  decisions: Decision[];
  checklist: ChecklistItem[];
  /**
   * The stackspot pipeline's id when it exists (undefined when the plan creates it or waits for a
   * decision).
   */
  pipelineId?: number;
  /**
   * A prerequisite the set-up cannot create is missing, or a permission (see the checklist):
   * applyPlan changes nothing.
   */
  blocked: boolean;
  /**
   * Permissions the user lacks for steps of this plan (each also marks its checklist item
   * "blocked").
   */
  permissionDenials: PermissionDenial[];
  /** Nothing to do and nothing pending: the project meets the contract. */
  upToDate: boolean;
}

// ---------------------------------------------------------------- applying

/**
 * Before and between the steps: reading the project, and the plan it led to (for a spinner, then
 * the list of steps).
 */
export type SetupPhaseEvent = { type: "reading" } | { type: "planned"; plan: SetupPlan };

/** Every event of a run, in order: phases and step progress (RunSetupHooks.onEvent). */
export type SetupEvent = SetupPhaseEvent | SetupProgressEvent;

export type SetupProgressEvent =
  | { type: "step-started"; step: PlanStep }
  | { type: "step-done"; step: PlanStep; detail: string; link?: string }
  | { type: "step-failed"; step: PlanStep; message: string; remedy: string; error: Error }
  | { type: "step-skipped"; step: PlanStep; reason: string }
  | { type: "replanning"; reason: string };

export type SetupOutcome =
  /** The project meets the contract. */
  | "complete"
  /** Everything else is done; the file waits in a pull request. */
  | "waiting-for-pull-request"
  /** Done what could be done; a decision (see plan.decisions) is needed for the rest. */
  | "needs-decision"
  /**
   * Something required is missing (the agent queue, a permission); see the checklist. Nothing was
   * changed.
   */
  | "blocked"
  /** A step failed; see `failure`. */
  | "failed";

export interface ApplyResult {
  outcome: SetupOutcome;
  done: PlanStep[];
  /**
   * The step that failed; for a plan blocked by a missing permission, the first step that needs one
   * (nothing ran).
   */
  failure?: { step: PlanStep; message: string; remedy: string; error: Error };
  pullRequest?: PullRequestState;
}

export interface SetupResult extends ApplyResult {
  /** The plan that was applied last (after a re-plan, the second one). */
  plan: SetupPlan;
  /** True when a conflict made the engine re-read and re-plan. */
  replanned: boolean;
  /**
   * The project as it stands after the changes: the plan of what was read, updated with what the
   * steps did (no request is made for it). Its checklist is the final state to show; `upToDate`
   * says whether anything is left to do.
   */
  after: SetupPlan;
}

export type ProgressListener = (event: SetupProgressEvent) => void;

/** A failure of any step, as the UI shows it. */
export interface StepFailure {
  step: PlanStep;
  error: AdoError | Error;
}
