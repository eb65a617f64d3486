// The service connection calls the engine makes, on the package's RestClientBase and types, with
// the generated ServiceEndpointRestClient's routes, api-versions and parameters.
import type {
  ServiceEndpoint,
  ServiceEndpointActionFilter,
  ServiceEndpointType,
} from "azure-devops-extension-api/ServiceEndpoint/ServiceEndpoint";
import { RestClientBase } from "../restClientBase";

const API_VERSION = "7.2-preview.4";
const ROUTE = "{project}/_apis/serviceendpoint/endpoints/{endpointId}";

export class ServiceEndpointClient extends RestClientBase {
  static readonly RESOURCE_AREA_ID = "1814ab31-2f4f-4a9f-8761-f4d77dc5a5d7";

  createServiceEndpoint(endpoint: ServiceEndpoint): Promise<ServiceEndpoint> {
    return this.beginRequest<ServiceEndpoint>({
      apiVersion: API_VERSION,
      method: "POST",
      routeTemplate: "_apis/serviceendpoint/endpoints/{endpointId}",
      body: endpoint,
    });
  }

  getServiceEndpoints(
    project: string,
    type?: string,
    authSchemes?: string[],
    endpointIds?: string[],
    owner?: string,
    includeFailed?: boolean,
    includeDetails?: boolean,
    actionFilter?: ServiceEndpointActionFilter,
  ): Promise<ServiceEndpoint[]> {
    return this.beginRequest<ServiceEndpoint[]>({
      apiVersion: API_VERSION,
      routeTemplate: ROUTE,
      routeValues: { project },
      queryParams: {
        type,
        authSchemes: authSchemes && authSchemes.join(","),
        endpointIds: endpointIds && endpointIds.join(","),
        owner,
        includeFailed,
        includeDetails,
        actionFilter,
      },
    });
  }

  getServiceEndpointsByNames(
    project: string,
    endpointNames: string[],
    type?: string,
    authSchemes?: string[],
    owner?: string,
    includeFailed?: boolean,
    includeDetails?: boolean,
  ): Promise<ServiceEndpoint[]> {
    return this.beginRequest<ServiceEndpoint[]>({
      apiVersion: API_VERSION,
      routeTemplate: ROUTE,
      routeValues: { project },
      queryParams: {
        endpointNames: endpointNames && endpointNames.join(","),
        type,
        authSchemes: authSchemes && authSchemes.join(","),
        owner,
        includeFailed,
        includeDetails,
      },
    });
  }

  /** The connection types the organization knows (an extension contributes `stackspot`). */
  getServiceEndpointTypes(type?: string, scheme?: string): Promise<ServiceEndpointType[]> {
    return this.beginRequest<ServiceEndpointType[]>({
      apiVersion: "7.2-preview.1",
      routeTemplate: "_apis/serviceendpoint/types",
      queryParams: { type, scheme },
    });
  }
}
