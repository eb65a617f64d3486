// The pipeline file item: /stackspot.yml on the default branch, written when missing, rewritten
// when it is the managed file for other settings or an older format, and replaced only by the
// user's choice when someone else wrote or edited it.
import { shortBranchName } from "../../ado";
import { DEFAULT_BRANCH, PIPELINE_FILE_PATH } from "../contract";
import type { ResolvedOptions } from "../options";
import { renderPipelineFile, sameFileContent } from "../pipelineFile";
import type { PipelineFileState, ProjectState, PullRequestState } from "../read/types";
import { checklistItem, ItemPlan, itemOnly, planStep } from "./checklist";
import { created, fileRewriteChanges } from "./stepChanges";
import type { StepChange, StepSpec } from "./types";

type WriteFileSpec = Extract<StepSpec, { kind: "write-file" }>;

/** A write of the file: the item's detail says what is there now, the step what the set-up does. */
interface FileWrite {
  mode: WriteFileSpec["mode"];
  now: string;
  change: string;
  reason: string;
  changes: StepChange[];
}

export function planPipelineFile(state: ProjectState, o: ResolvedOptions): ItemPlan {
  const content = renderPipelineFile(o);
  const repo = state.repository;
  const branch = repo?.defaultBranch ?? DEFAULT_BRANCH;
  const branchName = shortBranchName(branch);
  const file = state.file;
  if (file && file.classification.kind === "current" && sameFileContent(file.content, content))
    return itemOnly(
      checklistItem("pipelineFile", "ok", `${PIPELINE_FILE_PATH} on ${branchName} is current.`),
    );
  if (state.pullRequest) return waitingForPullRequest(state.pullRequest, branchName);
  const oldObjectId = repo?.headObjectId ?? null;
  const spec = { kind: "write-file", content, branch, oldObjectId } as const;
  if (!file) return planWrite(addition(branchName), spec);
  const write = rewrite(file, o, branchName);
  return write ? planWrite(write, spec) : decideAboutUnmanaged(file);
}

function planWrite(write: FileWrite, spec: Omit<WriteFileSpec, "mode">): ItemPlan {
  const step = planStep({
    id: "write-file",
    serves: ["pipelineFile"],
    change: write.change,
    reason: write.reason,
    changes: write.changes,
    dependsOn: ["create-repository"],
    spec: {
      kind: spec.kind,
      mode: write.mode,
      content: spec.content,
      branch: spec.branch,
      oldObjectId: spec.oldObjectId,
    },
  });
  return {
    item: checklistItem("pipelineFile", "will-change", write.now),
    steps: [step],
    decisions: [],
  };
}

function waitingForPullRequest(pr: PullRequestState, branchName: string): ItemPlan {
  const detail =
    `Branch policies on ${branchName} require a pull request: complete pull request ${pr.id} ` +
    `("${pr.title}") to add ${PIPELINE_FILE_PATH}.`;
  return itemOnly(checklistItem("pipelineFile", "waiting-for-pull-request", detail, pr.url));
}

function addition(branchName: string): FileWrite {
  return {
    mode: "add",
    now: `${PIPELINE_FILE_PATH} is not on ${branchName} yet.`,
    change: `Add ${PIPELINE_FILE_PATH} on ${branchName}`,
    reason: "StackSpot's pipeline runs this file.",
    changes: created(PIPELINE_FILE_PATH, "as generated"),
  };
}

/** The rewrite an existing file needs; undefined when only the user may decide to replace it. */
function rewrite(
  file: PipelineFileState,
  o: ResolvedOptions,
  branchName: string,
): FileWrite | undefined {
  const onBranch = `${PIPELINE_FILE_PATH} on ${branchName}`;
  const c = file.classification;
  if (c.kind === "current")
    return {
      mode: "update",
      now: `${onBranch} is the managed file, written for other settings.`,
      change: `Update ${onBranch} to the chosen agent pool and credentials`,
      reason: "The file was written by this extension and not edited since: it is safe to rewrite.",
      changes: fileRewriteChanges(c.settings, o, "as it is (the managed file, other settings)"),
    };
  if (c.kind === "upgradable")
    return {
      mode: "upgrade",
      now: `${onBranch} is the managed file in an older format (${c.formatVersion}).`,
      change: `Upgrade ${onBranch} from format ${c.formatVersion}`,
      reason:
        "A newer format of the managed file exists; the file was not edited since it was written.",
      changes: fileRewriteChanges(c.settings, o, `as it is (format ${c.formatVersion})`),
    };
  if (o.replaceEditedFile)
    return {
      mode: "replace",
      now: `${onBranch} is not the managed file; you chose to replace it.`,
      change: `Replace ${onBranch}`,
      reason: "The old file stays in the repository's history.",
      changes: fileRewriteChanges(undefined, o, "as it is (not the managed file)"),
    };
  return undefined;
}

/** Someone else wrote or edited the file: it stays unless the user chooses to replace it. */
function decideAboutUnmanaged(file: PipelineFileState): ItemPlan {
  const why = whyUnmanaged(file.classification);
  return {
    item: checklistItem("pipelineFile", "needs-decision", `${why}; it is left as it is.`),
    steps: [],
    decisions: [
      {
        id: "replace-edited-file",
        item: "pipelineFile",
        question: `${why}. Replace it with the managed file?`,
        consequence:
          "The file is overwritten with the managed version " +
          "(the old one stays in the repository's history).",
        option: "replaceEditedFile",
      },
    ],
  };
}

function whyUnmanaged(c: PipelineFileState["classification"]): string {
  if (c.kind === "foreign") {
    const handWritten = c.stackspotLike
      ? " (it looks hand-written, e.g. from StackSpot's manual)"
      : "";
    return `${PIPELINE_FILE_PATH} was not written by this extension${handWritten}`;
  }
  if (c.kind === "newer")
    return `${PIPELINE_FILE_PATH} was written by a newer version of this extension`;
  return `${PIPELINE_FILE_PATH} was edited after the set-up wrote it`;
}
