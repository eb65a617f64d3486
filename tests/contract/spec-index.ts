// Loads Microsoft's Swagger 2.0 specs (tests/fixtures/ado-rest-specs/<area>/<version>/*.json) once
// per process and indexes their operations for route matching.
import * as fs from "fs";
import * as path from "path";
import { SPECS_DIR } from "../reference/paths";

export type SpecVersion = "7.1" | "7.2";
export const SPEC_VERSIONS: SpecVersion[] = ["7.1", "7.2"];

/**
 * The spec file of each area the emulator plays. The copy under tests/fixtures holds each whole, at
 * every version above: a trimmed file would turn the routes it lost into unknown routes.
 */
export const SPEC_FILES: Readonly<Record<string, string>> = {
  approvalsAndChecks: "pipelinePermissions.json",
  build: "build.json",
  core: "core.json",
  distributedTask: "taskAgent.json",
  git: "git.json",
  pipelines: "pipelines.json",
  security: "security.json",
  serviceEndpoint: "serviceEndpoint.json",
};

/** Default location: the copy in the repository. */
export const DEFAULT_SPECS_DIR = SPECS_DIR;

export class SpecsUnavailableError extends Error {
  constructor(dir: string, detail: string) {
    super(
      `The Azure DevOps REST specs could not be loaded from ${dir}: ${detail}. ` +
        "Remedy: the copy in tests/fixtures/ado-rest-specs is part of the repository; restore it " +
        "from git, or refresh it with scripts/refresh-reference.js (see tests/fixtures/README.md), " +
        "or pass specsDir to createContractChecker.",
    );
    this.name = "SpecsUnavailableError";
  }
}

/** A Swagger parameter after resolving `#/parameters/...` refs. */
export interface SpecParameter {
  name: string;
  in: "path" | "query" | "body" | "header" | "formData";
  required: boolean;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: { type?: string; format?: string };
  schema?: SwaggerSchema;
  /** x-ms-required: false marks the {project} segment as omittable. */
  optionalSegment: boolean;
}

export type SwaggerSchema = { [key: string]: unknown };

/** One spec file (one area at one version). */
export interface SpecDocument {
  key: string; // e.g. "git@7.2"
  area: string;
  version: SpecVersion;
  file: string;
  definitions: Record<string, SwaggerSchema>;
}

/** What the operation's api-version parameter demands. */
export interface ApiVersionRequirement {
  preview: boolean;
  /** N of "-preview.N" when preview. */
  resourceVersion?: number;
}

export interface SpecOperation {
  doc: SpecDocument;
  operationId: string;
  method: string; // upper case
  /** The path template as written in the spec (with x-ms-paths' "?query" part removed). */
  template: string;
  /** Lower-cased literal segments or {param} names. */
  segments: { literal?: string; param?: string }[];
  /** Query keys the x-ms-paths key demands (e.g. items?path={path} → ["path"]). */
  discriminatingQuery: string[];
  pathParams: Map<string, SpecParameter>;
  /** Query parameters keyed by lower-cased name. */
  queryParams: Map<string, SpecParameter>;
  body?: SpecParameter;
  apiVersion: ApiVersionRequirement;
  /** status → schema (undefined when the status has no body). */
  responses: Map<number, SwaggerSchema | undefined>;
  produces: string[];
  consumes: string[];
  /** Recorded examples referenced by x-ms-examples (paths relative to the spec's folder). */
  examples: string[];
}

export interface SpecIndex {
  dir: string;
  docs: SpecDocument[];
  /** version → operations */
  operations: Map<SpecVersion, SpecOperation[]>;
}

const HTTP_METHODS = new Set(["get", "put", "post", "patch", "delete", "head", "options"]);
const cache = new Map<string, SpecIndex>();

export function loadSpecIndex(dir: string = DEFAULT_SPECS_DIR): SpecIndex {
  const cached = cache.get(dir);
  if (cached) return cached;
  if (!fs.existsSync(dir)) throw new SpecsUnavailableError(dir, "the folder does not exist");
  const index: SpecIndex = {
    dir,
    docs: [],
    operations: new Map(SPEC_VERSIONS.map((v) => [v, []])),
  };
  for (const area of fs.readdirSync(dir).sort()) {
    for (const version of SPEC_VERSIONS) {
      const folder = path.join(dir, area, version);
      if (!fs.existsSync(folder)) continue;
      for (const name of fs
        .readdirSync(folder)
        .filter((n) => n.endsWith(".json"))
        .sort()) {
        indexFile(index, area, version, path.join(folder, name));
      }
    }
  }
  if (index.docs.length === 0)
    throw new SpecsUnavailableError(dir, "no <area>/<version>/*.json spec was found");
  cache.set(dir, index);
  return index;
}

