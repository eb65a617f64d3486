// Build definitions as the engine reads and writes them: looked up by name or by YAML file (never
// by listing them all), with full properties; YAML processes; the enums the service answers as
// numbers sent back as the documented strings.
import type { BuildClient } from "./rest/buildClient";
import type {
  BuildDefinition,
  BuildRepository,
  DefinitionQueueStatus,
  DefinitionType,
  YamlProcess,
} from "azure-devops-extension-api/Build/Build";
import { enumName } from "./wire";

/** The Build API's process type for a pipeline defined by a YAML file. */
export const YAML_PROCESS_TYPE = 2;

export interface DefinitionQuery {
  /** The definition's name (the service compares it without regard to case). */
  name?: string;
  /** Only YAML definitions running this file (in any repository). */
  yamlFilename?: string;
}

/**
 * Definitions matching the query, with every property (variables, repository, process): asking
 * for them makes the list return full definitions instead of references.
 */
export async function listDefinitions(
  build: BuildClient,
  project: string,
  query: DefinitionQuery,
): Promise<BuildDefinition[]> {
  const yaml = query.yamlFilename;
  const list = await build.getDefinitions(
    project,
    query.name,
    undefined, // repositoryId
    undefined, // repositoryType
    undefined, // queryOrder
    undefined, // top
    undefined, // continuationToken
    undefined, // minMetricsTime
    undefined, // definitionIds
    undefined, // path
    undefined, // builtAfter
    undefined, // notBuiltAfter
    true, // includeAllProperties
    undefined, // includeLatestBuilds
    undefined, // taskIdFilter
    yaml === undefined ? undefined : YAML_PROCESS_TYPE,
    yaml,
  );
  // includeAllProperties: each reference in the list is a full definition.
  return list.map((d) => d as BuildDefinition);
}

export function listDefinitionsByName(
  build: BuildClient,
  project: string,
  name: string,
): Promise<BuildDefinition[]> {
  return listDefinitions(build, project, { name });
}

export function listDefinitionsByYamlFile(
  build: BuildClient,
  project: string,
  yamlFilename: string,
): Promise<BuildDefinition[]> {
  return listDefinitions(build, project, { yamlFilename });
}

/** The process of a definition that runs a YAML file. */
export function yamlProcess(yamlFilename: string): BuildDefinition["process"] {
  const process: Pick<YamlProcess, "type" | "yamlFilename"> = {
    type: YAML_PROCESS_TYPE,
    yamlFilename,
  };
  return process;
}

/** The repository of a definition that runs a file of an Azure Repos Git repository. */
export function azureReposGit(
  repository: Pick<BuildRepository, "id" | "name" | "defaultBranch">,
  base: Partial<BuildRepository> = {},
): BuildRepository {
  return { ...base, ...repository, type: "TfsGit" } as BuildRepository;
}

/** What a new YAML definition needs; the service fills in the rest. */
export interface NewYamlDefinition {
  name: string;
  path: string;
  yamlFilename: string;
  repository: Pick<BuildRepository, "id" | "name" | "defaultBranch">;
  queueId: number;
  variables: BuildDefinition["variables"];
}

export function newYamlDefinition(d: NewYamlDefinition): BuildDefinition {
  const body: Partial<BuildDefinition> = {
    name: d.name,
    path: d.path,
    type: enumName<DefinitionType>("build"),
    process: yamlProcess(d.yamlFilename),
    repository: azureReposGit(d.repository),
    queue: { id: d.queueId } as BuildDefinition["queue"],
    variables: d.variables,
  };
  return body as BuildDefinition;
}

/** The service answers enums as numbers when asked to; send them back as the documented strings. */
export function withDocumentedEnums(d: BuildDefinition): BuildDefinition {
  const copy: BuildDefinition = { ...d };
  const type: unknown = d.type;
  const queueStatus: unknown = d.queueStatus;
  if (typeof type === "number") copy.type = enumName<DefinitionType>(type === 1 ? "xaml" : "build");
  if (typeof queueStatus === "number")
    copy.queueStatus = enumName<DefinitionQueueStatus>(
      ["enabled", "paused", "disabled"][queueStatus] ?? "enabled",
    );
  return copy;
}
