// Step: write /stackspot.yml on the default branch with one commit. When branch policies refuse a
// direct push (TF402455), the same commit goes to a topic branch and a pull request is opened,
// once.
import {
  BranchPolicyError,
  FilePush,
  filePush,
  newPullRequest,
  shortBranchName,
} from "../../../ado";
import { pullRequestNeed, refusalOf, verdictNow } from "../../permissions/needs";
import { PIPELINE_FILE_PATH, SETUP_TOPIC_BRANCH } from "../../contract";
import { sameFileContent } from "../../pipelineFile";
import {
  readBranchHead,
  readFile,
  readSetupPullRequest,
  toPullRequestState,
} from "../../read/reads";
import type { StepSpec } from "../../types";
import { writeOnce } from "../writeOnce";
import { required, StepContext, StepOutcome } from "./context";

type WriteFileSpec = Extract<StepSpec, { kind: "write-file" }>;

const COMMIT_MESSAGES: Record<WriteFileSpec["mode"], string> = {
  add: "Add the StackSpot pipeline file",
  update: "Update the StackSpot pipeline file to the chosen settings",
  upgrade: "Upgrade the StackSpot pipeline file to the current format",
  replace: "Replace the StackSpot pipeline file with the managed version",
};

/** A push of the pipeline file (its path is the contract's). */
type PushArgs = Omit<FilePush, "path">;

/**
 * Pushes once; if the push's fate is unknown or it conflicts, the branch is re-read to see whether
 * our content is there.
 */
async function pushOnce(ctx: StepContext, repositoryId: string, a: PushArgs): Promise<string> {
  const { git } = ctx.clients;
  return writeOnce(ctx.clients.retry, {
    write: async () => {
      const body = filePush({ ...a, path: PIPELINE_FILE_PATH });
      const push = await git.createPush(body, repositoryId, ctx.project);
      return push.commits?.[0]?.commitId ?? push.refUpdates?.[0]?.newObjectId ?? "";
    },
    verify: async () => {
      const [file, head] = await Promise.all([
        readFile(ctx.clients, ctx.project, repositoryId, a.branch),
        readBranchHead(ctx.clients, ctx.project, repositoryId, a.branch),
      ]);
      return file && head && sameFileContent(file.content, a.content) ? head : undefined;
    },
  });
}

export async function writePipelineFile(
  ctx: StepContext,
  spec: WriteFileSpec,
): Promise<StepOutcome> {
  const repo = required(ctx.repository, "the repository");
  const args: PushArgs = {
    branch: spec.branch,
    oldObjectId: spec.oldObjectId,
    fileExists: spec.mode !== "add",
    content: spec.content,
    message: COMMIT_MESSAGES[spec.mode],
  };
  try {
    const commit = await pushOnce(ctx, repo.id, args);
    ctx.made.file = { content: spec.content, branch: spec.branch, commitId: commit };
    return {
      detail:
        `${COMMIT_MESSAGES[spec.mode]} on ${shortBranchName(spec.branch)} ` +
        `(commit ${commit.slice(0, 8)}).`,
      link: repo.webUrl,
    };
  } catch (e) {
    if (!(e instanceof BranchPolicyError) || !spec.oldObjectId) throw e;
    const pr = await proposeThroughPullRequest(ctx, repo.id, args, spec.oldObjectId);
    ctx.pullRequest = pr;
    return {
      detail:
        `Branch policies protect ${shortBranchName(spec.branch)}: opened pull request ${pr.id} ` +
        `with ${PIPELINE_FILE_PATH}. Complete it to finish the set-up.`,
      link: pr.url,
    };
  }
}

/**
 * Commits the file on the topic branch (created from the target's head when missing) and opens one
 * pull request.
 */
async function proposeThroughPullRequest(
  ctx: StepContext,
  repositoryId: string,
  target: PushArgs,
  targetHead: string,
) {
  const { git } = ctx.clients;
  const pullRequest = pullRequestNeed(ctx.plan.state, repositoryId);
  const [existingPr, topicHead, topicFile, mayOpen] = await Promise.all([
    readSetupPullRequest(ctx.clients, ctx.project, repoRef(ctx, repositoryId), target.branch),
    readBranchHead(ctx.clients, ctx.project, repositoryId, SETUP_TOPIC_BRANCH),
    readFile(ctx.clients, ctx.project, repositoryId, SETUP_TOPIC_BRANCH),
    verdictNow(ctx.clients, pullRequest, ctx.plan.state),
  ]);
  // No topic branch for a pull request that could not be opened: stop before writing anything.
  if (!existingPr && mayOpen === "denied") throw refusalOf(pullRequest, ctx.plan.state);
  if (!topicFile || !sameFileContent(topicFile.content, target.content)) {
    // A new topic branch starts from the target's head: the push names that commit as its base.
    await pushOnce(ctx, repositoryId, {
      ...target,
      branch: SETUP_TOPIC_BRANCH,
      oldObjectId: topicHead ?? targetHead,
      fileExists: topicHead ? topicFile !== null : target.fileExists,
    });
  }
  if (existingPr) return existingPr;
  const created = await writeOnce(ctx.clients.retry, {
    write: () =>
      git
        .createPullRequest(
          newPullRequest({
            sourceRefName: SETUP_TOPIC_BRANCH,
            targetRefName: target.branch,
            title: "Set up the StackSpot pipeline file",
            description:
              `Adds ${PIPELINE_FILE_PATH}, the pipeline StackSpot queues to run its workflows. ` +
              "Opened by the StackSpot set-up because branch policies do not allow direct pushes.",
          }),
          repositoryId,
          ctx.project,
        )
        .then((pr) => toPullRequestState(ctx.clients.orgUrl, pr, ctx.repository?.webUrl)),
    verify: async () =>
      (await readSetupPullRequest(
        ctx.clients,
        ctx.project,
        repoRef(ctx, repositoryId),
        target.branch,
      )) ?? undefined,
  });
  return created;
}

/** The repository the pull request is in, with its web URL when the step context knows it. */
function repoRef(ctx: StepContext, repositoryId: string): { id: string; webUrl?: string } {
  const known = ctx.repository?.id === repositoryId ? ctx.repository.webUrl : undefined;
  return { id: repositoryId, webUrl: known };
}