/** Microsoft's spec and example files start with a UTF-8 byte-order mark (kept in the copy). */
export function readJsonWithBom(file: string): unknown {
  const text = fs.readFileSync(file, "utf8");
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function indexFile(index: SpecIndex, area: string, version: SpecVersion, file: string): void {
  let raw: SwaggerSchema;
  try {
    raw = readJsonWithBom(file) as SwaggerSchema;
  } catch (e) {
    throw new SpecsUnavailableError(file, `not valid JSON (${(e as Error).message})`);
  }
  const doc: SpecDocument = {
    key: `${area}@${version}`,
    area: area.toLowerCase(),
    version,
    file,
    definitions: (raw.definitions ?? {}) as Record<string, SwaggerSchema>,
  };
  index.docs.push(doc);
  const sharedParams = (raw.parameters ?? {}) as Record<string, SwaggerSchema>;
  const ops = index.operations.get(version)!;
  for (const source of ["paths", "x-ms-paths"]) {
    const paths = (raw[source] ?? {}) as Record<string, Record<string, SwaggerSchema>>;
    for (const [key, item] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method)) continue;
        ops.push(buildOperation(doc, key, method, op, sharedParams));
      }
    }
  }
}

function buildOperation(
  doc: SpecDocument,
  key: string,
  method: string,
  op: SwaggerSchema,
  shared: Record<string, SwaggerSchema>,
): SpecOperation {
  const [template, queryPart] = splitKey(key);
  const pathParams = new Map<string, SpecParameter>();
  const queryParams = new Map<string, SpecParameter>();
  let body: SpecParameter | undefined;
  let apiVersion: ApiVersionRequirement = { preview: false };
  for (const rawParam of (op.parameters ?? []) as SwaggerSchema[]) {
    const ref = rawParam.$ref as string | undefined;
    const p = ref ? shared[ref.replace("#/parameters/", "")] : rawParam;
    if (!p) continue;
    const param: SpecParameter = {
      name: p.name as string,
      in: p.in as SpecParameter["in"],
      required: p.required === true,
      type: p.type as string | undefined,
      format: p.format as string | undefined,
      enum: p.enum as unknown[] | undefined,
      items: p.items as SpecParameter["items"],
      schema: p.schema as SwaggerSchema | undefined,
      optionalSegment: p["x-ms-required"] === false,
    };
    if (param.name === "api-version") {
      const m = /preview\.(\d+)/.exec(ref ?? "");
      apiVersion = m ? { preview: true, resourceVersion: Number(m[1]) } : { preview: false };
      continue;
    }
    if (param.in === "path") pathParams.set(param.name, param);
    else if (param.in === "query") queryParams.set(param.name.toLowerCase(), param);
    else if (param.in === "body") body = param;
  }
  const responses = new Map<number, SwaggerSchema | undefined>();
  for (const [status, r] of Object.entries((op.responses ?? {}) as Record<string, SwaggerSchema>)) {
    if (/^\d+$/.test(status)) responses.set(Number(status), r.schema as SwaggerSchema | undefined);
  }
  return {
    doc,
    operationId: op.operationId as string,
    method: method.toUpperCase(),
    template,
    segments: template
      .split("/")
      .filter(Boolean)
      .map((s) => {
        const m = /^\{(.+)\}$/.exec(s);
        return m ? { param: m[1] } : { literal: s.toLowerCase() };
      }),
    discriminatingQuery: queryPart
      ? [...queryPart.matchAll(/([^?&=]+)=\{/g)].map((m) => m[1].toLowerCase())
      : [],
    pathParams,
    queryParams,
    body,
    apiVersion,
    responses,
    produces: (op.produces ?? []) as string[],
    consumes: (op.consumes ?? []) as string[],
    examples: Object.values((op["x-ms-examples"] ?? {}) as Record<string, { $ref: string }>).map(
      (e) => e.$ref,
    ),
  };
}

function splitKey(key: string): [string, string | undefined] {
  const q = key.indexOf("?");
  return q < 0 ? [key, undefined] : [key.slice(0, q), key.slice(q + 1)];
}
