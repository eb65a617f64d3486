// The reads the set-up makes, one REST call each, shaped into the engine's state. The apply stage
// uses them too, to see whether a write it could not confirm happened.
import type { BuildDefinition } from "azure-devops-extension-api/Build/Build";
import type { GitPullRequest } from "azure-devops-extension-api/Git/Git";
import {
  activePullRequests,
  AdoClients,
  branchVersion,
  NotFoundError,
  ResourcePipelinePermissions,
  webLink,
} from "../../ado";
import { PIPELINE_FILE_PATH, SETUP_TOPIC_BRANCH } from "../contract";
import { classifyPipelineFileLazily } from "../pipelineFile";
import type {
  DefinitionState,
  PipelineFileState,
  ProjectState,
  PullRequestState,
  VariableState,
} from "./types";

/** A 404 means "not there", which is an answer, not a failure. */
export async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}

/** Names as Azure DevOps compares them: case-insensitive, accents matter. */
export function sameName(a: string | undefined, b: string): boolean {
  return (a ?? "").localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
}

export function sameId(a: string | undefined, b: string): boolean {
  return !!a && a.toLowerCase() === b.toLowerCase();
}

export async function readBranchHead(
  clients: AdoClients,
  project: string,
  repositoryId: string,
  branch: string,
): Promise<string | null> {
  const refs = await clients.git.getRefs(repositoryId, project, branch.replace(/^refs\//, ""));
  return refs.find((r) => r.name === branch)?.objectId ?? null;
}

/** The pipeline file on a branch, classified; null when it is not there. */
export async function readFile(
  clients: AdoClients,
  project: string,
  repositoryId: string,
  branch: string,
): Promise<PipelineFileState | null> {
  const item = await orNull(
    clients.git.getItem(
      repositoryId,
      PIPELINE_FILE_PATH,
      project,
      undefined, // scopePath
      undefined, // recursionLevel
      undefined, // includeContentMetadata
      undefined, // latestProcessedChange
      undefined, // download
      branchVersion(branch),
      true, // includeContent
    ),
  );
  if (!item || typeof item.content !== "string") return null;
  return { content: item.content, classification: await classifyPipelineFileLazily(item.content) };
}

/** The set-up's own active pull request into the branch, if one is open. */
export async function readSetupPullRequest(
  clients: AdoClients,
  project: string,
  repository: { id: string; webUrl?: string },
  targetBranch: string,
): Promise<PullRequestState | null> {
  const prs = await clients.git.getPullRequests(
    repository.id,
    activePullRequests(SETUP_TOPIC_BRANCH, targetBranch),
    project,
  );
  const pr = prs.find((p) => p.sourceRefName === SETUP_TOPIC_BRANCH);
  return pr ? toPullRequestState(clients.orgUrl, pr, repository.webUrl) : null;
}

/**
 * A pull request with its web link. Microsoft's recorded pull-request answers carry no
 * `repository.webUrl` (known difference pull-request-repository-without-web-url), and `url` is
 * the REST URL, which opens JSON. So the link is built from the repository's web URL as read from
 * the repository itself, or else from the organization, project and repository names the answer
 * does carry.
 */
export function toPullRequestState(
  orgUrl: string,
  pr: Pick<GitPullRequest, "pullRequestId" | "title" | "repository" | "url">,
  repoWebUrl?: string,
): PullRequestState {
  const id = pr.pullRequestId;
  const repo = pr.repository;
  const byNames =
    repo?.name && repo.project?.name
      ? `${orgUrl}${encodeURIComponent(repo.project.name)}/_git/${encodeURIComponent(repo.name)}`
      : undefined;
  const web = repo?.webUrl || repoWebUrl || byNames;
  return { id, title: pr.title, url: web ? `${web}/pullrequest/${id}` : (pr.url ?? `#${id}`) };
}

/** Which pipelines may use a service connection or an agent queue. */
export async function readPermissions(
  clients: AdoClients,
  project: string,
  type: "endpoint" | "queue",
  id: string,
): Promise<ResourcePipelinePermissions | null> {
  return orNull(clients.pipelinePermissions.getPipelinePermissionsForResource(project, type, id));
}

/** A definition the read found (by name or by file), by id. */
export function readDefinition(
  state: Pick<ProjectState, "pipelinesNamedStackspot" | "pipelinesOnFile">,
  id: number,
): DefinitionState | undefined {
  return [...state.pipelinesNamedStackspot, ...state.pipelinesOnFile].find((d) => d.id === id);
}

export function toDefinitionState(d: BuildDefinition): DefinitionState {
  const variables: Record<string, VariableState> = {};
  for (const [name, v] of Object.entries(d.variables ?? {})) {
    variables[name] = {
      value: v?.value ?? undefined,
      isSecret: v?.isSecret === true,
      allowOverride: v?.allowOverride === true,
    };
  }
  const process = d.process as { type?: number; yamlFilename?: string } | undefined;
  return {
    id: d.id,
    name: d.name,
    path: d.path ?? "\\",
    revision: d.revision,
    repositoryId: d.repository?.id,
    repositoryName: d.repository?.name,
    yamlFilename: process?.yamlFilename,
    queueId: d.queue?.id,
    variables,
    webUrl: webLink(d),
    raw: d,
  };
}
