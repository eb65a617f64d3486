// The project calls the engine and the command line make, on the package's RestClientBase and
// types, with the generated CoreRestClient's routes, api-versions and parameters.
import type { TeamProject, TeamProjectReference } from "azure-devops-extension-api/Core/Core";
import type { PagedList } from "azure-devops-extension-api/WebApi/WebApi";
import { RestClientBase } from "../restClientBase";
import { pagedList } from "./pagedList";

const API_VERSION = "7.2-preview.4";

export class CoreClient extends RestClientBase {
  static readonly RESOURCE_AREA_ID = "79134c72-4a58-4b42-976c-04e7115f32bf";

  getProject(
    projectId: string,
    includeCapabilities?: boolean,
    includeHistory?: boolean,
  ): Promise<TeamProject> {
    return this.beginRequest<TeamProject>({
      apiVersion: API_VERSION,
      routeTemplate: "_apis/projects/{*projectId}",
      routeValues: { projectId },
      queryParams: { includeCapabilities, includeHistory },
    });
  }

  getProjects(
    stateFilter?: string,
    top?: number,
    skip?: number,
    continuationToken?: number,
    getDefaultTeamImageUrl?: boolean,
  ): Promise<PagedList<TeamProjectReference>> {
    return this.beginRequest<Response>({
      apiVersion: API_VERSION,
      routeTemplate: "_apis/projects/{*projectId}",
      queryParams: {
        stateFilter,
        $top: top,
        $skip: skip,
        continuationToken,
        getDefaultTeamImageUrl,
      },
      returnRawResponse: true,
    }).then((response) => pagedList<TeamProjectReference>(response));
  }
}
