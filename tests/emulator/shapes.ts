// JSON shapes shared by several areas (identities, project references, repositories, queues), built
// the way the service builds them: urls use the project id, links are dropped with excludeUrls.
import type { ApiRequest } from "./router";
import type { Project, Identity } from "./state";
import type { GitRepo } from "./gitStore";
import type { QueueRecord } from "./types";
import { enumValue } from "./wire";

/** url under the organization, e.g. apiUrl(req, "_apis/projects/ID"). */
export function apiUrl(req: ApiRequest, path: string): string {
  return req.core.orgUrl + path;
}

/** `_links` when the client did not ask to exclude them. */
export function links(req: ApiRequest, entries: Record<string, string>): Record<string, unknown> {
  if (req.wire.excludeUrls) return {};
  return { _links: Object.fromEntries(Object.entries(entries).map(([k, href]) => [k, { href }])) };
}

export function identityRef(
  req: ApiRequest,
  who: Identity = req.core.state.user,
): Record<string, unknown> {
  return {
    displayName: who.displayName,
    url: `${req.core.baseUrl}/${req.core.organization}/_apis/Identities/${who.id}`,
    id: who.id,
    uniqueName: who.uniqueName,
    imageUrl: `${req.core.orgUrl}_api/_common/identityImage?id=${who.id}`,
    descriptor: who.descriptor,
  };
}

export function projectRef(req: ApiRequest, project: Project): Record<string, unknown> {
  return {
    id: project.id,
    name: project.name,
    url: apiUrl(req, `_apis/projects/${project.id}`),
    state: enumValue(req.wire, "wellFormed", 1),
    revision: project.revision,
    visibility: enumValue(req.wire, "private", 0),
    lastUpdateTime: project.lastUpdateTime,
  };
}

export function repositoryJson(req: ApiRequest, repo: GitRepo): Record<string, unknown> {
  const project = req.core.state.projectsById.get(repo.projectId)!;
  const url = apiUrl(req, `${project.id}/_apis/git/repositories/${repo.id}`);
  const web = `${req.core.orgUrl}${encodeURIComponent(project.name)}/_git/${encodeURIComponent(repo.name)}`;
  return {
    id: repo.id,
    name: repo.name,
    url,
    project: projectRef(req, project),
    ...(repo.defaultBranch ? { defaultBranch: repo.defaultBranch } : {}),
    size: repo.commits.size * 1024,
    remoteUrl: web,
    sshUrl: `git@ssh.emulator.local:v3/${req.core.organization}/${project.name}/${repo.name}`,
    webUrl: web,
    isDisabled: false,
    isInMaintenance: false,
    ...links(req, { self: url, project: `vstfs:///Classification/TeamProject/${project.id}`, web }),
  };
}

/** A queue as the Build API embeds it (AgentPoolQueue). */
export function buildQueueJson(req: ApiRequest, queue: QueueRecord): Record<string, unknown> {
  const pool = req.core.state.pools.get(queue.poolId)!;
  const url = apiUrl(req, `_apis/build/Queues/${queue.id}`);
  return {
    ...links(req, { self: url }),
    id: queue.id,
    name: queue.name,
    url,
    pool: { id: pool.id, name: pool.name, ...(pool.isHosted ? { isHosted: true } : {}) },
  };
}

/** A queue as the Task Agent API returns it (TaskAgentQueue). */
export function taskAgentQueueJson(
  req: ApiRequest,
  project: Project,
  queue: QueueRecord,
): Record<string, unknown> {
  const pool = req.core.state.pools.get(queue.poolId)!;
  return {
    id: queue.id,
    projectId: project.id,
    name: queue.name,
    pool: {
      id: pool.id,
      scope: "00000000-0000-0000-0000-000000000000",
      name: pool.name,
      isHosted: pool.isHosted,
      poolType: enumValue(req.wire, "automation", 1),
      size: pool.isHosted ? 1 : 0,
      isLegacy: pool.isHosted,
      options: enumValue(req.wire, pool.isHosted ? "elasticPool" : "none", pool.isHosted ? 1 : 0),
    },
  };
}
