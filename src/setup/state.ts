// Reads what the planner needs in two waves of parallel requests, whatever the size of the project:
// everything is looked up by name (never by listing every repository or definition).
//   wave 1: project, repository by name, definitions named "stackspot", definitions on
//           /stackspot.yml, the agent queue by name, the service connection by name;
//   wave 2: the default branch's head, the file, an open set-up pull request, and which pipelines
//           may use the connection and the queue.
// Permission checks ride the same waves: the project-wide ones in wave 1 when the project id is
// known in advance, the ones on the objects wave 1 found in wave 2 when wave 2 reads anything
// anyway. A set-up's read (readStateForSetup) always makes them; a status read (readProjectState)
// makes them when the project id is given, so that the checklist shows a missing permission before
// anyone presses Set up — at no extra round trip, and a fixed number of checks whatever the
// project's size.
import type { BuildDefinition } from "azure-devops-extension-api/Build/Build";
import {
  activePullRequests,
  AdoClients,
  branchVersion,
  listDefinitionsByName,
  listDefinitionsByYamlFile,
  NotFoundError,
  ResourcePipelinePermissions,
  webLink,
} from "../ado";
import { PIPELINE_FILE_PATH, PIPELINE_NAME, SETUP_TOPIC_BRANCH } from "./contract";
import { resolveOptions, ResolvedOptions, SetupOptions } from "./options";
import { classifyPipelineFileLazily } from "./pipelineFile";
import { definitionToUpdate } from "./planPipeline";
import { mergeResults, objectProbes, projectProbes, runChecks } from "./permissionChecks";
import type {
  DefinitionState,
  PermissionResults,
  PipelineFileState,
  ProjectState,
  PullRequestState,
  VariableState,
} from "./types";

export async function readProjectState(
  clients: AdoClients,
  options: SetupOptions | ResolvedOptions,
): Promise<ProjectState> {
  const o = "queueName" in options ? options : resolveOptions(options);
  return readState(clients, o, o.projectId !== undefined);
}

/**
 * The same reads, with the permission checks a set-up needs riding along (see the top of this
 * file).
 */
export async function readStateForSetup(
  clients: AdoClients,
  o: ResolvedOptions,
): Promise<ProjectState> {
  return readState(clients, o, true);
}

