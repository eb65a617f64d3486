// Planning the pipeline definition: which one is ours, what to create or repair on it (name,
// folder, variables, credential variables), and which pipeline is someone else's business.
import {
  CREDENTIAL_VARIABLES,
  PIPELINE_FILE_PATH,
  PIPELINE_FOLDER,
  PIPELINE_NAME,
  QUEUE_TIME_VARIABLES,
} from "./contract";
import type { ResolvedOptions } from "./options";
import type { DefinitionState, ProjectState, RepositoryState, VariableChange } from "./types";

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

export function judgePipeline(state: ProjectState, options: ResolvedOptions): PipelineVerdict {
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
  state: ProjectState,
  options: ResolvedOptions,
): DefinitionState | undefined {
  const verdict = judgePipeline(state, options);
  const target =
    verdict.kind === "ours"
      ? verdict.definition
      : verdict.kind === "foreign" && verdict.takeOver
        ? verdict.definition
        : undefined;
  if (!target) return undefined;
  const unchanged =
    verdict.kind === "ours" &&
    !verdict.rename &&
    !verdict.moveToRoot &&
    planVariables(target.variables, options).changes.length === 0;
  return unchanged ? undefined : target;
}

export interface VariablePlan {
  changes: VariableChange[];
  /** Credential variables that are missing and for which no value was given. */
  missingCredentials: string[];
}

/**
 * Variables to add or secure on the pipeline. Existing values are kept: a secret's value cannot
 * even
 * be read, and a value someone set on purpose is theirs.
 */
export function planVariables(
  existing: Record<string, { isSecret: boolean; allowOverride: boolean }>,
  options: ResolvedOptions,
): VariablePlan {
  const changes: VariableChange[] = [];
  const missingCredentials: string[] = [];
  const find = (name: string) =>
    Object.entries(existing).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  for (const name of QUEUE_TIME_VARIABLES) {
    const v = find(name);
    if (!v) changes.push({ name, action: "add", isSecret: true, allowOverride: true });
    else if (!v.isSecret || !v.allowOverride)
      changes.push({ name, action: "secure", isSecret: true, allowOverride: true });
  }
  if (options.credentials.kind === "variables") {
    const given = options.credentials.values;
    for (const [credential, name] of Object.entries(CREDENTIAL_VARIABLES) as [
      VariableChange["credential"] & string,
      string,
    ][]) {
      const v = find(name);
      if (v) {
        if (!v.isSecret)
          changes.push({ name, action: "secure", isSecret: true, allowOverride: v.allowOverride });
      } else if (given) {
        changes.push({ name, action: "add", isSecret: true, allowOverride: false, credential });
      } else {
        missingCredentials.push(name);
      }
    }
  }
  return { changes, missingCredentials };
}

export function describeVariableChanges(changes: VariableChange[]): string {
  const added = changes.filter((c) => c.action === "add").map((c) => c.name);
  const secured = changes.filter((c) => c.action === "secure").map((c) => c.name);
  const parts: string[] = [];
  if (added.length)
    parts.push(
      `add ${added.join(", ")} (secret${added.some((n) => (QUEUE_TIME_VARIABLES as readonly string[]).includes(n)) ? ", settable at queue time, empty" : ""})`,
    );
  if (secured.length)
    parts.push(
      `make ${secured.join(", ")} secret${secured.some((n) => (QUEUE_TIME_VARIABLES as readonly string[]).includes(n)) ? " and settable at queue time" : ""} (values kept)`,
    );
  return parts.join("; ");
}
