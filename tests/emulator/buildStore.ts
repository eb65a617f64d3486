// Build definitions and runs: the rules shared by the REST routes and the seeding API
// (unique names per folder, revisions, secrets kept across updates, queue-time variables).
import type { State, StoredDefinition, Project, StoredRun } from "./state";
import { normalizeFolder, folderKey } from "./state";
import type { RunRecord, VariableRecord } from "./types";
import { errors } from "./errors";

export interface DefinitionInput {
  name: string;
  path?: string;
  repositoryId: string;
  yamlFilename: string;
  queueId?: number;
  variables?: Record<string, VariableRecord>;
  defaultBranch?: string;
  extra?: Record<string, unknown>;
}

export function createDefinition(
  state: State,
  project: Project,
  input: DefinitionInput,
): StoredDefinition {
  const path = normalizeFolder(input.path);
  if (project.definitionsByFolderName.has(folderKey(path, input.name)))
    throw errors.definitionExists(input.name, project.name);
  const def: StoredDefinition = {
    id: state.newDefinitionId(),
    name: input.name,
    path,
    revision: 1,
    repositoryId: input.repositoryId,
    yamlFilename: input.yamlFilename,
    queueId: input.queueId,
    variables: cleanVariables(input.variables ?? {}, {}),
    projectId: project.id,
    createdDate: new Date(),
    defaultBranch: input.defaultBranch,
    extra: input.extra ?? {},
  };
  project.indexDefinition(def);
  return def;
}

/**
 * Applies a full update; the caller has checked the revision. Secrets sent without a value keep
 * theirs.
 */
export function updateDefinition(
  project: Project,
  def: StoredDefinition,
  input: DefinitionInput,
): StoredDefinition {
  const path = normalizeFolder(input.path);
  const clash = project.definitionsByFolderName.get(folderKey(path, input.name));
  if (clash && clash !== def) throw errors.definitionExists(input.name, project.name);
  project.unindexDefinition(def);
  def.name = input.name;
  def.path = path;
  def.repositoryId = input.repositoryId;
  def.yamlFilename = input.yamlFilename;
  def.queueId = input.queueId;
  def.variables = cleanVariables(input.variables ?? {}, def.variables);
  def.defaultBranch = input.defaultBranch;
  def.extra = input.extra ?? {};
  def.revision += 1;
  project.indexDefinition(def);
  return def;
}

function cleanVariables(
  incoming: Record<string, VariableRecord>,
  previous: Record<string, VariableRecord>,
): Record<string, VariableRecord> {
  const out: Record<string, VariableRecord> = {};
  for (const [name, v] of Object.entries(incoming)) {
    const value = v?.value ?? (v?.isSecret ? previous[name]?.value : undefined) ?? "";
    out[name] = {
      value: String(value),
      ...(v?.isSecret ? { isSecret: true } : {}),
      ...(v?.allowOverride ? { allowOverride: true } : {}),
    };
  }
  return out;
}

/**
 * Records a run the way the service queues one: only variables marked settable at queue time may be
 * passed (the organization setting "Limit variables that can be set at queue time" is on).
 */
export function queueRun(
  state: State,
  project: Project,
  def: StoredDefinition,
  request: {
    templateParameters?: Record<string, string>;
    variables?: Record<string, { value?: string; isSecret?: boolean }>;
    refName: string;
    version?: string;
  },
): StoredRun {
  const variables = request.variables ?? {};
  const refused = Object.keys(variables).filter((name) => !findVariable(def, name)?.allowOverride);
  if (refused.length > 0) throw errors.variablesNotSettable(refused);
  return addRun(
    state,
    project,
    def.id,
    {
      templateParameters: request.templateParameters ?? {},
      variables,
      state: "inProgress",
    },
    request.refName,
    request.version,
  );
}

/** Variable names are case-insensitive in pipelines. */
function findVariable(def: StoredDefinition, name: string): VariableRecord | undefined {
  const key = Object.keys(def.variables).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : def.variables[key];
}

export function addRun(
  state: State,
  project: Project,
  pipelineId: number,
  run: Partial<RunRecord>,
  refName: string,
  version?: string,
): StoredRun {
  const id = run.id ?? state.newRunId();
  const created = run.createdDate ?? new Date().toISOString();
  const list = project.runs.get(pipelineId) ?? [];
  const stored: StoredRun = {
    id,
    pipelineId,
    state: run.state ?? "completed",
    result: run.result ?? (run.state && run.state !== "completed" ? undefined : "succeeded"),
    templateParameters: { ...(run.templateParameters ?? {}) },
    variables: { ...(run.variables ?? {}) },
    createdDate: created,
    finishedDate: run.finishedDate,
    name: `${created.slice(0, 10).replace(/-/g, "")}.${list.length + 1}`,
    refName,
    version,
  };
  list.push(stored);
  project.runs.set(pipelineId, list);
  return stored;
}
