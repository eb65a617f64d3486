// What a request says about versions and wire format: the api-version (query or Accept header) and
// the VSS media-type options the extension-api clients put in Accept, for example
//   application/json;api-version=7.2-preview.2;excludeUrls=true;enumsAsNumbers=true;
//   msDateFormat=true;noArrayWrap=true
import type { SpecVersion } from "./spec-index";

export type Headers = Record<string, string | string[] | undefined>;

export interface RequestFormat {
  /** api-version as sent, if any. */
  apiVersion?: string;
  /** Where it came from. */
  apiVersionSource?: "query" | "accept";
  /**
   * The Accept media type (lower case), e.g. application/json or text/plain; undefined when absent.
   */
  acceptType?: string;
  enumsAsNumbers: boolean;
  msDateFormat: boolean;
  noArrayWrap: boolean;
}

export interface ParsedApiVersion {
  major: number;
  minor: number;
  preview: boolean;
  /** N in -preview.N */
  resourceVersion?: number;
}

export function headerValue(headers: Headers, name: string): string | undefined {
  const lower = name.toLowerCase();
  let value = headers[lower];
  if (value === undefined) {
    // Node lower-cases incoming header names; hand-built requests may not.
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) value = v;
  }
  return Array.isArray(value) ? value.join(",") : value;
}

/** Case-insensitive query lookup (the service binds query names case-insensitively). */
export function queryValue(query: Record<string, string>, name: string): string | undefined {
  if (name in query) return query[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(query)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function readRequestFormat(headers: Headers, query: Record<string, string>): RequestFormat {
  const format: RequestFormat = { enumsAsNumbers: false, msDateFormat: false, noArrayWrap: false };
  const accept = headerValue(headers, "accept");
  if (accept) {
    // Only the first media range carries the VSS options.
    const [type, ...params] = accept
      .split(",")[0]
      .split(";")
      .map((s) => s.trim());
    format.acceptType = type.toLowerCase();
    for (const p of params) {
      const eq = p.indexOf("=");
      if (eq < 0) continue;
      const key = p.slice(0, eq).trim().toLowerCase();
      const value = p.slice(eq + 1).trim();
      if (key === "api-version") {
        format.apiVersion = value;
        format.apiVersionSource = "accept";
      } else if (key === "enumsasnumbers") format.enumsAsNumbers = value.toLowerCase() === "true";
      else if (key === "msdateformat") format.msDateFormat = value.toLowerCase() === "true";
      else if (key === "noarraywrap") format.noArrayWrap = value.toLowerCase() === "true";
    }
  }
  const fromQuery = queryValue(query, "api-version");
  if (fromQuery !== undefined) {
    format.apiVersion = fromQuery;
    format.apiVersionSource = "query";
  }
  return format;
}

export function parseApiVersion(v: string): ParsedApiVersion | undefined {
  const m = /^(\d+)\.(\d+)(-preview(?:\.(\d+))?)?$/i.exec(v.trim());
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    preview: m[3] !== undefined,
    resourceVersion: m[4] !== undefined ? Number(m[4]) : undefined,
  };
}

export function specVersionOf(v: ParsedApiVersion): SpecVersion | undefined {
  if (v.major === 7 && v.minor === 1) return "7.1";
  if (v.major === 7 && v.minor === 2) return "7.2";
  return undefined;
}

/** Is the response expected to be JSON? Decided by the Accept media type and `$format`. */
export function expectsJson(format: RequestFormat, query: Record<string, string>): boolean {
  const dollarFormat = queryValue(query, "$format");
  if (dollarFormat !== undefined) return dollarFormat.toLowerCase() === "json";
  if (!format.acceptType || format.acceptType === "*/*") return true;
  return format.acceptType.includes("json");
}
