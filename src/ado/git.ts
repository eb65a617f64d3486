// Git as the engine writes it: branch names, a branch as a version to read at, the pull requests
// from one branch to another, and a push of one file in one commit.
import type {
  GitPullRequest,
  GitPullRequestSearchCriteria,
  GitPush,
  GitVersionDescriptor,
  ItemContentType,
  PullRequestStatus,
  VersionControlChangeType,
} from "azure-devops-extension-api/Git/Git";
import { enumName } from "./wire";

/** The object id a ref update names for a branch that does not exist yet. */
export const NO_COMMIT = "0000000000000000000000000000000000000000";

const HEADS = "refs/heads/";

/** A branch's name as people read it: "main" for refs/heads/main. */
export function shortBranchName(ref: string): string {
  return ref.startsWith(HEADS) ? ref.slice(HEADS.length) : ref;
}

/** Read at the tip of a branch (a full ref or a short name). */
export function branchVersion(branch: string): GitVersionDescriptor {
  const version: Partial<GitVersionDescriptor> = {
    version: shortBranchName(branch),
    versionType: enumName("branch"),
  };
  return version as GitVersionDescriptor;
}

/** The active pull requests from one branch to another (full ref names). */
export function activePullRequests(
  sourceRefName: string,
  targetRefName: string,
): GitPullRequestSearchCriteria {
  const criteria: Partial<GitPullRequestSearchCriteria> = {
    sourceRefName,
    targetRefName,
    status: enumName<PullRequestStatus>("active"),
  };
  return criteria as GitPullRequestSearchCriteria;
}

/** A new pull request: the fields the service needs to open one. */
export function newPullRequest(
  pr: Pick<GitPullRequest, "sourceRefName" | "targetRefName" | "title" | "description">,
): GitPullRequest {
  return { ...pr } as GitPullRequest;
}

export interface FilePush {
  /** Full ref name of the branch the push moves. */
  branch: string;
  /** The commit the push builds on; null for a new branch in an empty repository. */
  oldObjectId: string | null;
  path: string;
  content: string;
  /** Does the file exist on the commit the push builds on? */
  fileExists: boolean;
  message: string;
}

/** One commit that adds or rewrites one text file, moving the branch from `oldObjectId`. */
export function filePush(p: FilePush): GitPush {
  const push = {
    refUpdates: [{ name: p.branch, oldObjectId: p.oldObjectId ?? NO_COMMIT }],
    commits: [
      {
        comment: p.message,
        changes: [
          {
            changeType: enumName<VersionControlChangeType>(p.fileExists ? "edit" : "add"),
            item: { path: p.path },
            newContent: { content: p.content, contentType: enumName<ItemContentType>("rawtext") },
          },
        ],
      },
    ],
  };
  return push as GitPush;
}
