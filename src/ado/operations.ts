// Recognizes the REST calls this product makes, so that every failure can be told in the user's
// words ("create the repository") with the permission that governs it, and so that the transport
// knows which calls are safe to repeat blindly (idempotent) and which are not.
import type { PermissionHint } from "./errors";

export interface OperationInfo {
  /** e.g. "create the repository". */
  operation: string;
  /** The permission that governs the call, when a denial is possible. */
  permission?: PermissionHint;
  /**
   * True when sending the call twice has the same effect as once (reads, and the
   * pipeline-permission PATCH, which sets a flag). The transport retries only these; creates are
   * retried by the engine after a re-read shows they did not happen.
   */
  idempotent: boolean;
  /** What a 404 means for this call, e.g. "the repository". */
  subject?: string;
}

const GIT_REPOS =
  "Project settings → Repositories → Security (all Git repositories of the project)";
const ONE_REPO = "Project settings → Repositories → the repository → Security";
const PIPELINES = "Pipelines → … (more actions) → Manage security";
const ENDPOINTS = "Project settings → Service connections → Security";
const ONE_ENDPOINT = "Project settings → Service connections → the connection → Security";
const QUEUES = "Project settings → Agent pools → the pool → Security";

interface Rule {
  method: string;
  path: RegExp;
  info: OperationInfo;
}

const rules: Rule[] = [
  {
    method: "GET",
    path: /\/_apis\/projects\/[^/]+$/,
    info: {
      operation: "read the project",
      idempotent: true,
      subject: "the project",
      permission: {
        permission: "View project-level information",
        grantedAt: "Project settings → Permissions",
      },
    },
  },
  {
    method: "POST",
    path: /\/_apis\/git\/repositories\/?$/,
    info: {
      operation: "create the repository",
      idempotent: false,
      permission: { permission: "Create repository", grantedAt: GIT_REPOS },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/git\/repositories\/[^/]+\/refs/,
    info: {
      operation: "read the repository's branches",
      idempotent: true,
      subject: "the repository",
      permission: { permission: "Read", grantedAt: ONE_REPO },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/git\/repositories\/[^/]+\/items/,
    info: {
      operation: "read /stackspot.yml",
      idempotent: true,
      subject: "the file",
      permission: { permission: "Read", grantedAt: ONE_REPO },
    },
  },
  {
    method: "POST",
    path: /\/_apis\/git\/repositories\/[^/]+\/pushes\/?$/,
    info: {
      operation: "push /stackspot.yml to the repository",
      idempotent: false,
      subject: "the repository",
      permission: { permission: "Contribute", grantedAt: ONE_REPO },
    },
  },
  {
    method: "POST",
    path: /\/_apis\/git\/repositories\/[^/]+\/pullrequests\/?$/,
    info: {
      operation: "open a pull request",
      idempotent: false,
      subject: "the repository",
      permission: { permission: "Contribute to pull requests", grantedAt: ONE_REPO },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/git\/repositories\/[^/]+\/pullrequests/,
    info: {
      operation: "read the repository's pull requests",
      idempotent: true,
      subject: "the repository",
      permission: { permission: "Read", grantedAt: ONE_REPO },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/git\/repositories(\/[^/]+)?\/?$/,
    info: {
      operation: "read the repository",
      idempotent: true,
      subject: "the repository",
      permission: { permission: "Read", grantedAt: ONE_REPO },
    },
  },
  {
    method: "POST",
    path: /\/_apis\/build\/definitions\/?$/,
    info: {
      operation: "create the pipeline",
      idempotent: false,
      permission: { permission: "Edit build pipeline", grantedAt: PIPELINES },
    },
  },
  {
    method: "PUT",
    path: /\/_apis\/build\/definitions\/\d+$/,
    info: {
      operation: "update the pipeline",
      idempotent: false,
      subject: "the pipeline",
      permission: { permission: "Edit build pipeline", grantedAt: PIPELINES },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/build\/definitions/,
    info: {
      operation: "read the pipelines",
      idempotent: true,
      subject: "the pipeline",
      permission: { permission: "View build pipeline", grantedAt: PIPELINES },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/build\/builds/,
    info: {
      operation: "read the pipeline's runs",
      idempotent: true,
      permission: { permission: "View builds", grantedAt: PIPELINES },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/pipelines\/\d+\/runs/,
    info: {
      operation: "read the pipeline's runs",
      idempotent: true,
      subject: "the pipeline",
      permission: { permission: "View builds", grantedAt: PIPELINES },
    },
  },
  {
    method: "POST",
    path: /\/_apis\/pipelines\/\d+\/runs/,
    info: {
      operation: "queue a run of the pipeline",
      idempotent: false,
      subject: "the pipeline",
      permission: { permission: "Queue builds", grantedAt: PIPELINES },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/distributedtask\/queues/,
    info: {
      operation: "read the agent queues",
      idempotent: true,
      permission: { permission: "Reader (agent queues)", grantedAt: QUEUES },
    },
  },
  {
    method: "POST",
    path: /\/_apis\/serviceendpoint\/endpoints\/?$/,
    info: {
      operation: "create the service connection",
      idempotent: false,
      permission: { permission: "Creator (service connections)", grantedAt: ENDPOINTS },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/serviceendpoint\/endpoints/,
    info: {
      operation: "read the service connections",
      idempotent: true,
      permission: { permission: "Reader (service connections)", grantedAt: ENDPOINTS },
    },
  },
  {
    method: "PATCH",
    path: /\/_apis\/pipelines\/pipelinepermissions\/endpoint\//,
    info: {
      operation: "authorize the pipeline to use the service connection",
      idempotent: true,
      subject: "the service connection",
      permission: {
        permission: "Administrator (on the service connection)",
        grantedAt: ONE_ENDPOINT,
      },
    },
  },
  {
    method: "PATCH",
    path: /\/_apis\/pipelines\/pipelinepermissions\/queue\//,
    info: {
      operation: "authorize the pipeline to use the agent queue",
      idempotent: true,
      subject: "the agent queue",
      permission: { permission: "Administrator (on the agent queue)", grantedAt: QUEUES },
    },
  },
  {
    method: "GET",
    path: /\/_apis\/permissions\/[^/]+\/\d+$/,
    info: { operation: "check your permissions", idempotent: true },
  },
  {
    method: "GET",
    path: /\/_apis\/pipelines\/pipelinepermissions\//,
    info: {
      operation: "read which pipelines may use a resource",
      idempotent: true,
      permission: { permission: "User (on the resource)", grantedAt: ONE_ENDPOINT },
    },
  },
];

/** Describes a call by method and URL path (any case; no query string). */
export function describeOperation(method: string, path: string): OperationInfo {
  const m = method.toUpperCase();
  const p = decodeSafely(path).toLowerCase().replace(/\/+$/, "");
  for (const r of rules) if (r.method === m && r.path.test(p)) return r.info;
  const idempotent = m === "GET" || m === "HEAD" || m === "OPTIONS";
  return {
    operation: `${idempotent ? "read" : "change"} ${p.replace(/^.*\/_apis\//, "")}`,
    idempotent,
  };
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
