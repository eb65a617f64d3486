// pipelines: the Pipelines API view of the YAML build definitions (same ids), and their runs.
import { parse as parseYaml } from "yaml";
import type { ApiRequest, ApiResult, Route } from "../router";
import type { Project, StoredDefinition, StoredRun } from "../state";
import { errors } from "../errors";
import { demand, denials, isDenied } from "../permissions";
import { apiUrl, links } from "../shapes";
import { collection, enumValue } from "../wire";
import { queueRun } from "../buildStore";
import { fullRef, normalizePath } from "../gitStore";
import { definitionFrom } from "./build";

const RunState = { unknown: 0, inProgress: 1, canceling: 2, completed: 4 };
const RunResult = { unknown: 0, succeeded: 1, failed: 2, canceled: 4 };

function pipelineRef(
  req: ApiRequest,
  project: Project,
  def: StoredDefinition,
): Record<string, unknown> {
  const url = apiUrl(req, `${project.id}/_apis/pipelines/${def.id}?revision=${def.revision}`);
  return {
    ...links(req, {
      self: url,
      web: `${req.core.orgUrl}${project.id}/_build/definition?definitionId=${def.id}`,
    }),
    url,
    id: def.id,
    revision: def.revision,
    name: def.name,
    folder: def.path,
  };
}

function pipelineJson(
  req: ApiRequest,
  project: Project,
  def: StoredDefinition,
): Record<string, unknown> {
  return {
    ...pipelineRef(req, project, def),
    configuration: {
      path: def.yamlFilename,
      repository: { id: def.repositoryId, type: enumValue(req.wire, "azureReposGit", 2) },
      type: enumValue(req.wire, "yaml", 1),
    },
  };
}

function runJson(
  req: ApiRequest,
  project: Project,
  def: StoredDefinition,
  run: StoredRun,
  detail: "list" | "get" = "get",
): Record<string, unknown> {
  const url = apiUrl(req, `${project.id}/_apis/pipelines/${def.id}/runs/${run.id}`);
  const { _links: _omit, ...pipeline } = pipelineRef(req, project, def);
  const variables = Object.fromEntries(
    Object.entries(run.variables).map(([k, v]) => [
      k,
      v.isSecret ? { isSecret: true } : { value: v.value ?? "" },
    ]),
  );
  return {
    ...links(req, {
      self: url,
      web: `${req.core.orgUrl}${project.id}/_build/results?buildId=${run.id}`,
      "pipeline.web": `${req.core.orgUrl}${project.id}/_build/definition?definitionId=${def.id}`,
    }),
    // Runs - List is reported to leave out templateParameters (KNOWN-DIFFERENCES.md): only
    // Runs - Get carries them.
    ...(detail === "get" ? { templateParameters: run.templateParameters } : {}),
    pipeline,
    state: enumValue(req.wire, run.state, RunState[run.state]),
    ...(run.result ? { result: enumValue(req.wire, run.result, RunResult[run.result]) } : {}),
    createdDate: new Date(run.createdDate),
    ...(run.finishedDate ? { finishedDate: new Date(run.finishedDate) } : {}),
    url,
    resources: {
      repositories: {
        self: {
          repository: { id: def.repositoryId, type: enumValue(req.wire, "azureReposGit", 2) },
          refName: run.refName,
          ...(run.version ? { version: run.version } : {}),
        },
      },
    },
    ...(Object.keys(variables).length ? { variables } : {}),
    id: run.id,
    name: run.name,
  };
}

function listPipelines(req: ApiRequest): ApiResult {
  const project = req.project!;
  if (isDenied(req, "ViewBuildDefinition")) return { status: 200, body: collection(req.wire, []) };
  const defs = [...project.definitions.values()];
  const order = (req.query.get("orderBy") ?? "name asc").toLowerCase();
  if (order.startsWith("name"))
    defs.sort((a, b) => a.name.localeCompare(b.name) * (order.endsWith("desc") ? -1 : 1));
  else defs.sort((a, b) => a.id - b.id);
  const start = Number(req.query.get("continuationToken") ?? 0) || 0;
  const top = req.query.int("$top");
  const page = top !== undefined ? defs.slice(start, start + top) : defs.slice(start);
  const headers: Record<string, string> = {};
  if (top !== undefined && start + top < defs.length)
    headers["x-ms-continuationtoken"] = String(start + top);
  return {
    status: 200,
    headers,
    body: collection(
      req.wire,
      page.map((d) => pipelineRef(req, project, d)),
    ),
  };
}

