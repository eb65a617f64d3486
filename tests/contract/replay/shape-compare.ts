// Compares the shape of an emulator answer with a recorded one: every field the recording has must
// be present with the same JSON type, recursively over objects; for arrays the first elements are
// compared. Values are not compared (ids, dates and names differ by nature).

export interface ShapeMismatch {
  /** e.g. body.value[].project.state */
  path: string;
  expected: string;
  actual: string;
}

export function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

export function compareShape(expected: unknown, actual: unknown, path = "body"): ShapeMismatch[] {
  const want = kindOf(expected);
  // A recorded null carries no type to compare with (the service wrote null for an unset or masked
  // value).
  if (want === "null") return [];
  const got = actual === undefined ? "missing" : kindOf(actual);
  if (want !== got) return [{ path, expected: want, actual: got }];
  if (want === "array") {
    const e = expected as unknown[];
    const a = actual as unknown[];
    if (e.length === 0) return [];
    if (a.length === 0)
      return [{ path: `${path}[]`, expected: kindOf(e[0]), actual: "empty array" }];
    return compareShape(e[0], a[0], `${path}[]`);
  }
  if (want === "object") {
    const a = actual as Record<string, unknown>;
    const out: ShapeMismatch[] = [];
    for (const [key, value] of Object.entries(expected as Record<string, unknown>))
      out.push(...compareShape(value, a[key], `${path}.${key}`));
    return out;
  }
  return [];
}

export interface FieldExcuse {
  /** Example ids, or ["*"] for every example. */
  examples: string[];
  /**
   * A path as compareShape writes it (body.reviewers); it excuses that field and everything under
   * it. "**.name" matches a field called name at any depth.
   */
  path: string;
  reason: string;
}

export function isExcused(
  example: string,
  m: ShapeMismatch,
  excuses: FieldExcuse[],
): FieldExcuse | undefined {
  return excuses.find(
    (e) =>
      (e.examples.includes("*") || e.examples.includes(example)) && pathMatches(e.path, m.path),
  );
}

function pathMatches(pattern: string, path: string): boolean {
  const under = (prefix: string) =>
    path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[]`);
  if (!pattern.startsWith("**.")) return under(pattern);
  const name = pattern.slice(3);
  const segments = path.split(".");
  return segments.some(
    (seg, i) =>
      seg.replace(/\[\]$/, "") === name &&
      under(
        segments
          .slice(0, i + 1)
          .join(".")
          .replace(/\[\]$/, ""),
      ),
  );
}
