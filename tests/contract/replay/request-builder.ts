// Builds a 7.1 request from a recorded example: the path from the operation's template and the
// example's parameters (with ids mapped by the caller), the declared query parameters the example
// carries, and its body. The api-version goes in the query, as in the recordings; the Accept header
// asks for plain JSON (no enumsAsNumbers, no noArrayWrap), the format the recordings show.
import type { SpecOperation } from "../spec-index";
import type { RecordedExample } from "./recorded";

export interface ReplayRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export interface RequestMapping {
  organization: string;
  project: string;
  /** Path parameter values that replace the recorded ones (emulator ids). */
  pathValues?: Record<string, string>;
  /** Query values that replace or add to the recorded ones. */
  query?: Record<string, string>;
  /** The body to send instead of the recorded one (already id-mapped). */
  body?: unknown;
}

/** Recorded parameter names that stand for a path parameter of the 7.1 template. */
const PATH_ALIASES: Record<string, string[]> = {
  organization: ["account"],
  repositoryId: ["tempRepoId"],
};

export function recordedRequest(
  op: SpecOperation,
  ex: RecordedExample,
  map: RequestMapping,
): ReplayRequest {
  const params = ex.parameters;
  const fromUrl = pathValuesFromUrl(op, ex.requestUrl);
  const valueOf = (name: string): string | undefined => {
    if (map.pathValues?.[name] !== undefined) return map.pathValues[name];
    if (name === "organization") return map.organization;
    if (name === "project") return map.project;
    for (const key of [name, ...(PATH_ALIASES[name] ?? [])])
      if (params[key] !== undefined) return String(params[key]);
    return fromUrl[name];
  };
  const path =
    "/" +
    op.segments
      .map((s) => {
        if (s.literal !== undefined) return s.literal;
        const v = valueOf(s.param!);
        if (v === undefined)
          throw new Error(
            `${ex.file}: no value for path parameter {${s.param}}; add it to the mapping`,
          );
        return encodeURIComponent(v);
      })
      .join("/");
  const query: Record<string, string> = {};
  for (const p of op.queryParams.values()) {
    const key = Object.keys(params).find((k) => k.toLowerCase() === p.name.toLowerCase());
    if (key !== undefined && params[key] !== null) query[p.name] = String(params[key]);
  }
  if (op.operationId === "Items_Get" && query.path === undefined && query.scopePath !== undefined) {
    // Recorded at 1.0 with scopePath; at 7.x the single-item overload (items?path=) is chosen by
    // `path`.
    query.path = query.scopePath;
    delete query.scopePath;
  }
  Object.assign(query, map.query ?? {});
  const version = op.apiVersion.preview ? `7.1-preview.${op.apiVersion.resourceVersion}` : "7.1";
  query["api-version"] = version;
  const body = map.body !== undefined ? map.body : (params.body ?? undefined);
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined && body !== null) headers["content-type"] = "application/json";
  return { method: op.method, path, query, headers, body: body ?? undefined };
}

/**
 * The recorded response body to compare with. Items_Get examples were recorded at api-version 1.0
 * with `scopePath`, which then answered a one-item list; at 7.x `path` answers the item itself, so
 * the recorded list's first item is the expected body.
 */
export function expectedBody(op: SpecOperation, ex: RecordedExample): unknown {
  const body = ex.body as { value?: unknown[] } | undefined;
  if (op.operationId === "Items_Get" && body && Array.isArray(body.value)) return body.value[0];
  return ex.body;
}

/** Some recordings carry path values only in their request URL (x-ms-vss-request-url). */
function pathValuesFromUrl(op: SpecOperation, url: string | undefined): Record<string, string> {
  if (!url) return {};
  const segs = new URL(url).pathname
    .split("/")
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  const withProject = op.segments;
  const withoutProject = op.segments.filter((s) => s.param !== "project");
  const template =
    segs.length === withProject.length
      ? withProject
      : segs.length === withoutProject.length
        ? withoutProject
        : undefined;
  const values: Record<string, string> = {};
  template?.forEach((s, i) => {
    if (s.param !== undefined) values[s.param] = segs[i];
  });
  return values;
}
