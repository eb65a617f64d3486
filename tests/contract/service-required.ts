// Request-body fields the service insists on although the spec marks nothing required
// (SERVICE_REQUIRED_FIELDS in known-differences). A path is dot-separated; "name[]" means "a
// non-empty array, and the rest of the path applies to each element". A path is only checked where
// its parent exists, so "commits[].changes[].item.path" needs a path on every item of every change.
import { SERVICE_REQUIRED_FIELDS } from "./known-differences";

const byOperation = new Map(SERVICE_REQUIRED_FIELDS.map((r) => [r.operationId, r]));

export function checkServiceRequired(operationId: string, body: unknown): string[] {
  const rule = byOperation.get(operationId);
  if (!rule || !isObject(body)) return [];
  const problems: string[] = [];
  for (const p of rule.paths) walk(body, p.split("."), "body", problems, rule.id);
  return problems;
}

function walk(
  node: Record<string, unknown>,
  tokens: string[],
  where: string,
  problems: string[],
  id: string,
): void {
  const [token, ...rest] = tokens;
  const isArray = token.endsWith("[]");
  const key = isArray ? token.slice(0, -2) : token;
  const value = node[key];
  const at = `${where}.${key}`;
  if (value === undefined || value === null || value === "") {
    problems.push(`${at} is required by the service (known difference ${id})`);
    return;
  }
  if (rest.length === 0 && !isArray) return;
  if (isArray) {
    if (!Array.isArray(value)) return; // the schema check reports the wrong type
    if (value.length === 0) {
      if (rest.length === 0) problems.push(`${at} must not be empty (known difference ${id})`);
      return;
    }
    if (rest.length === 0) return;
    value.forEach((el, i) => {
      if (isObject(el)) walk(el, rest, `${at}[${i}]`, problems, id);
    });
    return;
  }
  if (isObject(value)) walk(value, rest, at, problems, id);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
