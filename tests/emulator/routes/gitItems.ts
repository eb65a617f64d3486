// git items: one item (metadata and/or content, as JSON, raw text or bytes) or a folder's items, at
// a version (branch, tag or commit; the default branch when none is given).
import type { ApiRequest, ApiResult, Route } from "../router";
import { errors } from "../errors";
import { collection, enumValue, readEnum } from "../wire";
import { type Commit, filesUnder, folderId, type GitRepo, normalizePath } from "../gitStore";
import { repoFrom, repoUrl } from "./git";

const VersionType = { branch: 0, tag: 1, commit: 2 };
const Recursion = { none: 0, oneLevel: 1, oneLevelPlusNestedEmptyFolders: 4, full: 120 };

interface Resolved {
  commit: Commit;
  label: string;
}

/** Resolves versionDescriptor.* the way the service does; 404 TF401175 when it names nothing. */
function resolveVersion(req: ApiRequest, repo: GitRepo): Resolved {
  const version = req.query.get("versionDescriptor.version") ?? req.query.get("version");
  const typeRaw = req.query.get("versionDescriptor.versionType") ?? req.query.get("versionType");
  const type = readEnum(typeRaw, VersionType) ?? VersionType.branch;
  if (!version) {
    const label = "<Branch: (default) >";
    const commit = repo.defaultBranch ? repo.headOf(repo.defaultBranch) : undefined;
    if (!commit)
      throw errors.itemNotFound(
        normalizePath(req.query.get("path") ?? req.query.get("scopePath") ?? "/"),
        repo.name,
        label,
        "",
      );
    return { commit, label };
  }
  if (type === VersionType.commit) {
    const commit = repo.commits.get(version.toLowerCase());
    if (!commit) throw errors.unresolvableVersion(`<Commit: ${version} >`);
    return { commit, label: `<Commit: ${version} >` };
  }
  const ref =
    type === VersionType.tag
      ? `refs/tags/${version.replace(/^refs\/tags\//, "")}`
      : `refs/heads/${version.replace(/^refs\/heads\//, "")}`;
  const label = type === VersionType.tag ? `<Tag: ${version} >` : `<Branch: ${version} >`;
  const commit = repo.headOf(ref);
  if (!commit) throw errors.unresolvableVersion(label);
  return { commit, label };
}

function itemUrl(req: ApiRequest, repo: GitRepo, path: string, commitId: string): string {
  return `${repoUrl(req, repo)}/items?path=${encodeURIComponent(path)}&versionType=Commit&version=${commitId}`;
}

function isFolder(commit: Commit, path: string): boolean {
  return path === "/" || filesUnder(commit.files, path).length > 0;
}

function fileItem(
  req: ApiRequest,
  repo: GitRepo,
  commit: Commit,
  path: string,
  withContent: boolean,
  withMetadata: boolean,
): Record<string, unknown> {
  const blob = commit.files.get(path)!;
  return {
    objectId: blob.objectId,
    gitObjectType: enumValue(req.wire, "blob", 3),
    commitId: commit.commitId,
    path,
    ...(withMetadata
      ? {
          contentMetadata: {
            encoding: 65001,
            contentType: "text/plain",
            fileName: path.split("/").pop(),
            extension: path.split(".").pop() ?? "",
          },
        }
      : {}),
    ...(withContent ? { content: blob.content.toString("utf8") } : {}),
    url: itemUrl(req, repo, path, commit.commitId),
  };
}

function folderItem(
  req: ApiRequest,
  repo: GitRepo,
  commit: Commit,
  path: string,
): Record<string, unknown> {
  return {
    objectId: path === "/" ? commit.treeId : folderId(commit.files, path),
    gitObjectType: enumValue(req.wire, "tree", 2),
    commitId: commit.commitId,
    path,
    isFolder: true,
    url: itemUrl(req, repo, path, commit.commitId),
  };
}

/** What the client wants back: $format wins over the Accept header's media type. */
function responseKind(req: ApiRequest): "json" | "text" | "octet" | "zip" {
  const format = (req.query.get("$format") ?? "").toLowerCase();
  if (format === "json") return "json";
  if (format === "text") return "text";
  if (format === "octetstream") return "octet";
  if (format === "zip") return "zip";
  if (req.mediaType === "text/plain") return "text";
  if (req.mediaType === "application/octet-stream") return "octet";
  if (req.mediaType === "application/zip") return "zip";
  return "json";
}

function getItems(req: ApiRequest): ApiResult {
  const repo = repoFrom(req);
  const rawPath = req.query.get("path") ?? (req.params.path || undefined);
  const kind = responseKind(req);
  if (kind === "zip") throw errors.badRequest("The emulator does not produce zip downloads.");
  if (rawPath === undefined) return listItems(req, repo);
  const path = normalizePath(rawPath);
  const { commit, label } = resolveVersion(req, repo);
  const blob = commit.files.get(path);
  if (!blob) {
    if (!isFolder(commit, path)) throw errors.itemNotFound(path, repo.name, label, commit.commitId);
    if (kind !== "json")
      throw errors.badRequest(`The item '${path}' is a folder; only its metadata can be returned.`);
    return { status: 200, body: folderItem(req, repo, commit, path) };
  }
  if (kind === "text")
    return { status: 200, raw: blob.content, contentType: "text/plain; charset=utf-8" };
  if (kind === "octet")
    return { status: 200, raw: blob.content, contentType: "application/octet-stream" };
  return {
    status: 200,
    body: fileItem(
      req,
      repo,
      commit,
      path,
      req.query.bool("includeContent"),
      req.query.bool("includeContentMetadata"),
    ),
  };
}

/** Items_List: the scope path itself, then (by recursion level) what is under it. */
function listItems(req: ApiRequest, repo: GitRepo): ApiResult {
  const scope = normalizePath(req.query.get("scopePath") ?? "/");
  const { commit, label } = resolveVersion(req, repo);
  const recursion = readEnum(req.query.get("recursionLevel"), Recursion) ?? Recursion.none;
  const withMetadata = req.query.bool("includeContentMetadata");
  if (commit.files.has(scope))
    return {
      status: 200,
      body: collection(req.wire, [fileItem(req, repo, commit, scope, false, withMetadata)]),
    };
  if (!isFolder(commit, scope)) throw errors.itemNotFound(scope, repo.name, label, commit.commitId);
  const items: Record<string, unknown>[] = [folderItem(req, repo, commit, scope)];
  if (recursion !== Recursion.none) {
    const prefix = scope === "/" ? "/" : scope + "/";
    const full = recursion === Recursion.full;
    const folders = new Set<string>();
    const files: string[] = [];
    for (const file of filesUnder(commit.files, scope)) {
      const rest = file.slice(prefix.length).split("/");
      if (rest.length === 1 || full) files.push(file);
      const folderDepth = full ? rest.length - 1 : Math.min(1, rest.length - 1);
      for (let i = 1; i <= folderDepth; i++) folders.add(prefix + rest.slice(0, i).join("/"));
    }
    for (const folder of [...folders].sort()) items.push(folderItem(req, repo, commit, folder));
    for (const file of files) items.push(fileItem(req, repo, commit, file, false, withMetadata));
  }
  return { status: 200, body: collection(req.wire, items) };
}

export const gitItemRoutes: Route[] = [
  {
    method: "GET",
    template: "_apis/git/repositories/{repositoryId}/items",
    scope: "either",
    handler: getItems,
  },
  {
    method: "GET",
    template: "_apis/git/repositories/{repositoryId}/items/{*path}",
    scope: "either",
    handler: getItems,
  },
];
