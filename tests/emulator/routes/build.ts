// build: definitions (list with filters, get, create, update with revision checks). Secret variable
// values never leave the emulator: the service answers value null for them.
import type { ApiRequest, ApiResult, Route } from "../router";
import { fullRef, normalizePath } from "../gitStore";
import type { Project, StoredDefinition } from "../state";
import type { VariableRecord } from "../types";
import { errors } from "../errors";
import { demand, denials, isDenied } from "../permissions";
import { apiUrl, buildQueueJson, identityRef, links, projectRef } from "../shapes";
import { collection, enumValue } from "../wire";
import { createDefinition, type DefinitionInput, updateDefinition } from "../buildStore";
import { normalizeFolder } from "../state";

/**
 * Properties of a definition the service computes; anything else the client sends is kept as sent.
 */
const COMPUTED = new Set([
  "id",
  "name",
  "path",
  "revision",
  "process",
  "repository",
  "queue",
  "variables",
  "project",
  "url",
  "uri",
  "_links",
  "createdDate",
  "authoredBy",
  "quality",
  "drafts",
  "queueStatus",
  "type",
  "latestBuild",
  "latestCompletedBuild",
  "metrics",
]);

export function definitionFrom(
  req: ApiRequest,
  id: string | number = req.params.definitionId,
): StoredDefinition {
  const def = req.project!.definitions.get(Number(id));
  if (!def || isDenied(req, "ViewBuildDefinition")) throw errors.definitionNotFound(id);
  return def;
}

function maskedVariables(variables: Record<string, VariableRecord>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(variables)) {
    out[name] = {
      value: v.isSecret ? null : (v.value ?? ""),
      ...(v.isSecret ? { isSecret: true } : {}),
      ...(v.allowOverride ? { allowOverride: true } : {}),
    };
  }
  return out;
}

export function definitionJson(
  req: ApiRequest,
  project: Project,
  def: StoredDefinition,
  full: boolean,
): Record<string, unknown> {
  const url = apiUrl(
    req,
    `${project.id}/_apis/build/Definitions/${def.id}?revision=${def.revision}`,
  );
  const queue = def.queueId !== undefined ? project.queues.get(def.queueId) : undefined;
  const reference = {
    ...links(req, {
      self: url,
      web: `${req.core.orgUrl}${project.id}/_build/definition?definitionId=${def.id}`,
    }),
    quality: enumValue(req.wire, "definition", 1),
    authoredBy: identityRef(req),
    drafts: [],
    ...(queue ? { queue: buildQueueJson(req, queue) } : {}),
    id: def.id,
    name: def.name,
    url,
    uri: `vstfs:///Build/Definition/${def.id}`,
    path: def.path,
    type: enumValue(req.wire, "build", 2),
    queueStatus: enumValue(req.wire, "enabled", 0),
    revision: def.revision,
    createdDate: def.createdDate,
    project: projectRef(req, project),
  };
  if (!full) return reference;
  const repo = req.core.state.reposById.get(def.repositoryId);
  const remoteUrl = repo
    ? `${req.core.orgUrl}${encodeURIComponent(project.name)}/_git/${encodeURIComponent(repo.name)}`
    : "";
  const defaultBranch = def.defaultBranch ?? repo?.defaultBranch ?? "refs/heads/main";
  return {
    options: [],
    triggers: [],
    properties: {},
    tags: [],
    jobAuthorizationScope: enumValue(req.wire, "projectCollection", 1),
    jobTimeoutInMinutes: 60,
    jobCancelTimeoutInMinutes: 5,
    processParameters: {},
    ...def.extra,
    variables: maskedVariables(def.variables),
    process: { yamlFilename: def.yamlFilename, type: 2 },
    repository: {
      properties: {
        cloneUrl: remoteUrl,
        fullName: repo?.name ?? "",
        defaultBranch,
        isPrivate: "True",
        checkoutNestedSubmodules: "false",
        reportBuildStatus: "true",
      },
      id: def.repositoryId,
      type: "TfsGit",
      name: repo?.name ?? "",
      url: remoteUrl,
      defaultBranch,
      clean: null,
      checkoutSubmodules: false,
    },
    ...reference,
  };
}

