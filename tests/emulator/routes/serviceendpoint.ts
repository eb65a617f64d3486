// serviceendpoint: service connections (create and update at organization level, list by type or
// names and get in a project). Confidential authorization parameters are never returned.
import { randomUUID } from "node:crypto";
import * as fs from "fs";
import * as path from "path";
import { findRepoRoot } from "../../host/httpUtil";
import type { ApiRequest, ApiResult, Route } from "../router";
import type { ServiceEndpointRecord } from "../types";
import { errors } from "../errors";
import { demand, denials, isDenied } from "../permissions";
import { identityRef } from "../shapes";
import { collection } from "../wire";

/**
 * The service knows which parameters are confidential from the endpoint type's definition; the
 * emulator does not load type definitions, so it treats names that look secret as confidential.
 */
export const isConfidential = (name: string) =>
  /key|secret|password|token|pat|certificate|apitoken/i.test(name);

export function endpointJson(req: ApiRequest, ep: ServiceEndpointRecord): Record<string, unknown> {
  const state = req.core.state;
  const parameters = Object.fromEntries(
    Object.entries(ep.authorization.parameters).map(([k, v]) => [k, isConfidential(k) ? null : v]),
  );
  return {
    data: ep.data,
    id: ep.id,
    name: ep.name,
    type: ep.type,
    url: ep.url,
    createdBy: identityRef(req),
    description: "",
    authorization: { parameters, scheme: ep.authorization.scheme },
    isShared: ep.projectIds.length > 1,
    isReady: true,
    isOutdated: false,
    isDisabled: false,
    owner: "Library",
    operationStatus: { state: "Ready", statusMessage: "" },
    serviceEndpointProjectReferences: ep.projectIds.map((id) => {
      const p = state.projectsById.get(id);
      return { projectReference: { id, name: p?.name ?? "" }, name: ep.name, description: "" };
    }),
  };
}

interface EndpointBody {
  name?: string;
  type?: string;
  url?: string;
  description?: string;
  authorization?: { scheme?: string; parameters?: Record<string, string | null> };
  data?: Record<string, string>;
  serviceEndpointProjectReferences?: {
    projectReference?: { id?: string; name?: string };
    name?: string;
  }[];
}

function createEndpoint(req: ApiRequest): ApiResult {
  const state = req.core.state;
  const body = (req.body ?? {}) as EndpointBody;
  if (!body.name || !body.type)
    throw errors.badRequest(
      "Value cannot be null.\r\nParameter name: endpoint.Name",
      "ArgumentNullException",
    );
  const refs = body.serviceEndpointProjectReferences ?? [];
  if (refs.length === 0)
    throw errors.badRequest(
      "Value cannot be null.\r\nParameter name: endpoint.ServiceEndpointProjectReferences",
      "ArgumentNullException",
    );
  const projectIds = refs.map((r) => {
    const p = state.findProject(r.projectReference?.id ?? r.projectReference?.name ?? "");
    if (!p) throw errors.projectNotFound(r.projectReference?.id ?? r.projectReference?.name ?? "");
    // Created at organization level: the permission is the one in each project it is shared into.
    demand(req, "CreateServiceEndpoint", denials.createEndpoint(req), p);
    return p.id;
  });
  for (const ep of state.endpoints.values()) {
    if (
      ep.name.toLowerCase() === body.name.toLowerCase() &&
      ep.projectIds.some((id) => projectIds.includes(id))
    )
      throw errors.endpointExists(body.name);
  }
  const ep: ServiceEndpointRecord = {
    id: randomUUID(),
    name: body.name,
    type: body.type,
    url: body.url ?? "",
    authorization: {
      scheme: body.authorization?.scheme ?? "None",
      parameters: stringParams(body.authorization?.parameters, {}),
    },
    data: { ...(body.data ?? {}) },
    projectIds,
  };
  state.endpoints.set(ep.id, ep);
  state.endpointsCreatedByUser.add(ep.id);
  return { status: 200, body: endpointJson(req, ep) };
}

/**
 * Parameters sent as null keep their stored value (that is how clients update without re-sending
 * secrets).
 */
function stringParams(
  incoming: Record<string, string | null> | undefined,
  previous: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(incoming ?? {}))
    out[k] = v === null || v === undefined ? (previous[k] ?? "") : String(v);
  return out;
}

