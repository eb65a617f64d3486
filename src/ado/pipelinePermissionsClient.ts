// azure-devops-extension-api 5.276.0 has no client for `_apis/pipelines/pipelinepermissions`
// (which resources a pipeline may use without an approval prompt), so here is a small one on the
// library's RestClientBase: it shares the transport, the retries and the error mapping of the rest.
import { RestClientBase } from "./restClientBase";

/** The resource types this product authorizes pipelines on. */
export type PipelineResourceType =
  "endpoint" | "queue" | "variablegroup" | "securefile" | "environment" | "repository";

export interface PipelinePermission {
  id: number;
  authorized: boolean;
}

export interface ResourcePipelinePermissions {
  resource: { type: string; id: string; name?: string };
  /** Open to every pipeline of the project. */
  allPipelines?: { authorized: boolean };
  pipelines?: PipelinePermission[];
}

const API_VERSION = "7.1-preview.1";
const ROUTE = "{project}/_apis/pipelines/pipelinepermissions/{resourceType}/{resourceId}";

export class PipelinePermissionsRestClient extends RestClientBase {
  /** Which pipelines may use a resource. */
  getPipelinePermissionsForResource(
    project: string,
    resourceType: PipelineResourceType,
    resourceId: string,
  ): Promise<ResourcePipelinePermissions> {
    return this.beginRequest<ResourcePipelinePermissions>({
      apiVersion: API_VERSION,
      routeTemplate: ROUTE,
      routeValues: { project, resourceType, resourceId },
    });
  }

  /** Authorizes (or unauthorizes) pipelines on a resource; idempotent. */
  updatePipelinePermissionsForResource(
    project: string,
    resourceType: PipelineResourceType,
    resourceId: string,
    pipelines: PipelinePermission[],
  ): Promise<ResourcePipelinePermissions> {
    return this.beginRequest<ResourcePipelinePermissions>({
      apiVersion: API_VERSION,
      method: "PATCH",
      routeTemplate: ROUTE,
      routeValues: { project, resourceType, resourceId },
      body: { resource: { type: resourceType, id: resourceId }, pipelines },
    });
  }
}

/** Is this pipeline allowed to use the resource without an approval? */
export function isPipelineAuthorized(
  permissions: ResourcePipelinePermissions | undefined,
  pipelineId: number,
): boolean {
  if (!permissions) return false;
  if (permissions.allPipelines?.authorized) return true;
  return (permissions.pipelines ?? []).some((p) => p.id === pipelineId && p.authorized);
}
