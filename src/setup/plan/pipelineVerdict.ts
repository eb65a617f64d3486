// Which pipeline definition is ours (this repository's /stackspot.yml), which is someone else's
// business, and what is wrong with ours (name, folder). The read stage asks it too: the pipeline
// the set-up will update is checked for permissions in the second wave of reads.
import { PIPELINE_FILE_PATH, PIPELINE_FOLDER, PIPELINE_NAME } from "../contract";
import type { ResolvedOptions } from "../options";
import type { DefinitionState, ProjectState, RepositoryState } from "../read/types";
import { planVariables } from "./variableChanges";

/** The definitions the verdict is drawn from. */
export type PipelineCandidates = Pick<
  ProjectState,
  "repository" | "pipelinesNamedStackspot" | "pipelinesOnFile"
>;

export type PipelineVerdict =
  /** No pipeline of ours: create one. */
  | { kind: "create" }
  /** Ours (this repository, /stackspot.yml); maybe with a wrong name or folder. */
  | { kind: "ours"; definition: DefinitionState; rename: boolean; moveToRoot: boolean }
  /** The root "stackspot" runs something else; taken over only by the user's choice. */
  | { kind: "foreign"; definition: DefinitionState; takeOver: boolean };

function normalizePath(p: string | undefined): string {
  return (p ?? "").replace(/\\/g, "/").replace(/^\/?/, "/").toLowerCase();
}

export function isRootFolder(path: string): boolean {
  return path === PIPELINE_FOLDER || path === "" || path === "/";
}

/**
 * A pipeline folder in words: \ is "the root folder", \a\b is the folder "a\b" (people never see
 * the leading backslash).
 */
export function describeFolder(path: string): string {
  return isRootFolder(path) ? "the root folder" : `the folder "${path.replace(/^[\\/]+/, "")}"`;
}

/** Does the definition run this repository's /stackspot.yml? */
export function runsOurFile(d: DefinitionState, repository: RepositoryState | null): boolean {
  return (
    !!repository &&
    !!d.repositoryId &&
    d.repositoryId.toLowerCase() === repository.id.toLowerCase() &&
    normalizePath(d.yamlFilename) === PIPELINE_FILE_PATH
  );
}

export function judgePipeline(
  state: PipelineCandidates,
  options: ResolvedOptions,
): PipelineVerdict {
  const named = state.pipelinesNamedStackspot.filter((d) => d.name.toLowerCase() === PIPELINE_NAME);
  const root = named.find((d) => isRootFolder(d.path));
  if (root) {
    if (runsOurFile(root, state.repository))
      return {
        kind: "ours",
        definition: root,
        rename: root.name !== PIPELINE_NAME,
        moveToRoot: false,
      };
    return { kind: "foreign", definition: root, takeOver: options.takeOverPipeline };
  }
  const elsewhere = named.find((d) => runsOurFile(d, state.repository));
  if (elsewhere)
    return {
      kind: "ours",
      definition: elsewhere,
      rename: elsewhere.name !== PIPELINE_NAME,
      moveToRoot: true,
    };
  const onFile = [...state.pipelinesOnFile]
    .sort((a, b) => a.id - b.id)
    .find((d) => runsOurFile(d, state.repository));
  if (onFile)
    return {
      kind: "ours",
      definition: onFile,
      rename: true,
      moveToRoot: !isRootFolder(onFile.path),
    };
  return { kind: "create" };
}

/**
 * The pipeline the set-up will update (rename, move, re-point, variables), if any: known from the
 * first wave of reads.
 */
export function definitionToUpdate(
  state: PipelineCandidates,
  options: ResolvedOptions,
): DefinitionState | undefined {
  const verdict = judgePipeline(state, options);
  const target = keptDefinition(verdict);
  if (!target) return undefined;
  const unchanged =
    verdict.kind === "ours" &&
    !verdict.rename &&
    !verdict.moveToRoot &&
    planVariables(target.variables, options).changes.length === 0;
  return unchanged ? undefined : target;
}

/** The existing pipeline the set-up keeps and repairs: ours, or someone else's taken over. */
export function keptDefinition(verdict: PipelineVerdict): DefinitionState | undefined {
  if (verdict.kind === "ours") return verdict.definition;
  if (verdict.kind === "foreign" && verdict.takeOver) return verdict.definition;
  return undefined;
}
