// pipelinepermissions: which pipelines may use a protected resource (service connection, queue...),
// read and changed per resource or for several resources at once.
import type { ApiRequest, ApiResult, Route } from "../router";
import type { Project } from "../state";
import { errors } from "../errors";
import { demand, denials } from "../permissions";
import { identityRef } from "../shapes";
import { collection } from "../wire";

interface PermissionsBody {
  resource?: { type?: string; id?: string; name?: string };
  pipelines?: { id?: number; authorized?: boolean }[];
  allPipelines?: { authorized?: boolean } | null;
}

function permissionsJson(
  req: ApiRequest,
  project: Project,
  type: string,
  id: string,
): Record<string, unknown> {
  const auth = project.authorization(type, id);
  const who = identityRef(req);
  return {
    resource: { type, id },
    pipelines: [...auth.pipelines.entries()]
      .sort(([a], [b]) => a - b)
      .map(([pipelineId, p]) => ({
        id: pipelineId,
        authorized: true,
        authorizedBy: who,
        authorizedOn: p.authorizedOn,
      })),
    ...(auth.allPipelines
      ? {
          allPipelines: {
            authorized: true,
            authorizedBy: who,
            authorizedOn: auth.allPipelines.authorizedOn,
          },
        }
      : {}),
  };
}

/** The creator of a service connection administers it, whatever the project-wide roles say. */
export function administersByCreation(req: ApiRequest, type: string, id: string): boolean {
  return (
    type.toLowerCase() === "endpoint" && req.core.state.endpointsCreatedByUser.has(id.toLowerCase())
  );
}

function apply(
  req: ApiRequest,
  project: Project,
  type: string,
  id: string,
  body: PermissionsBody,
): void {
  if (!administersByCreation(req, type, id))
    demand(req, "AdministerPipelinePermissions", denials.administerResource(req, type, id));
  const auth = project.authorization(type, id);
  for (const p of body.pipelines ?? []) {
    const pipelineId = Number(p.id);
    if (!project.definitions.has(pipelineId)) throw errors.definitionNotFound(p.id ?? "");
    if (p.authorized) auth.pipelines.set(pipelineId, { authorizedOn: new Date() });
    else auth.pipelines.delete(pipelineId);
  }
  if (body.allPipelines)
    auth.allPipelines = body.allPipelines.authorized ? { authorizedOn: new Date() } : undefined;
}

function getPermissions(req: ApiRequest): ApiResult {
  const { resourceType, resourceId } = req.params;
  return { status: 200, body: permissionsJson(req, req.project!, resourceType, resourceId) };
}

function updatePermissions(req: ApiRequest): ApiResult {
  const { resourceType, resourceId } = req.params;
  apply(req, req.project!, resourceType, resourceId, (req.body ?? {}) as PermissionsBody);
  return { status: 200, body: permissionsJson(req, req.project!, resourceType, resourceId) };
}

function updateManyPermissions(req: ApiRequest): ApiResult {
  if (!Array.isArray(req.body))
    throw errors.badRequest(
      "Value cannot be null.\r\nParameter name: resourcePipelinePermissions",
      "ArgumentNullException",
    );
  const list = req.body as PermissionsBody[];
  for (const item of list) {
    if (!item.resource?.type || !item.resource.id)
      throw errors.badRequest("Each item needs resource.type and resource.id.");
    apply(req, req.project!, item.resource.type, item.resource.id, item);
  }
  return {
    status: 200,
    body: collection(
      req.wire,
      list.map((i) => permissionsJson(req, req.project!, i.resource!.type!, i.resource!.id!)),
    ),
  };
}

export const pipelinePermissionRoutes: Route[] = [
  {
    method: "PATCH",
    template: "_apis/pipelines/pipelinePermissions",
    scope: "project",
    handler: updateManyPermissions,
  },
  {
    method: "GET",
    template: "_apis/pipelines/pipelinePermissions/{resourceType}/{resourceId}",
    scope: "project",
    handler: getPermissions,
  },
  {
    method: "PATCH",
    template: "_apis/pipelines/pipelinePermissions/{resourceType}/{resourceId}",
    scope: "project",
    handler: updatePermissions,
  },
];
