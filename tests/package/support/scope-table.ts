// Reads configs/scopes.json (REST area → scope, and which scopes include which) and Microsoft's
// specs (which scopes allow each operation), and answers the questions the scope tests ask.
import * as fs from "fs";
import * as path from "path";
import { loadSpecIndex, readJsonWithBom, SpecOperation } from "../../contract/spec-index";
import { REPO_ROOT } from "./paths";

export interface ScopeTable {
  /** Area → the scopes that, together, allow every call the hub makes in it. */
  areas: Record<string, { scopes: string[]; calls: string }>;
  implies: Record<string, string[]>;
}

export function loadScopeTable(): ScopeTable {
  return JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, "configs/scopes.json"), "utf8"),
  ) as ScopeTable;
}

/** Scopes and every scope they include, transitively. */
export function closure(table: ScopeTable, scopes: string | Iterable<string>): Set<string> {
  const out = new Set<string>();
  const todo = typeof scopes === "string" ? [scopes] : [...scopes];
  while (todo.length) {
    const s = todo.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    todo.push(...(table.implies[s] ?? []));
  }
  return out;
}

/** The scopes of a list that no other scope of the list includes (what a manifest must declare). */
export function fewest(table: ScopeTable, scopes: Iterable<string>): string[] {
  const list = [...new Set(scopes)];
  return list.filter((s) => !list.some((o) => o !== s && closure(table, o).has(s))).sort();
}

/** The path after `_apis/`, lower case; undefined for a path that is not a REST route. */
export function routeAfterApis(requestPath: string): string | undefined {
  const m = /(?:^|\/)_apis\/(.*)$/i.exec(requestPath);
  return m ? m[1].toLowerCase().replace(/\/+$/, "") : undefined;
}

/** The table's area for a request path: the longest key that prefixes the route after _apis/. */
export function areaOf(table: ScopeTable, requestPath: string): string | undefined {
  const route = routeAfterApis(requestPath);
  if (route === undefined) return undefined;
  return Object.keys(table.areas)
    .filter((a) => route === a || route.startsWith(`${a}/`))
    .sort((a, b) => b.length - a.length)[0];
}

type SecurityByPath = Record<string, Record<string, { security?: { oauth2?: string[] }[] }>>;
const securityCache = new Map<string, SecurityByPath>();

/**
 * The `oauth2` scopes an operation lists (Microsoft lists every scope that allows it: any one
 * suffices).
 */
function operationScopes(op: SpecOperation): string[] {
  let paths = securityCache.get(op.doc.file);
  if (!paths) {
    const raw = readJsonWithBom(op.doc.file) as Record<string, unknown>;
    paths = {
      ...(raw.paths as object),
      ...((raw["x-ms-paths"] as object) ?? {}),
    } as SecurityByPath;
    securityCache.set(op.doc.file, paths);
  }
  const scopes = new Set<string>();
  for (const [key, item] of Object.entries(paths)) {
    if (key.split("?")[0] !== op.template) continue;
    for (const req of item[op.method.toLowerCase()]?.security ?? [])
      for (const s of req.oauth2 ?? []) scopes.add(s);
  }
  return [...scopes];
}

export interface MatchedOperation {
  operationId: string;
  /** Any one of these allows the call. */
  anyOf: string[];
}

/**
 * The spec operations a request can be (same method, same number of segments, equal literals), with
 * the scopes each allows. Requests are relative to the organization URL, so "{organization}" is
 * prepended.
 */
export function matchOperations(httpMethod: string, requestPath: string): MatchedOperation[] {
  const segs = ["org", ...requestPath.split("/").filter(Boolean)].map((s) => s.toLowerCase());
  const found = new Map<string, MatchedOperation>();
  for (const ops of loadSpecIndex().operations.values()) {
    for (const op of ops) {
      if (op.method !== httpMethod || op.segments.length !== segs.length) continue;
      if (!op.segments.every((s, i) => s.param !== undefined || s.literal === segs[i])) continue;
      const anyOf = operationScopes(op);
      // Same operation in 7.1 and 7.2: keep one entry, union of scopes.
      const prev = found.get(op.operationId);
      found.set(op.operationId, {
        operationId: op.operationId,
        anyOf: [...new Set([...(prev?.anyOf ?? []), ...anyOf])],
      });
    }
  }
  return [...found.values()];
}

/** Does a set of granted scopes allow the operation? An operation listing no scope needs none. */
export function allows(grantedScopes: Set<string>, op: MatchedOperation): boolean {
  return op.anyOf.length === 0 || op.anyOf.some((s) => grantedScopes.has(s));
}