interface DefinitionBody {
  id?: number;
  name?: unknown;
  path?: string;
  revision?: number;
  process?: { type?: number; yamlFilename?: string };
  repository?: { id?: string; name?: string; type?: string; defaultBranch?: string };
  queue?: { id?: number; name?: string };
  variables?: Record<string, VariableRecord>;
}

function readDefinition(req: ApiRequest, project: Project): DefinitionInput {
  const body = (req.body ?? {}) as DefinitionBody & Record<string, unknown>;
  if (typeof body.name !== "string" || !body.name.trim()) {
    throw errors.badRequest(
      "Value cannot be null.\r\nParameter name: definition.Name",
      "ArgumentNullException",
    );
  }
  if (!body.process)
    throw errors.badRequest(
      "Value cannot be null.\r\nParameter name: definition.Process",
      "ArgumentNullException",
    );
  if (body.process.type !== 2)
    throw errors.badRequest("The emulator supports YAML pipelines only (process type 2).");
  if (!body.process.yamlFilename)
    throw errors.badRequest("A YAML pipeline needs process.yamlFilename.");
  const repoRef = body.repository;
  if (!repoRef || (repoRef.type ?? "").toLowerCase() !== "tfsgit")
    throw errors.badRequest(
      "The definition's repository must be an Azure Repos Git repository (type TfsGit).",
    );
  const repo = project.findRepo(repoRef.id ?? repoRef.name ?? "");
  if (!repo) throw errors.repositoryNotFound(repoRef.id ?? repoRef.name ?? "");
  let queueId: number | undefined;
  if (body.queue && (body.queue.id !== undefined || body.queue.name)) {
    const queue =
      body.queue.id !== undefined
        ? project.queues.get(Number(body.queue.id))
        : project.queuesByName.get(body.queue.name!.toLowerCase());
    if (!queue)
      throw errors.badRequest(
        `Could not find agent queue ${body.queue.id ?? body.queue.name}. It may have been deleted, or you may not have access to it.`,
      );
    queueId = queue.id;
  }
  const extra = Object.fromEntries(Object.entries(body).filter(([k]) => !COMPUTED.has(k)));
  return {
    name: body.name.trim(),
    path: normalizeFolder(body.path),
    repositoryId: repo.id,
    yamlFilename: body.process.yamlFilename,
    queueId,
    variables: body.variables ?? {},
    defaultBranch: repoRef.defaultBranch,
    extra,
  };
}

/**
 * The unverified alternative (ServiceBehaviour.yamlFileRequiredOnCreate): refuse a definition
 * whose YAML file is not on its default branch, with the message the service gives when a run
 * cannot find the file (its wording for a create is not known).
 */
function requireYamlFile(req: ApiRequest, input: DefinitionInput): void {
  const repo = req.core.state.reposById.get(input.repositoryId)!;
  const branch = fullRef(input.defaultBranch ?? repo.defaultBranch ?? "refs/heads/main");
  const commit = repo.headOf(branch);
  const path = normalizePath(input.yamlFilename);
  if (!commit?.files.has(path))
    throw errors.buildValidation(
      `An error occurred while loading the YAML build pipeline. File ${path} not found in repository ${repo.name} branch ${branch} version ${commit?.commitId ?? ""}.`,
    );
}

function createDefinitionRoute(req: ApiRequest): ApiResult {
  const project = req.project!;
  const input = readDefinition(req, project);
  demand(
    req,
    "EditBuildDefinition",
    denials.editDefinition(req, `${input.path}\\${input.name}`.replace(/^\\\\/, "\\")),
  );
  if (req.core.state.behaviour.yamlFileRequiredOnCreate) requireYamlFile(req, input);
  const def = createDefinition(req.core.state, project, input);
  return { status: 200, body: definitionJson(req, project, def, true) };
}

