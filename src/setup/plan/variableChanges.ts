// The pipeline's variables: which to add or secure (the queue-time ones StackSpot fills, and the
// credential ones when no service connection is used), and how to say so.
import { CREDENTIAL_VARIABLES, QUEUE_TIME_VARIABLES } from "../contract";
import type { ResolvedOptions } from "../options";
import type { VariableChange } from "./types";

export interface VariablePlan {
  changes: VariableChange[];
  /** Credential variables that are missing and for which no value was given. */
  missingCredentials: string[];
}

/**
 * Variables to add or secure on the pipeline. Existing values are kept: a secret's value cannot
 * even be read, and a value someone set on purpose is theirs.
 */
export function planVariables(
  existing: Record<string, { isSecret: boolean; allowOverride: boolean }>,
  options: ResolvedOptions,
): VariablePlan {
  const changes: VariableChange[] = [];
  const missingCredentials: string[] = [];
  const find = (name: string) =>
    Object.entries(existing).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  for (const name of QUEUE_TIME_VARIABLES) {
    const v = find(name);
    if (!v) changes.push({ name, action: "add", isSecret: true, allowOverride: true });
    else if (!v.isSecret || !v.allowOverride)
      changes.push({ name, action: "secure", isSecret: true, allowOverride: true });
  }
  if (options.credentials.kind === "variables") {
    const given = options.credentials.values;
    for (const [credential, name] of Object.entries(CREDENTIAL_VARIABLES) as [
      VariableChange["credential"] & string,
      string,
    ][]) {
      const v = find(name);
      if (v) {
        if (!v.isSecret)
          changes.push({ name, action: "secure", isSecret: true, allowOverride: v.allowOverride });
      } else if (given) {
        changes.push({ name, action: "add", isSecret: true, allowOverride: false, credential });
      } else {
        missingCredentials.push(name);
      }
    }
  }
  return { changes, missingCredentials };
}

function isQueueTimeVariable(name: string): boolean {
  return (QUEUE_TIME_VARIABLES as readonly string[]).includes(name);
}

export function isCredentialName(name: string): boolean {
  return /^STK_(CLIENT_ID|CLIENT_KEY|REALM)$/i.test(name);
}

export function describeVariableChanges(changes: VariableChange[]): string {
  const added = changes.filter((c) => c.action === "add").map((c) => c.name);
  const secured = changes.filter((c) => c.action === "secure").map((c) => c.name);
  const parts: string[] = [];
  if (added.length) {
    const flags = added.some(isQueueTimeVariable) ? ", settable at queue time, empty" : "";
    parts.push(`add ${added.join(", ")} (secret${flags})`);
  }
  if (secured.length) {
    const flags = secured.some(isQueueTimeVariable) ? " and settable at queue time" : "";
    parts.push(`make ${secured.join(", ")} secret${flags} (values kept)`);
  }
  return parts.join("; ");
}
