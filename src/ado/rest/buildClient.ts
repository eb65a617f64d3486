// The build definition calls the engine makes, on the package's RestClientBase and types: the
// generated BuildRestClient ships every method of the area (27 KB of the hub's bundle). Routes,
// api-versions and parameters are the generated client's, so the contract checks (tests/contract)
// see the same requests.
import type {
  BuildDefinition,
  BuildDefinitionReference,
  DefinitionQueryOrder,
} from "azure-devops-extension-api/Build/Build";
import type { PagedList } from "azure-devops-extension-api/WebApi/WebApi";
import { RestClientBase } from "../restClientBase";
import { pagedList } from "./pagedList";

const API_VERSION = "7.2-preview.8";
const ROUTE = "{project}/_apis/build/definitions/{definitionId}";

export class BuildClient extends RestClientBase {
  static readonly RESOURCE_AREA_ID = "965220d5-5bb9-42cf-8d67-9b146df2a5a4";

  createDefinition(
    definition: BuildDefinition,
    project?: string,
    definitionToCloneId?: number,
    definitionToCloneRevision?: number,
  ): Promise<BuildDefinition> {
    return this.beginRequest<BuildDefinition>({
      apiVersion: API_VERSION,
      method: "POST",
      routeTemplate: ROUTE,
      routeValues: { project },
      queryParams: { definitionToCloneId, definitionToCloneRevision },
      body: definition,
    });
  }

  getDefinition(
    project: string,
    definitionId: number,
    revision?: number,
    minMetricsTime?: Date,
    propertyFilters?: string[],
    includeLatestBuilds?: boolean,
  ): Promise<BuildDefinition> {
    return this.beginRequest<BuildDefinition>({
      apiVersion: API_VERSION,
      routeTemplate: ROUTE,
      routeValues: { project, definitionId },
      queryParams: {
        revision,
        minMetricsTime,
        propertyFilters: propertyFilters && propertyFilters.join(","),
        includeLatestBuilds,
      },
    });
  }

  // The generated client's parameter list, kept so every call reads as it did.
  getDefinitions(
    project: string,
    name?: string,
    repositoryId?: string,
    repositoryType?: string,
    queryOrder?: DefinitionQueryOrder,
    top?: number,
    continuationToken?: string,
    minMetricsTime?: Date,
    definitionIds?: number[],
    path?: string,
    builtAfter?: Date,
    notBuiltAfter?: Date,
    includeAllProperties?: boolean,
    includeLatestBuilds?: boolean,
    taskIdFilter?: string,
    processType?: number,
    yamlFilename?: string,
  ): Promise<PagedList<BuildDefinitionReference>> {
    return this.beginRequest<Response>({
      apiVersion: API_VERSION,
      routeTemplate: ROUTE,
      routeValues: { project },
      queryParams: {
        name,
        repositoryId,
        repositoryType,
        queryOrder,
        $top: top,
        continuationToken,
        minMetricsTime,
        definitionIds: definitionIds && definitionIds.join(","),
        path,
        builtAfter,
        notBuiltAfter,
        includeAllProperties,
        includeLatestBuilds,
        taskIdFilter,
        processType,
        yamlFilename,
      },
      returnRawResponse: true,
    }).then((response) => pagedList<BuildDefinitionReference>(response));
  }

  updateDefinition(
    definition: BuildDefinition,
    project: string,
    definitionId: number,
    secretsSourceDefinitionId?: number,
    secretsSourceDefinitionRevision?: number,
    cancelPausedBuilds?: boolean,
  ): Promise<BuildDefinition> {
    return this.beginRequest<BuildDefinition>({
      apiVersion: API_VERSION,
      method: "PUT",
      routeTemplate: ROUTE,
      routeValues: { project, definitionId },
      queryParams: {
        secretsSourceDefinitionId,
        secretsSourceDefinitionRevision,
        cancelPausedBuilds,
      },
      body: definition,
    });
  }
}