function getPipeline(req: ApiRequest): ApiResult {
  return {
    status: 200,
    body: pipelineJson(req, req.project!, definitionFrom(req, req.params.pipelineId)),
  };
}

function listRuns(req: ApiRequest): ApiResult {
  const project = req.project!;
  const def = definitionFrom(req, req.params.pipelineId);
  const runs = [...(project.runs.get(def.id) ?? [])].sort((a, b) => b.id - a.id);
  return {
    status: 200,
    body: collection(
      req.wire,
      runs.map((r) => runJson(req, project, def, r, "list")),
    ),
  };
}

function getRun(req: ApiRequest): ApiResult {
  const project = req.project!;
  const def = definitionFrom(req, req.params.pipelineId);
  const run = (project.runs.get(def.id) ?? []).find((r) => r.id === Number(req.params.runId));
  if (!run) throw errors.runNotFound(Number(req.params.runId));
  return { status: 200, body: runJson(req, project, def, run) };
}

interface RunBody {
  templateParameters?: Record<string, unknown>;
  variables?: Record<string, { value?: string; isSecret?: boolean }>;
  resources?: { repositories?: { self?: { refName?: string; version?: string } } };
  previewRun?: boolean;
}

function runPipeline(req: ApiRequest): ApiResult {
  const project = req.project!;
  const def = definitionFrom(req, req.params.pipelineId);
  demand(req, "QueueBuilds", denials.queueBuilds(req, def.name));
  const body = (req.body ?? {}) as RunBody;
  const repo = req.core.state.reposById.get(def.repositoryId);
  const refName = fullRef(
    body.resources?.repositories?.self?.refName ??
      def.defaultBranch ??
      repo?.defaultBranch ??
      "refs/heads/main",
  );
  const commit = repo?.headOf(refName);
  const yamlPath = normalizePath(def.yamlFilename);
  const yamlFile = commit?.files.get(yamlPath);
  if (!repo || !commit || !yamlFile) {
    throw errors.buildValidation(
      `An error occurred while loading the YAML build pipeline. File ${yamlPath} not found in repository ${repo?.name ?? def.repositoryId} branch ${refName} version ${commit?.commitId ?? ""}.`,
    );
  }
  const templateParameters = Object.fromEntries(
    Object.entries(body.templateParameters ?? {}).map(([k, v]) => [k, String(v)]),
  );
  checkTemplateParameters(yamlFile.content.toString("utf8"), templateParameters);
  if (body.previewRun)
    return {
      status: 200,
      body: { finalYaml: yamlFile.content.toString("utf8"), id: -1, name: "preview" },
    };
  const run = queueRun(req.core.state, project, def, {
    templateParameters,
    variables: body.variables,
    refName,
    version: commit.commitId,
  });
  return { status: 200, body: runJson(req, project, def, run) };
}

/** Runtime parameters must be declared in the YAML (`parameters: - name: ...`). */
function checkTemplateParameters(yamlText: string, given: Record<string, string>): void {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch (error) {
    throw errors.buildValidation(
      `The pipeline YAML is not valid: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  const declared = (doc as { parameters?: unknown })?.parameters;
  const names = new Set(
    Array.isArray(declared)
      ? declared.map((p) => String((p as { name?: unknown })?.name ?? ""))
      : [],
  );
  for (const name of Object.keys(given))
    if (!names.has(name)) throw errors.unexpectedParameter(name);
}

export const pipelineRoutes: Route[] = [
  { method: "GET", template: "_apis/pipelines", scope: "project", handler: listPipelines },
  {
    method: "GET",
    template: "_apis/pipelines/{pipelineId}",
    scope: "project",
    handler: getPipeline,
  },
  {
    method: "GET",
    template: "_apis/pipelines/{pipelineId}/runs",
    scope: "project",
    handler: listRuns,
  },
  {
    method: "POST",
    template: "_apis/pipelines/{pipelineId}/runs",
    scope: "project",
    handler: runPipeline,
  },
  {
    method: "GET",
    template: "_apis/pipelines/{pipelineId}/runs/{runId}",
    scope: "project",
    handler: getRun,
  },
];