function updateEndpoint(req: ApiRequest): ApiResult {
  const ep = req.core.state.endpoints.get(req.params.endpointId.toLowerCase());
  if (!ep) throw errors.endpointNotFound(req.params.endpointId);
  for (const id of ep.projectIds)
    demand(
      req,
      "CreateServiceEndpoint",
      denials.createEndpoint(req),
      req.core.state.projectsById.get(id),
    );
  const body = (req.body ?? {}) as EndpointBody;
  ep.name = body.name ?? ep.name;
  ep.url = body.url ?? ep.url;
  if (body.authorization) {
    ep.authorization = {
      scheme: body.authorization.scheme ?? ep.authorization.scheme,
      parameters: stringParams(body.authorization.parameters, ep.authorization.parameters),
    };
  }
  if (body.data) ep.data = { ...body.data };
  return { status: 200, body: endpointJson(req, ep) };
}

function listEndpoints(req: ApiRequest): ApiResult {
  const project = req.project!;
  if (isDenied(req, "ViewServiceEndpoints")) return { status: 200, body: collection(req.wire, []) };
  const type = req.query.get("type")?.toLowerCase();
  const names = req.query
    .get("endpointNames")
    ?.split(",")
    .map((n) => n.trim().toLowerCase());
  const ids = req.query
    .get("endpointIds")
    ?.split(",")
    .map((n) => n.trim().toLowerCase());
  const found = [...req.core.state.endpoints.values()].filter(
    (ep) =>
      ep.projectIds.includes(project.id) &&
      (!type || ep.type.toLowerCase() === type) &&
      (!names || names.includes(ep.name.toLowerCase())) &&
      (!ids || ids.includes(ep.id)),
  );
  found.sort((a, b) => a.name.localeCompare(b.name));
  return {
    status: 200,
    body: collection(
      req.wire,
      found.map((ep) => endpointJson(req, ep)),
    ),
  };
}

/** An unknown (or invisible) endpoint is an empty 200 answer, which the client reads as null. */
function getEndpoint(req: ApiRequest): ApiResult {
  const ep = req.core.state.endpoints.get(req.params.endpointId.toLowerCase());
  if (!ep || !ep.projectIds.includes(req.project!.id) || isDenied(req, "ViewServiceEndpoints"))
    return { status: 200 };
  return { status: 200, body: endpointJson(req, ep) };
}

export const serviceEndpointRoutes: Route[] = [
  {
    method: "POST",
    template: "_apis/serviceendpoint/endpoints",
    scope: "org",
    handler: createEndpoint,
  },
  {
    method: "PUT",
    template: "_apis/serviceendpoint/endpoints/{endpointId}",
    scope: "org",
    handler: updateEndpoint,
  },
  {
    method: "GET",
    template: "_apis/serviceendpoint/endpoints",
    scope: "project",
    handler: listEndpoints,
  },
  { method: "GET", template: "_apis/serviceendpoint/types", scope: "org", handler: listTypes },
  {
    method: "GET",
    template: "_apis/serviceendpoint/endpoints/{endpointId}",
    scope: "project",
    handler: getEndpoint,
  },
];

/**
 * The endpoint types the organization knows: a built-in one, and "stackspot" while the extension is
 * installed (ServiceBehaviour.extensionInstalled), described from the manifest's contribution.
 */
function listTypes(req: ApiRequest): ApiResult {
  const types = [
    {
      name: "generic",
      displayName: "Generic",
      authenticationSchemes: [{ scheme: "UsernamePassword" }],
    },
    ...(req.core.state.behaviour.extensionInstalled ? [stackspotEndpointType()] : []),
  ];
  const wanted = req.query.get("type")?.toLowerCase();
  const found = wanted ? types.filter((t) => t.name.toLowerCase() === wanted) : types;
  return { status: 200, body: collection(req.wire, found) };
}

function stackspotEndpointType(): { name: string; [field: string]: unknown } {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(findRepoRoot(__dirname), "vss-extension.json"), "utf8"),
  ) as { contributions: { type: string; properties: Record<string, unknown> }[] };
  const contribution = manifest.contributions.find(
    (c) => c.type === "ms.vss-endpoint.service-endpoint-type",
  )!;
  const { name, displayName, helpMarkDown } = contribution.properties as Record<string, string>;
  return {
    name,
    displayName,
    helpMarkDown,
    authenticationSchemes: [{ scheme: "UsernamePassword" }],
  };
}
