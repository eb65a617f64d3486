// Matches a request path (/demo-org/Demo/_apis/git/repositories/abc/pushes) to a spec operation
// (/{organization}/{project}/_apis/git/repositories/{repositoryId}/pushes), case-insensitively as
// the service routes. Literal segments beat parameters; {project} may be omitted where the spec
// says x-ms-required: false; x-ms-paths overloads (items?path={path}) are chosen by the query keys
// present.
import type { SpecOperation } from "./spec-index";

export interface RouteMatch {
  op: SpecOperation;
  /** Path parameter values, decoded. */
  pathValues: Record<string, string>;
}

export interface RouteResult {
  match?: RouteMatch;
  /** Methods the path supports when the requested one is not among them. */
  otherMethods: string[];
}

interface Candidate extends RouteMatch {
  omitted: number;
  literals: number;
}

const MAX_CACHE = 5000;
const cache = new Map<string, RouteResult>();

export function matchRoute(
  ops: SpecOperation[],
  cacheKey: string,
  method: string,
  path: string,
  query: Record<string, string>,
): RouteResult {
  const queryKeys = Object.keys(query)
    .map((k) => k.toLowerCase())
    .sort();
  const key = `${cacheKey}|${method}|${path}|${queryKeys.join("&")}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = computeMatch(ops, method.toUpperCase(), splitPath(path), new Set(queryKeys));
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(key, result);
  return result;
}

export function splitPath(path: string): string[] {
  return path
    .split("?")[0]
    .split("/")
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

function computeMatch(
  ops: SpecOperation[],
  method: string,
  segs: string[],
  queryKeys: Set<string>,
): RouteResult {
  const candidates: Candidate[] = [];
  const otherMethods = new Set<string>();
  for (const op of ops) {
    const found = matchSegments(op, segs);
    if (!found) continue;
    if (op.method !== method) {
      otherMethods.add(op.method);
      continue;
    }
    candidates.push(found);
  }
  if (candidates.length === 0) return { otherMethods: [...otherMethods].sort() };
  candidates.sort((a, b) => a.omitted - b.omitted || b.literals - a.literals);
  const best = candidates.filter(
    (c) => c.omitted === candidates[0].omitted && c.literals === candidates[0].literals,
  );
  return { match: chooseOverload(best, queryKeys), otherMethods: [] };
}

function matchSegments(op: SpecOperation, segs: string[]): Candidate | undefined {
  const full = tryTemplate(op, op.segments, segs);
  if (full) return { op, pathValues: full.values, omitted: 0, literals: full.literals };
  // "{project}" marked x-ms-required: false may be left out of the URL (organization-scoped call).
  const projectIndex = op.segments.findIndex((s) => s.param === "project");
  if (projectIndex >= 0 && op.pathParams.get("project")?.optionalSegment) {
    const shorter = op.segments.filter((_, i) => i !== projectIndex);
    const partial = tryTemplate(op, shorter, segs);
    if (partial) return { op, pathValues: partial.values, omitted: 1, literals: partial.literals };
  }
  return undefined;
}

function tryTemplate(
  op: SpecOperation,
  template: SpecOperation["segments"],
  segs: string[],
): { values: Record<string, string>; literals: number } | undefined {
  if (template.length !== segs.length) return undefined;
  const values: Record<string, string> = {};
  let literals = 0;
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    if (t.literal !== undefined) {
      if (segs[i].toLowerCase() !== t.literal) return undefined;
      literals++;
    } else {
      values[t.param!] = segs[i];
    }
  }
  return { values, literals };
}

/**
 * Among same-route overloads, the one whose required query keys are all present, with the most
 * keys.
 */
function chooseOverload(cands: Candidate[], queryKeys: Set<string>): Candidate {
  if (cands.length === 1) return cands[0];
  let best: Candidate | undefined;
  let bestKeys = -1;
  let fallback = cands[0];
  let fewestMissing = Infinity;
  for (const c of cands) {
    const needed = new Set(c.op.discriminatingQuery);
    for (const p of c.op.queryParams.values()) if (p.required) needed.add(p.name.toLowerCase());
    const missing = [...needed].filter((k) => !queryKeys.has(k)).length;
    if (missing === 0 && needed.size > bestKeys) {
      best = c;
      bestKeys = needed.size;
    }
    if (missing < fewestMissing) {
      fewestMissing = missing;
      fallback = c;
    }
  }
  return best ?? fallback;
}
