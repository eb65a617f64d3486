// core: projects; location: resource areas and connection data (enough for clients and the SDK
// test host to find where every area lives: here, always the organization URL).
import type { ApiRequest, ApiResult, Route } from "../router";
import { errors } from "../errors";
import { isDenied } from "../permissions";
import { apiUrl, links, projectRef } from "../shapes";
import { collection, enumValue } from "../wire";

/**
 * Resource areas of the clients the product uses (each client's RESOURCE_AREA_ID; the Pipelines
 * client has none).
 */
const RESOURCE_AREAS: Record<string, string> = {
  "79134c72-4a58-4b42-976c-04e7115f32bf": "core",
  "4e080c62-fa21-4fbc-8fef-2a10a2b38049": "git",
  "965220d5-5bb9-42cf-8d67-9b146df2a5a4": "build",
  "a85b8835-c1a1-4aac-ae97-1c3d0ba72dbd": "distributedtask",
  "1814ab31-2f4f-4a9f-8761-f4d77dc5a5d7": "serviceendpoint",
  "a81a0441-de52-4000-aa15-ff0e07bfbbaa": "pipelinePermissions",
};

function listProjects(req: ApiRequest): ApiResult {
  const projects = [...req.core.state.projectsById.values()]
    .filter((p) => !isDenied(req, "ViewProject", p))
    .sort((a, b) => a.name.localeCompare(b.name));
  const skip = req.query.int("$skip") ?? 0;
  const top = req.query.int("$top") ?? 100;
  return {
    status: 200,
    body: collection(
      req.wire,
      projects.slice(skip, skip + top).map((p) => projectRef(req, p)),
    ),
  };
}

function getProject(req: ApiRequest): ApiResult {
  const idOrName = req.params.projectId;
  const project = req.core.state.findProject(idOrName);
  if (!project || isDenied(req, "ViewProject", project)) throw errors.projectNotFound(idOrName);
  const url = apiUrl(req, `_apis/projects/${project.id}`);
  const team = {
    id: project.teamId,
    name: `${project.name} Team`,
    url: `${url}/teams/${project.teamId}`,
  };
  return {
    status: 200,
    body: {
      ...projectRef(req, project),
      description: "",
      ...links(req, {
        self: url,
        collection: apiUrl(req, "_apis/projectCollections"),
        web: `${req.core.orgUrl}${encodeURIComponent(project.name)}`,
      }),
      capabilities: {
        versioncontrol: { sourceControlType: "Git", gitEnabled: "true", tfvcEnabled: "false" },
        processTemplate: {
          templateName: "Agile",
          templateTypeId: "adcc42ab-9882-485e-a3ed-7678f01f66bc",
        },
      },
      defaultTeam: team,
    },
  };
}

function resourceArea(req: ApiRequest, id: string): Record<string, unknown> {
  return { id, name: RESOURCE_AREAS[id.toLowerCase()] ?? "unknown", locationUrl: req.core.orgUrl };
}

function getResourceArea(req: ApiRequest): ApiResult {
  return { status: 200, body: resourceArea(req, req.params.areaId) };
}

function listResourceAreas(req: ApiRequest): ApiResult {
  return {
    status: 200,
    body: collection(
      req.wire,
      Object.keys(RESOURCE_AREAS).map((id) => resourceArea(req, id)),
    ),
  };
}

function connectionData(req: ApiRequest): ApiResult {
  const user = req.core.state.user;
  const identity = {
    id: user.id,
    descriptor: `Microsoft.IdentityModel.Claims.ClaimsIdentity;${user.uniqueName}`,
    subjectDescriptor: user.descriptor,
    providerDisplayName: user.displayName,
    isActive: true,
    members: [],
    memberOf: [],
    properties: { Account: { $type: "System.String", $value: user.uniqueName } },
    resourceVersion: 2,
    metaTypeId: 0,
  };
  return {
    status: 200,
    body: {
      authenticatedUser: identity,
      authorizedUser: identity,
      instanceId: "00000000-0000-0000-0000-0000000e0001",
      deploymentId: "00000000-0000-0000-0000-0000000e0002",
      deploymentType:
        req.core.state.behaviour.edition === "server2022"
          ? enumValue(req.wire, "onPremises", 2)
          : enumValue(req.wire, "hosted", 1),
      locationServiceData: {
        serviceOwner: "00025394-6065-48ca-87d9-7f5672854ef7",
        defaultAccessMappingMoniker: "PublicAccessMapping",
        lastChangeId: 1,
        lastChangeId64: 1,
        accessMappings: [
          {
            displayName: "Public Access Mapping",
            moniker: "PublicAccessMapping",
            accessPoint: req.core.orgUrl,
            serviceOwner: "00025394-6065-48ca-87d9-7f5672854ef7",
          },
        ],
      },
    },
  };
}

export const coreRoutes: Route[] = [
  { method: "GET", template: "_apis/projects", scope: "org", handler: listProjects },
  { method: "GET", template: "_apis/projects/{*projectId}", scope: "org", handler: getProject },
  { method: "GET", template: "_apis/resourceAreas", scope: "org", handler: listResourceAreas },
  {
    method: "GET",
    template: "_apis/resourceAreas/{areaId}",
    scope: "org",
    handler: getResourceArea,
  },
  { method: "GET", template: "_apis/connectionData", scope: "org", handler: connectionData },
];
