// git: repositories (list, get by name or id, create) and refs (list with filter, update).
import type { ApiRequest, ApiResult, Route } from "../router";
import { errors } from "../errors";
import { demand, denials, isDenied } from "../permissions";
import { apiUrl, identityRef, repositoryJson } from "../shapes";
import { collection, enumValue } from "../wire";
import { type GitRepo, ZERO_ID } from "../gitStore";

/**
 * The repository named by {repositoryId} (GUID or name); 404 TF401019 when absent or unreadable.
 */
export function repoFrom(req: ApiRequest): GitRepo {
  const idOrName = req.params.repositoryId;
  const repo = req.project
    ? req.project.findRepo(idOrName)
    : req.core.state.reposById.get(idOrName.toLowerCase());
  if (!repo || isDenied(req, "ReadRepository")) throw errors.repositoryNotFound(idOrName);
  return repo;
}

export function repoUrl(req: ApiRequest, repo: GitRepo): string {
  return apiUrl(req, `${repo.projectId}/_apis/git/repositories/${repo.id}`);
}

function listRepositories(req: ApiRequest): ApiResult {
  if (isDenied(req, "ReadRepository")) return { status: 200, body: collection(req.wire, []) };
  const repos = req.project
    ? [...req.project.reposById.values()]
    : [...req.core.state.reposById.values()];
  repos.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
  return {
    status: 200,
    body: collection(
      req.wire,
      repos.map((r) => repositoryJson(req, r)),
    ),
  };
}

function getRepository(req: ApiRequest): ApiResult {
  return { status: 200, body: repositoryJson(req, repoFrom(req)) };
}

function createRepository(req: ApiRequest): ApiResult {
  const body = (req.body ?? {}) as { name?: unknown; project?: { id?: string; name?: string } };
  const project =
    req.project ?? req.core.state.findProject(body.project?.id ?? body.project?.name ?? "");
  if (!project) throw errors.projectNotFound(body.project?.id ?? body.project?.name ?? "");
  const name = typeof body.name === "string" ? body.name.trim() : "";
  if (!name)
    throw errors.badRequest(
      "Value cannot be null.\r\nParameter name: repositoryToCreate.Name",
      "ArgumentNullException",
    );
  if (/[\\/:*?"<>|;#$,{}+=[\]]/.test(name) || name.startsWith(".") || name.startsWith("_")) {
    throw errors.badRequest(
      `'${name}' is not a valid name. Names cannot contain reserved characters or start with '_' or '.'.`,
      "InvalidGitRepoNameException",
    );
  }
  demand(req, "CreateRepository", denials.createRepository({ ...req, project }), project);
  if (project.reposByName.has(name.toLowerCase())) throw errors.repositoryExists(name);
  const repo = req.core.state.addRepo(project, name);
  return { status: 201, body: repositoryJson(req, repo) };
}

function refJson(
  req: ApiRequest,
  repo: GitRepo,
  name: string,
  objectId: string,
): Record<string, unknown> {
  return {
    name,
    objectId,
    creator: identityRef(req),
    url: `${repoUrl(req, repo)}/refs?filter=${encodeURIComponent(name.replace(/^refs\//, ""))}`,
  };
}

function listRefs(req: ApiRequest): ApiResult {
  const repo = repoFrom(req);
  const filter = req.query.get("filter") ?? req.params.filter ?? "";
  const contains = (req.query.get("filterContains") ?? "").toLowerCase();
  const prefix = filter ? `refs/${filter.replace(/^refs\//, "")}` : "refs/";
  const refs = [...repo.refs.entries()]
    .filter(
      ([name]) => name.startsWith(prefix) && (!contains || name.toLowerCase().includes(contains)),
    )
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, id]) => refJson(req, repo, name, id));
  return { status: 200, body: collection(req.wire, refs) };
}

interface RefUpdateBody {
  name?: string;
  oldObjectId?: string;
  newObjectId?: string;
}

const RefStatus = {
  succeeded: 0,
  staleOldObjectId: 2,
  invalidRefName: 3,
  unresolvableToCommit: 5,
  rejectedByPolicy: 13,
};

function updateRefs(req: ApiRequest): ApiResult {
  const repo = repoFrom(req);
  demand(req, "GenericContribute", denials.contribute(req, repo.id));
  if (!Array.isArray(req.body))
    throw errors.badRequest(
      "Value cannot be null.\r\nParameter name: refUpdates",
      "ArgumentNullException",
    );
  const results = (req.body as RefUpdateBody[]).map((u) => {
    const name = u.name ?? "";
    const oldId = (u.oldObjectId ?? ZERO_ID).toLowerCase();
    const newId = (u.newObjectId ?? ZERO_ID).toLowerCase();
    const current = repo.refs.get(name) ?? ZERO_ID;
    let status: keyof typeof RefStatus = "succeeded";
    if (!name.startsWith("refs/")) status = "invalidRefName";
    else if (current !== oldId) status = "staleOldObjectId";
    else if (newId !== ZERO_ID && !repo.commits.has(newId)) status = "unresolvableToCommit";
    else if (current !== ZERO_ID && repo.protectedBranches.has(name)) status = "rejectedByPolicy";
    if (status === "succeeded") {
      if (newId === ZERO_ID) repo.refs.delete(name);
      else repo.setRef(name, newId);
    }
    return {
      repositoryId: repo.id,
      name,
      oldObjectId: oldId,
      newObjectId: newId,
      isLocked: false,
      updateStatus: enumValue(req.wire, status, RefStatus[status]),
      success: status === "succeeded",
      rejectedBy: null,
      customMessage: null,
    };
  });
  return { status: 200, body: collection(req.wire, results) };
}

export const gitRoutes: Route[] = [
  { method: "GET", template: "_apis/git/repositories", scope: "either", handler: listRepositories },
  {
    method: "POST",
    template: "_apis/git/repositories",
    scope: "either",
    handler: createRepository,
  },
  {
    method: "GET",
    template: "_apis/git/repositories/{repositoryId}",
    scope: "either",
    handler: getRepository,
  },
  {
    method: "GET",
    template: "_apis/git/repositories/{repositoryId}/refs",
    scope: "either",
    handler: listRefs,
  },
  {
    method: "GET",
    template: "_apis/git/repositories/{repositoryId}/refs/{*filter}",
    scope: "either",
    handler: listRefs,
  },
  {
    method: "POST",
    template: "_apis/git/repositories/{repositoryId}/refs",
    scope: "either",
    handler: updateRefs,
  },
];
