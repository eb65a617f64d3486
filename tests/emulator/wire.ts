// How a request and its answer look on the wire: the Accept header's options (api-version,
// enumsAsNumbers, msDateFormat, noArrayWrap, excludeUrls), api-version validation, JSON with
// Microsoft's "\/Date(ms)\/" dates, and the collection wrapper {count, value}.
import type { IncomingHttpHeaders } from "node:http";
import { errors } from "./errors";

/** The newest REST API version this emulator plays (Azure DevOps Services in 2025). */
export const LATEST_API_VERSION = "7.2";

export interface AcceptOptions {
  mediaType: string;
  apiVersion?: string;
  enumsAsNumbers: boolean;
  msDateFormat: boolean;
  noArrayWrap: boolean;
  excludeUrls: boolean;
}

/** Reads `application/json;api-version=7.2-preview.2;enumsAsNumbers=true;...`. */
export function parseAccept(header: string | undefined): AcceptOptions {
  const parts = (header ?? "").split(";").map((p) => p.trim());
  const options = new Map<string, string>();
  for (const part of parts.slice(1)) {
    const eq = part.indexOf("=");
    if (eq > 0) options.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const flag = (name: string) => (options.get(name) ?? "").toLowerCase() === "true";
  return {
    mediaType: (parts[0] || "application/json").toLowerCase(),
    apiVersion: options.get("api-version"),
    enumsAsNumbers: flag("enumsasnumbers"),
    msDateFormat: flag("msdateformat"),
    noArrayWrap: flag("noarraywrap"),
    excludeUrls: flag("excludeurls"),
  };
}

/**
 * Enforces the service's api-version rules: writes need a version; versions above the latest are
 * out of range; the latest version is preview-only, so "7.2" without "-preview" is refused.
 */
export function checkApiVersion(
  method: string,
  version: string | undefined,
  served = { latest: LATEST_API_VERSION, latestIsPreviewOnly: true },
): void {
  if (!version) {
    if (method !== "GET" && method !== "HEAD") throw errors.versionNotSpecified(method);
    return;
  }
  const m = /^(\d+)\.(\d+)(-preview(\.\d+)?)?$/i.exec(version.trim());
  if (!m) throw errors.versionInvalid(version);
  const [major, minor] = [Number(m[1]), Number(m[2])];
  const [latestMajor, latestMinor] = served.latest.split(".").map(Number);
  if (major > latestMajor || (major === latestMajor && minor > latestMinor)) {
    throw errors.versionOutOfRange(`${major}.${minor}`, served.latest);
  }
  if (served.latestIsPreviewOnly && major === latestMajor && minor === latestMinor && !m[3])
    throw errors.versionPreviewRequired(`${major}.${minor}`);
}

/** The per-request view handlers need to shape their answer the way the client asked. */
export interface WireFormat {
  enumsAsNumbers: boolean;
  noArrayWrap: boolean;
  excludeUrls: boolean;
}

/**
 * An enum value as the client asked for it: its number with enumsAsNumbers, else its camelCase
 * name.
 */
export function enumValue(wire: WireFormat, name: string, value: number): string | number {
  return wire.enumsAsNumbers ? value : name;
}

/** A list answer: a bare array with noArrayWrap, else the service's {count, value} wrapper. */
export function collection<T>(wire: WireFormat, items: T[]): T[] | { count: number; value: T[] } {
  return wire.noArrayWrap ? items : { count: items.length, value: items };
}

const MS_DATE_MARK = "\u0000MSDATE:";

/**
 * Serializes a handler's body. Handlers put Date objects where the service returns dates; they
 * become "\/Date(ms)\/" when the client asked for msDateFormat (the escaped slashes are what the
 * client's deserializer looks for), ISO 8601 otherwise.
 */
export function toJson(body: unknown, msDateFormat: boolean): string {
  const text = JSON.stringify(
    body,
    function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      if (raw instanceof Date)
        return msDateFormat ? `${MS_DATE_MARK}${raw.getTime()}` : raw.toISOString();
      return value;
    },
  );
  if (text === undefined) return "";
  return msDateFormat ? text.replace(/"\\u0000MSDATE:(-?\d+)"/g, '"\\/Date($1)\\/"') : text;
}

/** The same body as plain JSON values (dates as ISO strings), for the contract checker. */
export function toPlain(body: unknown): unknown {
  if (body === undefined) return undefined;
  return JSON.parse(toJson(body, false) || "null");
}

/** Query parameters are case-insensitive at the service. */
export class Query {
  private readonly lower = new Map<string, string>();
  constructor(readonly raw: Record<string, string>) {
    for (const [k, v] of Object.entries(raw)) this.lower.set(k.toLowerCase(), v);
  }
  get(name: string): string | undefined {
    return this.lower.get(name.toLowerCase());
  }
  bool(name: string): boolean {
    return (this.get(name) ?? "").toLowerCase() === "true";
  }
  int(name: string): number | undefined {
    const v = this.get(name);
    if (v === undefined || v === "") return undefined;
    const n = Number(v);
    if (!Number.isInteger(n)) throw errors.badRequest(`The value '${v}' is not valid for ${name}.`);
    return n;
  }
}

/** Reads an enum sent either by name (any case) or by number. */
export function readEnum(value: unknown, names: Record<string, number>): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "number") return value;
  const s = String(value);
  if (/^-?\d+$/.test(s)) return Number(s);
  for (const [k, v] of Object.entries(names)) if (k.toLowerCase() === s.toLowerCase()) return v;
  return undefined;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
