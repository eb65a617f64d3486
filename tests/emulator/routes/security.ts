// security: "does the caller have these permission bits on these tokens?" (Permissions_Has
// Permissions, GET _apis/permissions/{securityNamespaceId}/{permissions}?tokens=a,b), answered from
// the same model that fails the writes (../permissions.ts), so a check and the write it predicts
// always agree.
//
// Namespaces, bits and token formats (sources in src/ado/securityNamespaces.ts, which the product
// uses):
//   Git Repositories  token repoV2/{projectId}[/{repositoryId}[/refs/...]]
//   Build             token {projectId}[/{folder}/...][/{definitionId}]
//   ServiceEndpoints  token endpoints/{projectId}[/{endpointId}]
//   DistributedTask   token AgentQueues/{projectId}[/{queueId}] (agent queues of a project)
import type { ApiRequest, ApiResult, Route } from "../router";
import type { Permission } from "../types";
import { errors, ServiceError } from "../errors";
import { isDenied } from "../permissions";
import { administersByCreation } from "./pipelinePermissions";
import { collection } from "../wire";

interface Namespace {
  /**
   * Bit → the emulator permission it stands for. Bits not listed are granted (everything is, until
   * denied).
   */
  bits: Record<number, Permission>;
  /** The project id a token belongs to (undefined for a namespace-wide token). */
  projectOf: (token: string) => string | undefined;
  /** Bits the creator of the object a token names holds whatever the project-wide roles say. */
  creatorHolds?: {
    bits: number;
    objectOf: (token: string) => string | undefined;
    createdByUser: (req: ApiRequest, id: string) => boolean;
  };
}

const segment = (token: string, prefix: string, index: number) => {
  const parts = token.split("/");
  if (prefix && parts[0].toLowerCase() !== prefix.toLowerCase()) return undefined;
  return parts[index] || undefined;
};

const NAMESPACES: Record<string, Namespace> = {
  // Git Repositories
  "2e9eb7ed-3c0a-47d4-87c1-0ffdd275fd87": {
    bits: {
      2: "ReadRepository",
      4: "GenericContribute",
      256: "CreateRepository",
      16384: "PullRequestContribute",
    },
    projectOf: (t) => segment(t, "repoV2", 1),
  },
  // Build
  "33344d9c-fc72-4d6f-aba5-fa317101a7e9": {
    bits: { 128: "QueueBuilds", 1024: "ViewBuildDefinition", 2048: "EditBuildDefinition" },
    projectOf: (t) => segment(t, "", 0),
  },
  // ServiceEndpoints
  "49b48001-ca20-4adc-8111-5b60c903a50c": {
    bits: {
      2: "AdministerPipelinePermissions",
      4: "CreateServiceEndpoint",
      16: "ViewServiceEndpoints",
    },
    projectOf: (t) => segment(t, "endpoints", 1),
    // The creator of a connection is its Administrator (bit 2).
    creatorHolds: {
      bits: 2,
      objectOf: (t) => segment(t, "endpoints", 2),
      createdByUser: (req, id) => administersByCreation(req, "endpoint", id),
    },
  },
  // DistributedTask (agent queues; AgentPools/{poolId} tokens, the organization's pools, are not
  // modelled). Bit 8, AdministerPermissions, is what authorizing a pipeline on a queue takes; the
  // emulator's one "Administrator on the resource" permission answers for it.
  "101eae8c-1709-47f9-b228-0e476c35b3ba": {
    bits: { 1: "ViewQueues", 8: "AdministerPipelinePermissions" },
    projectOf: (t) => segment(t, "AgentQueues", 1),
  },
};

function allowed(req: ApiRequest, ns: Namespace, bits: number, token: string): boolean {
  const state = req.core.state;
  const projectId = ns.projectOf(token)?.toLowerCase();
  const project = projectId ? state.findProject(projectId) : undefined;
  // What you cannot see you have no permission on.
  if (project && isDenied(req, "ViewProject", project)) return false;
  const object = ns.creatorHolds?.objectOf(token);
  const held = object && ns.creatorHolds!.createdByUser(req, object) ? ns.creatorHolds!.bits : 0;
  for (const [bit, permission] of Object.entries(ns.bits)) {
    const b = Number(bit);
    if ((bits & b) === 0 || (held & b) !== 0) continue;
    if (isDenied(req, permission, project)) return false;
  }
  return true;
}

function hasPermissions(req: ApiRequest): ApiResult {
  const namespaceId = req.params.securityNamespaceId.toLowerCase();
  const ns = NAMESPACES[namespaceId];
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(namespaceId) || !ns)
    throw namespaceNotFound(req.params.securityNamespaceId);
  const bits = Number(req.params.permissions);
  if (!Number.isInteger(bits) || bits < 0)
    throw errors.badRequest(`The value '${req.params.permissions}' is not valid for permissions.`);
  // alwaysAllowAdministrators changes nothing here: the user the emulator plays is no
  // administrator.
  const delimiter = req.query.get("delimiter") || ",";
  const raw = req.query.get("tokens") ?? "";
  const tokens = raw === "" ? [] : raw.split(delimiter);
  return {
    status: 200,
    body: collection(
      req.wire,
      tokens.map((t) => allowed(req, ns, bits, t)),
    ),
  };
}

/**
 * Written from memory (see KNOWN-DIFFERENCES.md): the service's text for an unknown namespace is
 * not verified.
 */
function namespaceNotFound(id: string): ServiceError {
  return new ServiceError(
    404,
    `The security namespace ${id} could not be found.`,
    "InvalidSecurityNamespaceException",
    "Microsoft.VisualStudio.Services.Security",
  );
}

export const securityRoutes: Route[] = [
  {
    method: "GET",
    template: "_apis/permissions/{securityNamespaceId}/{permissions}",
    scope: "org",
    handler: hasPermissions,
  },
];
