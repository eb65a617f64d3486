// Fault injection: rules matched in the order added; the first matching rule with uses left
// applies.
import type { FaultRule } from "./types";

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export class Faults {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    const effects = [rule.status !== undefined, !!rule.reset, !!rule.hang].filter(Boolean).length;
    if (effects > 1) throw new Error("A fault rule has at most one of status, reset and hang.");
    if (effects === 0 && !rule.latencyMs)
      throw new Error("A fault rule needs status, reset, hang or latencyMs.");
    const times = rule.times ?? 1;
    if (!(times > 0))
      throw new Error("A fault rule's times must be at least 1 (Infinity for always).");
    this.rules.push({ rule, remaining: times });
  }

  clear(): void {
    this.rules = [];
  }

  /** Takes one use of the first rule matching this request, if any. */
  take(method: string, path: string): FaultRule | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0) continue;
      const { rule } = active;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (!routeMatches(rule.route, path)) continue;
      active.remaining -= 1;
      return rule;
    }
    return undefined;
  }
}

/**
 * A string matches when the path contains it, ignoring case; a RegExp is tried on the path as sent
 * and in lower case.
 */
function routeMatches(route: RegExp | string, path: string): boolean {
  if (typeof route === "string") return path.toLowerCase().includes(route.toLowerCase());
  route.lastIndex = 0;
  if (route.test(path)) return true;
  route.lastIndex = 0;
  return route.test(path.toLowerCase());
}

/**
 * How the request log names a fault: "status 503", "reset", "hang", "latency 200ms", with "after
 * handling".
 */
export function describeFault(rule: FaultRule): string {
  const parts: string[] = [];
  if (rule.status !== undefined)
    parts.push(
      `status ${rule.status}${rule.retryAfter !== undefined ? ` retry-after ${rule.retryAfter}` : ""}`,
    );
  if (rule.reset) parts.push("reset");
  if (rule.hang) parts.push("hang");
  if (rule.latencyMs) parts.push(`latency ${rule.latencyMs}ms`);
  if (rule.afterHandling) parts.push("after handling");
  return parts.join(", ");
}
