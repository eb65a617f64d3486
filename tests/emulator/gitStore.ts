// An in-memory Git repository: commits with full file snapshots (copy on write), refs, pushes and
// pull requests. Object ids are real Git-style SHA-1s, so they change with every commit.
import { createHash } from "node:crypto";
import { errors } from "./errors";

export const ZERO_ID = "0000000000000000000000000000000000000000";

export const ChangeType = { add: 1, edit: 2, rename: 8, delete: 16 } as const;

export interface Blob {
  objectId: string;
  content: Buffer;
}
export interface Author {
  name: string;
  email: string;
  date: Date;
}
export interface Commit {
  commitId: string;
  treeId: string;
  parents: string[];
  files: Map<string, Blob>;
  comment: string;
  author: Author;
  changes: { changeType: number; path: string }[];
}
export interface FileChange {
  changeType: number;
  path: string;
  content?: Buffer;
  sourcePath?: string;
}
export interface PushRecord {
  pushId: number;
  date: Date;
  commitIds: string[];
  refUpdates: { name: string; oldObjectId: string; newObjectId: string }[];
}
export interface PullRequest {
  pullRequestId: number;
  repositoryId: string;
  sourceRefName: string;
  targetRefName: string;
  title: string;
  description: string;
  status: "active" | "completed" | "abandoned";
  isDraft: boolean;
  creationDate: Date;
  sourceCommitId: string;
  targetCommitId: string;
  /** Set when completed. */
  closedDate?: Date;
  mergeCommitId?: string;
}

let commitCounter = 0;

const sha1 = (data: string | Buffer) => createHash("sha1").update(data).digest("hex");

/** The Git blob id of a content (same as `git hash-object`). */
export function blobId(content: Buffer): string {
  return sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
}

/** "/a/b.yml" from "a/b.yml", "\\a\\b.yml" or "/a/b.yml/". */
export function normalizePath(path: string): string {
  const p = ("/" + path.replace(/\\/g, "/")).replace(/\/+/g, "/");
  return p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
}

/** "refs/heads/main" from "main" or "refs/heads/main". */
export function fullRef(branch: string): string {
  return branch.startsWith("refs/") ? branch : `refs/heads/${branch}`;
}

export class GitRepo {
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, Commit>();
  readonly pushes: PushRecord[] = [];
  readonly pullRequests = new Map<number, PullRequest>();
  readonly protectedBranches = new Set<string>();
  readonly createdDate = new Date();
  /** Full ref name; undefined while the repository is empty. */
  defaultBranch?: string;

  constructor(
    readonly id: string,
    public name: string,
    readonly projectId: string,
  ) {}

  headOf(ref: string): Commit | undefined {
    const id = this.refs.get(fullRef(ref));
    return id ? this.commits.get(id) : undefined;
  }

  /**
   * Creates a commit on top of `parentId` (none: a root commit); checks each change as the service
   * does.
   */
  createCommit(
    parentId: string | undefined,
    changes: FileChange[],
    comment: string,
    author: Author,
  ): Commit {
    const parent = parentId ? this.commits.get(parentId) : undefined;
    const files = new Map(parent?.files ?? []);
    for (const change of changes) {
      const path = normalizePath(change.path);
      switch (change.changeType) {
        case ChangeType.add:
          if (files.has(path)) throw errors.pathExists(path);
          files.set(path, blob(change.content));
          break;
        case ChangeType.edit:
          if (!files.has(path)) throw errors.pathMissing(path, "edit");
          files.set(path, blob(change.content));
          break;
        case ChangeType.delete:
          if (!files.has(path)) throw errors.pathMissing(path, "delete");
          files.delete(path);
          break;
        case ChangeType.rename: {
          const source = normalizePath(change.sourcePath ?? "");
          const existing = files.get(source);
          if (!existing) throw errors.pathMissing(source, "rename");
          if (files.has(path)) throw errors.pathExists(path);
          files.delete(source);
          files.set(path, existing);
          break;
        }
        default:
          throw errors.badRequest(
            `The change type '${change.changeType}' is not supported by this emulator.`,
          );
      }
    }
    const treeId = sha1(
      [...files.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([p, b]) => `${p}:${b.objectId}`)
        .join("\n"),
    );
    const commitId = sha1(
      `tree ${treeId}\nparents ${parentId ?? ""}\n${author.date.getTime()}\n${++commitCounter}\n${comment}`,
    );
    const commit: Commit = {
      commitId,
      treeId,
      parents: parentId ? [parentId] : [],
      files,
      comment,
      author,
      changes: changes.map((c) => ({ changeType: c.changeType, path: normalizePath(c.path) })),
    };
    this.commits.set(commitId, commit);
    return commit;
  }

  /**
   * A root commit with the same files as `template` (bulk seeding: no re-hashing of identical
   * content).
   */
  addRootCommitLike(template: Commit, author: Author): Commit {
    const commitId = sha1(
      `tree ${template.treeId}\n${this.id}\n${author.date.getTime()}\n${++commitCounter}\n${template.comment}`,
    );
    const commit: Commit = { ...template, commitId, parents: [], author };
    this.commits.set(commitId, commit);
    return commit;
  }

  /**
   * Moves a branch, creating it when needed; the first branch of an empty repository becomes its
   * default.
   */
  setRef(ref: string, commitId: string): void {
    const name = fullRef(ref);
    this.refs.set(name, commitId);
    if (!this.defaultBranch && name.startsWith("refs/heads/")) this.defaultBranch = name;
  }

  /**
   * Commits reachable from a commit, newest first (first-parent walk is enough here: no merges).
   */
  history(commitId: string | undefined): Commit[] {
    const out: Commit[] = [];
    let c = commitId ? this.commits.get(commitId) : undefined;
    while (c) {
      out.push(c);
      c = c.parents[0] ? this.commits.get(c.parents[0]) : undefined;
    }
    return out;
  }
}

function blob(content: Buffer | undefined): Blob {
  const data = content ?? Buffer.alloc(0);
  return { objectId: blobId(data), content: data };
}

/** Paths directly or indirectly under a folder ("/" is the root). */
export function filesUnder(files: Map<string, Blob>, folder: string): string[] {
  const prefix = folder === "/" ? "/" : folder + "/";
  const out: string[] = [];
  for (const p of files.keys()) if (p.startsWith(prefix)) out.push(p);
  return out.sort();
}

/** A stable id for a folder's content (the emulator keeps no tree objects below the root). */
export function folderId(files: Map<string, Blob>, folder: string): string {
  return sha1(
    filesUnder(files, folder)
      .map((p) => `${p}:${files.get(p)!.objectId}`)
      .join("\n"),
  );
}
