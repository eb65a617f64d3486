// git pushes: one ref update with one or more commits of add / edit / delete / rename changes,
// checked as the service checks them (stale oldObjectId, branch policies, existing paths).
import type { ApiRequest, ApiResult, Route } from "../router";
import { errors } from "../errors";
import { demand, denials } from "../permissions";
import { apiUrl, identityRef, links, repositoryJson } from "../shapes";
import { collection, readEnum } from "../wire";
import {
  type Author,
  ChangeType,
  type Commit,
  type FileChange,
  type GitRepo,
  ZERO_ID,
} from "../gitStore";
import { repoFrom, repoUrl } from "./git";

interface PushBody {
  refUpdates?: { name?: string; oldObjectId?: string }[];
  commits?: { comment?: string; changes?: ChangeBody[] }[];
}
interface ChangeBody {
  changeType?: string | number;
  item?: { path?: string };
  newContent?: { content?: string; contentType?: string | number };
  sourceServerItem?: string;
}

const ContentType = { rawText: 0, base64Encoded: 1 };

function readChange(c: ChangeBody): FileChange {
  const changeType = readEnum(c.changeType, ChangeType);
  const path = c.item?.path;
  if (changeType === undefined || !path)
    throw errors.badRequest(
      "Each change needs a changeType and an item.path.",
      "InvalidArgumentValueException",
    );
  let content: Buffer | undefined;
  if (c.newContent) {
    const type = readEnum(c.newContent.contentType, ContentType) ?? ContentType.rawText;
    content = Buffer.from(
      c.newContent.content ?? "",
      type === ContentType.base64Encoded ? "base64" : "utf8",
    );
  } else if (changeType === ChangeType.add || changeType === ChangeType.edit) {
    throw errors.badRequest(
      `The change to '${path}' has no newContent.`,
      "InvalidArgumentValueException",
    );
  }
  return { changeType, path, content, sourcePath: c.sourceServerItem };
}

export function commitJson(req: ApiRequest, repo: GitRepo, c: Commit): Record<string, unknown> {
  const who = { name: c.author.name, email: c.author.email, date: c.author.date };
  return {
    treeId: c.treeId,
    commitId: c.commitId,
    author: who,
    committer: who,
    comment: c.comment,
    parents: c.parents,
    url: `${repoUrl(req, repo)}/commits/${c.commitId}`,
  };
}

function createPush(req: ApiRequest): ApiResult {
  const repo = repoFrom(req);
  demand(req, "GenericContribute", denials.contribute(req, repo.id));
  const body = (req.body ?? {}) as PushBody;
  const refUpdates = body.refUpdates ?? [];
  const commits = body.commits ?? [];
  if (refUpdates.length !== 1)
    throw errors.badRequest("A push must update exactly one ref.", "InvalidArgumentValueException");
  if (commits.length === 0)
    throw errors.badRequest(
      "A push must contain at least one commit.",
      "InvalidArgumentValueException",
    );
  const name = refUpdates[0].name ?? "";
  if (!/^refs\/(heads|tags)\/.+/.test(name))
    throw errors.badRequest(
      `The ref name '${name}' is not valid.`,
      "InvalidArgumentValueException",
    );
  const oldObjectId = (refUpdates[0].oldObjectId ?? ZERO_ID).toLowerCase();
  const current = repo.refs.get(name);
  // An existing ref must still be at oldObjectId. A new ref starts from oldObjectId (all zeros: a
  // root commit).
  if (
    current !== undefined
      ? current !== oldObjectId
      : oldObjectId !== ZERO_ID && !repo.commits.has(oldObjectId)
  ) {
    throw errors.refStale(name);
  }
  if (repo.protectedBranches.has(name)) throw errors.refRejectedByPolicy();

  const author: Author = {
    name: req.core.state.user.displayName,
    email: req.core.state.user.uniqueName,
    date: new Date(),
  };
  let parent = oldObjectId === ZERO_ID ? undefined : oldObjectId;
  const created: Commit[] = [];
  for (const c of commits) {
    const commit = repo.createCommit(
      parent,
      (c.changes ?? []).map(readChange),
      c.comment ?? "",
      author,
    );
    created.push(commit);
    parent = commit.commitId;
  }
  const newObjectId = created[created.length - 1].commitId;
  repo.setRef(name, newObjectId);
  const push = {
    pushId: req.core.state.newPushId(),
    date: author.date,
    commitIds: created.map((c) => c.commitId),
    refUpdates: [{ name, oldObjectId: current ?? ZERO_ID, newObjectId }],
  };
  repo.pushes.push(push);
  return { status: 201, body: pushJson(req, repo, push.pushId) };
}

function pushJson(req: ApiRequest, repo: GitRepo, pushId: number): Record<string, unknown> {
  const push = repo.pushes.find((p) => p.pushId === pushId);
  if (!push) throw errors.pushNotFound(pushId);
  const url = `${repoUrl(req, repo)}/pushes/${push.pushId}`;
  return {
    commits: push.commitIds.map((id) => commitJson(req, repo, repo.commits.get(id)!)),
    refUpdates: push.refUpdates.map((u) => ({ repositoryId: repo.id, ...u })),
    repository: repositoryJson(req, repo),
    pushedBy: identityRef(req),
    pushId: push.pushId,
    date: push.date,
    url,
    ...links(req, {
      self: url,
      repository: repoUrl(req, repo),
      pusher: apiUrl(req, `_apis/Identities/${req.core.state.user.id}`),
    }),
  };
}

function getPush(req: ApiRequest): ApiResult {
  const repo = repoFrom(req);
  return { status: 200, body: pushJson(req, repo, Number(req.params.pushId)) };
}

function listPushes(req: ApiRequest): ApiResult {
  const repo = repoFrom(req);
  const top = req.query.int("$top") ?? 100;
  const pushes = [...repo.pushes]
    .reverse()
    .slice(0, top)
    .map((p) => {
      const { commits: _omitted, ...rest } = pushJson(req, repo, p.pushId);
      return rest;
    });
  return { status: 200, body: collection(req.wire, pushes) };
}

export const gitPushRoutes: Route[] = [
  {
    method: "POST",
    template: "_apis/git/repositories/{repositoryId}/pushes",
    scope: "either",
    handler: createPush,
  },
  {
    method: "GET",
    template: "_apis/git/repositories/{repositoryId}/pushes",
    scope: "either",
    handler: listPushes,
  },
  {
    method: "GET",
    template: "_apis/git/repositories/{repositoryId}/pushes/{pushId}",
    scope: "either",
    handler: getPush,
  },
];