async function readState(
  clients: AdoClients,
  o: ResolvedOptions,
  withChecks: boolean,
): Promise<ProjectState> {
  const project = o.project;
  const connectionName =
    o.credentials.kind === "service-connection" ? o.credentials.name : undefined;

  const projectP = clients.core.getProject(project).catch((e) => {
    throw e instanceof NotFoundError
      ? new NotFoundError(
          `the project "${project}"`,
          e.details,
          "Check the project name and that you are a member of the project.",
        )
      : e;
  });
  const repoP = orNull(clients.git.getRepository(o.repository, project));
  const namedP = listDefinitionsByName(clients.build, project, PIPELINE_NAME);
  const onFileP = listDefinitionsByYamlFile(clients.build, project, PIPELINE_FILE_PATH);
  const queueP = clients.taskAgent
    .getAgentQueues(project, o.queueName)
    .then((queues) => queues.find((q) => sameName(q.name, o.queueName)) ?? null);
  const connectionP =
    connectionName === undefined
      ? Promise.resolve(undefined)
      : clients.serviceEndpoint
          .getServiceEndpointsByNames(project, [connectionName])
          .then((eps) => eps.find((e) => sameName(e.name, connectionName)) ?? null);

  const probesP: Promise<PermissionResults | undefined> =
    withChecks && o.projectId
      ? runChecks(clients, projectProbes(o.projectId, connectionName !== undefined))
      : Promise.resolve(undefined);

  // One barrier between the waves: the second starts when the whole first is in, so the status
  // check is two round trips on any connection (and reads the same way every time).
  const [proj, repo, namedRaw, onFileRaw, queue, connection, probed] = await Promise.all([
    projectP,
    repoP,
    namedP,
    onFileP,
    queueP,
    connectionP,
    probesP,
  ]);
  // Checks made for another project (a wrong id given) answer nothing about this one.
  const projectProbed =
    probed && o.projectId?.toLowerCase() === proj.id.toLowerCase() ? probed : undefined;
  const named = namedRaw.map(toDefinitionState);
  const onFile = onFileRaw
    .filter((d) => repo && sameId(d.repository?.id, repo.id))
    .map(toDefinitionState);
  const branch = repo?.defaultBranch || null;
  const pipelineExists = named.length > 0 || onFile.length > 0;

  // Wave 2: the default branch's head, the file, an open set-up pull request; and, once a pipeline
  // exists, which pipelines may use the connection and the queue.
  const none = Promise.resolve(null);
  const secondWaveReads = !!(repo && branch) || (pipelineExists && !!(connection || queue));
  const toUpdate =
    withChecks && pipelineExists
      ? definitionToUpdate(
          {
            repository: repo
              ? { id: repo.id, name: repo.name, defaultBranch: branch, headObjectId: null }
              : null,
            pipelinesNamedStackspot: named,
            pipelinesOnFile: onFile,
          } as ProjectState,
          o,
        )
      : undefined;
  const objectChecks =
    withChecks && secondWaveReads
      ? objectProbes(proj.id, {
          repositoryId: repo && branch ? repo.id : undefined,
          definitions: toUpdate ? [toUpdate] : [],
        })
      : [];
  const [head, file, pullRequest, endpointPermissions, queuePermissions, objectsProbed] =
    await Promise.all([
      repo && branch ? readBranchHead(clients, project, repo.id, branch) : none,
      repo && branch ? readFile(clients, project, repo.id, branch) : none,
      repo && branch ? readSetupPullRequest(clients, project, repo.id, branch) : none,
      pipelineExists && connection
        ? readPermissions(clients, project, "endpoint", connection.id)
        : Promise.resolve(undefined),
      pipelineExists && queue
        ? readPermissions(clients, project, "queue", String(queue.id))
        : Promise.resolve(undefined),
      objectChecks.length ? runChecks(clients, objectChecks) : Promise.resolve(undefined),
    ]);
  const permissions = withChecks
    ? (mergeResults(projectProbed, objectsProbed) ?? { answers: {} })
    : undefined;
  return {
    project: { id: proj.id, name: proj.name },
    repository: repo
      ? {
          id: repo.id,
          name: repo.name,
          defaultBranch: branch,
          headObjectId: head,
          webUrl: repo.webUrl,
        }
      : null,
    file,
    pipelinesNamedStackspot: named,
    pipelinesOnFile: onFile,
    queue: queue ? { id: queue.id, name: queue.name } : null,
    serviceConnection:
      connection === undefined
        ? undefined
        : connection === null
          ? null
          : {
              id: connection.id,
              name: connection.name,
              type: connection.type,
              isReady: connection.isReady,
            },
    endpointPermissions,
    queuePermissions,
    pullRequest,
    ...(permissions ? { permissions } : {}),
  };
}

/** A 404 means "not there", which is an answer, not a failure. */
export async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}

export function sameName(a: string | undefined, b: string): boolean {
  return (a ?? "").localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
}

function sameId(a: string | undefined, b: string): boolean {
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
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      branchVersion(branch),
      true,
    ),
  );
  if (!item || typeof item.content !== "string") return null;
  return { content: item.content, classification: await classifyPipelineFileLazily(item.content) };
}

export async function readSetupPullRequest(
  clients: AdoClients,
  project: string,
  repositoryId: string,
  targetBranch: string,
): Promise<PullRequestState | null> {
  const prs = await clients.git.getPullRequests(
    repositoryId,
    activePullRequests(SETUP_TOPIC_BRANCH, targetBranch),
    project,
  );
  const pr = prs.find((p) => p.sourceRefName === SETUP_TOPIC_BRANCH);
  return pr ? toPullRequestState(pr.pullRequestId, pr.title, pr.repository?.webUrl, pr.url) : null;
}

export function toPullRequestState(
  id: number,
  title: string,
  repoWebUrl: string | undefined,
  apiUrl: string | undefined,
): PullRequestState {
  return { id, title, url: repoWebUrl ? `${repoWebUrl}/pullrequest/${id}` : (apiUrl ?? `#${id}`) };
}

export async function readPermissions(
  clients: AdoClients,
  project: string,
  type: "endpoint" | "queue",
  id: string,
): Promise<ResourcePipelinePermissions | null> {
  return orNull(clients.pipelinePermissions.getPipelinePermissionsForResource(project, type, id));
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
