// What steps share while a plan is applied: the clients, the options (with secrets, which never
// leave this process except in the one request that needs them), and the ids that earlier steps
// produce (a created repository's id, a created pipeline's id...).
import type { AdoClients } from "../../ado";
import type { ResolvedOptions } from "../options";
import type { PullRequestState, RepositoryState, SetupPlan } from "../types";

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
}

/** What a step reports when it is done. */
export interface StepOutcome {
  detail: string;
  link?: string;
}

/** A step found its input missing: a bug in planning, never a user problem. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Internal error: ${what} is not known at this step.`);
  return value;
}
