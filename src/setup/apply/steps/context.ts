// What steps share while a plan is applied: the clients, the options (with secrets, which never
// leave this process except in the one request that needs them), and the ids that earlier steps
// produce (a created repository's id, a created pipeline's id...).
import type { AdoClients, ResourcePipelinePermissions } from "../../../ado";
import type { ResolvedOptions } from "../../options";
import type {
  DefinitionState,
  PullRequestState,
  RepositoryState,
  ServiceConnectionState,
  SetupPlan,
} from "../../types";

/**
 * What the steps made, as the service answered it: the project's state after the run is computed
 * from it.
 */
export interface StepResults {
  /** The pipeline as created or updated. */
  definition?: DefinitionState;
  /** The file as pushed to the branch, and the commit. */
  file?: { content: string; branch: string; commitId: string };
  endpoint?: ServiceConnectionState;
  /**
   * Which pipelines may use the resource after the step (as the service answered, or as read when
   * already open).
   */
  endpointPermissions?: ResourcePipelinePermissions;
  queuePermissions?: ResourcePipelinePermissions;
}

export interface StepContext {
  clients: AdoClients;
  plan: SetupPlan;
  options: ResolvedOptions;
  project: string;
  projectId: string;
  /** The repository, as read or as created. */
  repository?: RepositoryState;
  /** The stackspot pipeline's id, as read or as created. */
  definitionId?: number;
  /** The service connection's id, as read or as created. */
  endpointId?: string;
  /** Set when branch policies sent the file through a pull request. */
  pullRequest?: PullRequestState;
  made: StepResults;
  /** Cancels the run: no new step starts once it is aborted. */
  signal?: AbortSignal;
}

/** What a step reports when it is done. */
export interface StepOutcome {
  detail: string;
  link?: string;
}

/**
 * A step that can run only once a person completes the set-up's pull request: not a failure. The
 * pipeline is created before its file is on the default branch when branch policies send the file
 * through a pull request; should the service refuse that (it is reported to accept it,
 * docs/CONTRACT.md), the pipeline waits for the pull request and the next set-up creates it.
 */
export class WaitsForPullRequest extends Error {
  constructor(
    readonly pullRequest: PullRequestState,
    what: string,
    why: string,
  ) {
    super(`${what} waits for pull request ${pullRequest.id}: ${why}`);
  }
}

/** A step found its input missing: a bug in planning, never a user problem. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Internal error: ${what} is not known at this step.`);
  return value;
}