function updateDefinitionRoute(req: ApiRequest): ApiResult {
  const project = req.project!;
  const def = definitionFrom(req);
  const body = (req.body ?? {}) as DefinitionBody;
  if (Number(body.id) !== def.id) throw errors.definitionIdMismatch(def.id, body.id);
  demand(req, "EditBuildDefinition", denials.editDefinition(req, def.name));
  // The service reports a stale (or missing) revision as "not found", not as a conflict.
  if (body.revision !== def.revision) throw errors.definitionNotFound(def.id);
  updateDefinition(project, def, readDefinition(req, project));
  return { status: 200, body: definitionJson(req, project, def, true) };
}

function getDefinition(req: ApiRequest): ApiResult {
  return { status: 200, body: definitionJson(req, req.project!, definitionFrom(req), true) };
}

function wildcard(pattern: string): (name: string) => boolean {
  if (!pattern.includes("*")) return (name) => name.toLowerCase() === pattern.toLowerCase();
  const re = new RegExp(
    "^" +
      pattern
        .split("*")
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*") +
      "$",
    "i",
  );
  return (name) => re.test(name);
}

function listDefinitions(req: ApiRequest): ApiResult {
  const project = req.project!;
  if (isDenied(req, "ViewBuildDefinition")) return { status: 200, body: collection(req.wire, []) };
  const q = req.query;
  const name = q.get("name");
  // Lookups by exact name use the index: a project with thousands of definitions answers at once.
  let defs: StoredDefinition[] =
    name && !name.includes("*")
      ? [...(project.definitionsByName.get(name.toLowerCase()) ?? [])]
      : [...project.definitions.values()];
  if (name && name.includes("*")) defs = defs.filter((d) => wildcard(name)(d.name));
  const path = q.get("path");
  if (path) defs = defs.filter((d) => d.path.toLowerCase() === normalizeFolder(path).toLowerCase());
  const repositoryId = q.get("repositoryId");
  if (repositoryId) defs = defs.filter((d) => d.repositoryId === repositoryId.toLowerCase());
  const yamlFilename = q.get("yamlFilename");
  if (yamlFilename)
    defs = defs.filter(
      (d) =>
        d.yamlFilename.replace(/^\//, "").toLowerCase() ===
        yamlFilename.replace(/^\//, "").toLowerCase(),
    );
  const ids = q.get("definitionIds");
  if (ids) {
    const wanted = new Set(ids.split(",").map(Number));
    defs = defs.filter((d) => wanted.has(d.id));
  }
  const order = (q.get("queryOrder") ?? "").toLowerCase();
  if (order === "definitionnameascending" || order === "3")
    defs.sort((a, b) => a.name.localeCompare(b.name));
  else if (order === "definitionnamedescending" || order === "4")
    defs.sort((a, b) => b.name.localeCompare(a.name));
  else defs.sort((a, b) => a.id - b.id);
  const start = Number(q.get("continuationToken") ?? 0) || 0;
  const top = q.int("$top");
  const page = top !== undefined ? defs.slice(start, start + top) : defs.slice(start);
  const headers: Record<string, string> = {};
  if (top !== undefined && start + top < defs.length)
    headers["x-ms-continuationtoken"] = String(start + top);
  const full = q.bool("includeAllProperties");
  return {
    status: 200,
    headers,
    body: collection(
      req.wire,
      page.map((d) => definitionJson(req, project, d, full)),
    ),
  };
}

export const buildRoutes: Route[] = [
  {
    method: "GET",
    template: "_apis/build/definitions",
    scope: "project",
    handler: listDefinitions,
  },
  {
    method: "POST",
    template: "_apis/build/definitions",
    scope: "project",
    handler: createDefinitionRoute,
  },
  {
    method: "GET",
    template: "_apis/build/definitions/{definitionId}",
    scope: "project",
    handler: getDefinition,
  },
  {
    method: "PUT",
    template: "_apis/build/definitions/{definitionId}",
    scope: "project",
    handler: updateDefinitionRoute,
  },
];
