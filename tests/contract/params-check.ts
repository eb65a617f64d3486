// Checks path and query parameters of a matched request against the operation's declarations.
// Query strings carry text, so types are checked on the text: integers, booleans, enums (a name in
// any case, or a number: clients serialize enums as numbers), uuids, dates, comma-separated lists.
import { isIsoDateTime } from "./validators";
import type { SpecOperation, SpecParameter } from "./spec-index";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^-?\d+$/;
const BOOLEAN = /^(true|false)$/i;

/** Query parameters allowed on every operation besides the declared ones. */
export const ALWAYS_ALLOWED_QUERY = new Set(["api-version"]);

export function checkPathParams(op: SpecOperation, values: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const p = op.pathParams.get(name);
    if (!p) continue;
    const why = checkText(p, value);
    if (why) problems.push(`path parameter ${name}="${value}" ${why}`);
  }
  return problems;
}

export function checkQueryParams(op: SpecOperation, query: Record<string, string>): string[] {
  const problems: string[] = [];
  const present = new Map<string, string>();
  for (const [k, v] of Object.entries(query)) present.set(k.toLowerCase(), v);
  for (const [lower, p] of op.queryParams) {
    const value = present.get(lower);
    if (value === undefined) {
      if (p.required) problems.push(`required query parameter "${p.name}" is missing`);
      continue;
    }
    const why = checkText(p, value);
    if (why) problems.push(`query parameter ${p.name}="${value}" ${why}`);
  }
  for (const [lower] of present) {
    if (!op.queryParams.has(lower) && !ALWAYS_ALLOWED_QUERY.has(lower)) {
      const known = [...op.queryParams.values()].map((p) => p.name).join(", ") || "none";
      problems.push(`query parameter "${lower}" is not declared by the spec (declared: ${known})`);
    }
  }
  return problems;
}

/** Why a textual parameter value does not fit its declaration, or undefined when it fits. */
function checkText(p: SpecParameter, value: string): string | undefined {
  if (p.enum) {
    const names = new Set(p.enum.map((e) => String(e).toLowerCase()));
    const parts = value.split(",").map((s) => s.trim());
    if (parts.every((s) => names.has(s.toLowerCase()) || INTEGER.test(s))) return undefined;
    return `must be one of ${p.enum.join(", ")} (any case) or an enum number`;
  }
  switch (p.type) {
    case "integer":
      return INTEGER.test(value) && fitsFormat(p.format, Number(value))
        ? undefined
        : `must be an integer${p.format ? ` (${p.format})` : ""}`;
    case "boolean":
      return BOOLEAN.test(value) ? undefined : "must be true or false";
    case "array":
      return undefined;
    case "string":
      return checkStringFormat(p.format, value);
    default:
      return undefined;
  }
}

function fitsFormat(format: string | undefined, n: number): boolean {
  if (format === "int32") return n >= -2147483648 && n <= 2147483647;
  if (format === "int16") return n >= -32768 && n <= 32767;
  return Number.isSafeInteger(n);
}

function checkStringFormat(format: string | undefined, value: string): string | undefined {
  const list = value.split(",").map((s) => s.trim());
  switch (format) {
    case "uuid":
      return UUID.test(value) ? undefined : "must be a uuid";
    case "date-time":
      return isIsoDateTime(value) || !Number.isNaN(Date.parse(value))
        ? undefined
        : "must be a date-time";
    case "array (int32)":
      return list.every((s) => INTEGER.test(s))
        ? undefined
        : "must be a comma-separated list of integers";
    case "array (uuid)":
      return list.every((s) => UUID.test(s))
        ? undefined
        : "must be a comma-separated list of uuids";
    default:
      return undefined;
  }
}
