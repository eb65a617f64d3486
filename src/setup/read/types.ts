// What the read stage hands the planner: the project as it stands, as far as the contract goes.
import type { BuildDefinition } from "azure-devops-extension-api/Build/Build";
import type { ResourcePipelinePermissions } from "../../ado";
import type { PipelineFileClass } from "../pipelineFile";

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
  /**
   * Whether the organization has the StackSpot extension (its "stackspot" service connection
   * type); undefined when it could not be checked.
   */
  extensionInstalled?: boolean;
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

/** Answers of permission checks, by namespace, bit and token (see permissions/checks.ts). */
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
