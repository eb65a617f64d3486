// What the plan stage hands the permission checks and the apply stage: the steps that bring the
// project to the contract (what each changes and why), the decisions only the user may take, and
// the checklist the hub and the CLI show.
import type { PermissionDeniedError, PermissionHint } from "../../ado";
import type { DisplayOptions } from "../options";
import type { ProjectState } from "../read/types";

export type ChecklistKey =
  | "extension"
  | "repository"
  | "pipelineFile"
  | "pipeline"
  | "variables"
  | "credentials"
  | "agentPool";
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
  /**
   * What it changes, each as it stands and as it will be ("Agent pool: A → B"); the hub and the
   * CLI show these under the step.
   */
  changes?: StepChange[];
  /** Steps whose results it needs (ids); the rest run in parallel. */
  dependsOn: string[];
  /** What exactly to do; read by applyPlan (the UI needs only the fields above). */
  spec: StepSpec;
}

/** One thing a step changes: what, as it is now, and as the step leaves it. */
export interface StepChange {
  what: string;
  from: string;
  to: string;
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
