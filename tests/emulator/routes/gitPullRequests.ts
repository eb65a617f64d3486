// git pull requests: create, get (in a repository or in the project), list by searchCriteria.
import type { ApiRequest, ApiResult, Route } from "../router";
import { errors } from "../errors";
import { demand, denials, isDenied } from "../permissions";
import { identityRef, links, repositoryJson } from "../shapes";
import { collection, enumValue, readEnum } from "../wire";
import type { GitRepo, PullRequest } from "../gitStore";
import { repoFrom, repoUrl } from "./git";

const Status = { notSet: 0, active: 1, abandoned: 2, completed: 3, all: 4 };

/**
 * A pull request's repository as Microsoft's recorded pull-request answers show it: id, name, url,
 * project and remoteUrl, and no webUrl (known difference pull-request-repository-without-web-url).
 */
function pullRequestRepositoryJson(req: ApiRequest, repo: GitRepo): Record<string, unknown> {
  const { id, name, url, project, remoteUrl } = repositoryJson(req, repo);
  return { id, name, url, project, remoteUrl };
}

function pullRequestJson(req: ApiRequest, repo: GitRepo, pr: PullRequest): Record<string, unknown> {
  const url = `${repoUrl(req, repo)}/pullRequests/${pr.pullRequestId}`;
  const commit = (id: string) => ({ commitId: id, url: `${repoUrl(req, repo)}/commits/${id}` });
  return {
    repository: pullRequestRepositoryJson(req, repo),
    pullRequestId: pr.pullRequestId,
    codeReviewId: pr.pullRequestId,
    status: enumValue(req.wire, pr.status, Status[pr.status]),
    createdBy: identityRef(req),
    creationDate: pr.creationDate,
    title: pr.title,
    description: pr.description,
    sourceRefName: pr.sourceRefName,
    targetRefName: pr.targetRefName,
    mergeStatus: enumValue(req.wire, "succeeded", 3),
    isDraft: pr.isDraft,
    mergeId: `00000000-0000-0000-0000-${String(pr.pullRequestId).padStart(12, "0")}`,
    lastMergeSourceCommit: commit(pr.sourceCommitId),
    lastMergeTargetCommit: commit(pr.targetCommitId),
    ...(pr.mergeCommitId
      ? { lastMergeCommit: commit(pr.mergeCommitId), closedBy: identityRef(req) }
      : {}),
    ...(pr.closedDate ? { closedDate: pr.closedDate } : {}),
    reviewers: [],
    url,
    supportsIterations: true,
    artifactId: `vstfs:///Git/PullRequestId/${repo.projectId}%2f${repo.id}%2f${pr.pullRequestId}`,
    ...links(req, { self: url, repository: repoUrl(req, repo) }),
  };
}

function createPullRequest(req: ApiRequest): ApiResult {
  const repo = repoFrom(req);
  demand(req, "PullRequestContribute", denials.pullRequestContribute(req, repo.id));
  const body = (req.body ?? {}) as {
    sourceRefName?: string;
    targetRefName?: string;
    title?: string;
    description?: string;
    isDraft?: boolean;
  };
  const source = body.sourceRefName ?? "";
  const target = body.targetRefName ?? "";
  const sourceCommit = repo.refs.get(source);
  const targetCommit = repo.refs.get(target);
  if (
    !sourceCommit ||
    !targetCommit ||
    !source.startsWith("refs/heads/") ||
    !target.startsWith("refs/heads/")
  ) {
    throw errors.pullRequestRefsMissing();
  }
  if (source === target)
    throw errors.badRequest(
      "The source and target branches of a pull request cannot be the same.",
      "InvalidArgumentValueException",
    );
  for (const pr of repo.pullRequests.values()) {
    if (pr.status === "active" && pr.sourceRefName === source && pr.targetRefName === target)
      throw errors.pullRequestExists();
  }
  const pr: PullRequest = {
    pullRequestId: req.core.state.newPullRequestId(),
    repositoryId: repo.id,
    sourceRefName: source,
    targetRefName: target,
    title: body.title ?? "",
    description: body.description ?? "",
    status: "active",
    isDraft: !!body.isDraft,
    creationDate: new Date(),
    sourceCommitId: sourceCommit,
    targetCommitId: targetCommit,
  };
  repo.pullRequests.set(pr.pullRequestId, pr);
  return { status: 201, body: pullRequestJson(req, repo, pr) };
}

/** searchCriteria.status (default active), sourceRefName, targetRefName; newest first. */
function search(req: ApiRequest, repos: GitRepo[]): Record<string, unknown>[] {
  const status = readEnum(req.query.get("searchCriteria.status"), Status) ?? Status.active;
  const source = req.query.get("searchCriteria.sourceRefName");
  const target = req.query.get("searchCriteria.targetRefName");
  const skip = req.query.int("$skip") ?? 0;
  const top = req.query.int("$top") ?? 101;
  const found: [GitRepo, PullRequest][] = [];
  for (const repo of repos) {
    for (const pr of repo.pullRequests.values()) {
      if (status !== Status.all && Status[pr.status] !== status) continue;
      if (source && pr.sourceRefName !== source) continue;
      if (target && pr.targetRefName !== target) continue;
      found.push([repo, pr]);
    }
  }
  found.sort(([, a], [, b]) => b.pullRequestId - a.pullRequestId);
  return found.slice(skip, skip + top).map(([repo, pr]) => pullRequestJson(req, repo, pr));
}

function listPullRequests(req: ApiRequest): ApiResult {
  const repo = repoFrom(req);
  return { status: 200, body: collection(req.wire, search(req, [repo])) };
}

function listProjectPullRequests(req: ApiRequest): ApiResult {
  const repos = isDenied(req, "ReadRepository") ? [] : [...req.project!.reposById.values()];
  return { status: 200, body: collection(req.wire, search(req, repos)) };
}

function getPullRequest(req: ApiRequest): ApiResult {
  const repo = repoFrom(req);
  const pr = repo.pullRequests.get(Number(req.params.pullRequestId));
  if (!pr) throw errors.pullRequestNotFound();
  return { status: 200, body: pullRequestJson(req, repo, pr) };
}

function getProjectPullRequest(req: ApiRequest): ApiResult {
  const id = Number(req.params.pullRequestId);
  if (!isDenied(req, "ReadRepository")) {
    for (const repo of req.project!.reposById.values()) {
      const pr = repo.pullRequests.get(id);
      if (pr) return { status: 200, body: pullRequestJson(req, repo, pr) };
    }
  }
  throw errors.pullRequestNotFound();
}

export const gitPullRequestRoutes: Route[] = [
  {
    method: "POST",
    template: "_apis/git/repositories/{repositoryId}/pullRequests",
    scope: "either",
    handler: createPullRequest,
  },
  {
    method: "GET",
    template: "_apis/git/repositories/{repositoryId}/pullRequests",
    scope: "either",
    handler: listPullRequests,
  },
  {
    method: "GET",
    template: "_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}",
    scope: "either",
    handler: getPullRequest,
  },
  {
    method: "GET",
    template: "_apis/git/pullRequests",
    scope: "project",
    handler: listProjectPullRequests,
  },
  {
    method: "GET",
    template: "_apis/git/pullRequests/{pullRequestId}",
    scope: "project",
    handler: getProjectPullRequest,
  },
];
