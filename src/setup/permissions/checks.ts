// Permission checks before any write: asking the service (GET _apis/permissions) and keeping what
// it answered, per namespace, bit and token. Which permission each step needs is in needs.ts. A
// check that fails (refused, unreachable, an old server) never fails the set-up: the results are
// marked unavailable and the writes answer for themselves.
import { AdoClients, permissionBits, securityTokens } from "../../ado";
import type { PermissionResults } from "../read/types";

/** One request: the bits (all of them) on each of the tokens. */
export interface PermissionCheck {
  namespaceId: string;
  bits: number;
  tokens: string[];
}

export const answerKey = (namespaceId: string, bit: number, token: string) =>
  `${namespaceId.toLowerCase()}|${bit}|${token.toLowerCase()}`;

function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let b = 1; b <= mask; b *= 2) if (mask & b) out.push(b);
  return out;
}

export function emptyResults(): PermissionResults {
  return { answers: {} };
}

/**
 * An answer for a whole mask says "yes" for each of its bits; a "no" says which bit only for a
 * single-bit mask.
 */
function record(into: Record<string, boolean>, check: PermissionCheck, answers: boolean[]): void {
  const bits = bitsOf(check.bits);
  check.tokens.forEach((token, i) => {
    const allowed = answers[i];
    if (typeof allowed !== "boolean") return;
    if (allowed) for (const b of bits) into[answerKey(check.namespaceId, b, token)] = true;
    else if (bits.length === 1) into[answerKey(check.namespaceId, bits[0], token)] = false;
  });
}

/**
 * Runs the checks (one GET per namespace and mask, all at once) and returns the results merged into
 * `base`.
 */
export async function runChecks(
  clients: AdoClients,
  checks: PermissionCheck[],
  base: PermissionResults = emptyResults(),
): Promise<PermissionResults> {
  if (base.unavailable || checks.length === 0) return base;
  const groups = new Map<string, PermissionCheck>();
  for (const c of checks) {
    const k = `${c.namespaceId}|${c.bits}`;
    const g = groups.get(k) ?? { namespaceId: c.namespaceId, bits: c.bits, tokens: [] };
    for (const t of c.tokens)
      if (!g.tokens.some((x) => x.toLowerCase() === t.toLowerCase())) g.tokens.push(t);
    groups.set(k, g);
  }
  const answers = { ...base.answers };
  try {
    await Promise.all(
      [...groups.values()].map(async (g) =>
        record(answers, g, await clients.security.hasPermissions(g.namespaceId, g.bits, g.tokens)),
      ),
    );
  } catch {
    // Advisory: the set-up goes on without checks rather than fail on them.
    return { answers: base.answers, unavailable: true };
  }
  return { answers };
}

export function mergeResults(
  a: PermissionResults | undefined,
  b: PermissionResults | undefined,
): PermissionResults | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    answers: { ...a.answers, ...b.answers },
    ...(a.unavailable || b.unavailable ? { unavailable: true } : {}),
  };
}

/** Checks that ride along with the first wave of reads when the project id is known in advance. */
// One bit per check: a "no" to a mask of two bits would not say which one is missing, and the
// status read (which has no later round trip to ask again) could not show the block. They run in
// parallel.
export function projectProbes(projectId: string, serviceConnection: boolean): PermissionCheck[] {
  const p = permissionBits;
  const git = securityTokens.gitProject(projectId);
  const endpoints = securityTokens.endpointsProject(projectId);
  return [
    { namespaceId: p.createRepository.namespaceId, bits: p.createRepository.bit, tokens: [git] },
    { namespaceId: p.contribute.namespaceId, bits: p.contribute.bit, tokens: [git] },
    {
      namespaceId: p.editBuildDefinition.namespaceId,
      bits: p.editBuildDefinition.bit,
      tokens: [securityTokens.buildProject(projectId)],
    },
    // Authorizing the pipeline on the agent queue: what every queue of the project inherits.
    {
      namespaceId: p.administerQueue.namespaceId,
      bits: p.administerQueue.bit,
      tokens: [securityTokens.agentQueuesProject(projectId)],
    },
    ...(serviceConnection
      ? [
          {
            namespaceId: p.createServiceEndpoint.namespaceId,
            bits: p.createServiceEndpoint.bit,
            tokens: [endpoints],
          },
          {
            namespaceId: p.administerServiceEndpoint.namespaceId,
            bits: p.administerServiceEndpoint.bit,
            tokens: [endpoints],
          },
        ]
      : []),
  ];
}

/**
 * Checks on the objects the first wave found, for the second wave (when it reads anything
 * anyway): the repository (whether the file will change is known only from that wave's reads),
 * the pipeline the set-up will update and the agent queue it runs on (authorizing the pipeline on
 * it may be needed). A service connection's own check waits for a plan that needs it
 * (preflight.ts).
 */
export function objectProbes(
  projectId: string,
  found: { repositoryId?: string; definitions: { id: number; path: string }[]; queueId?: number },
): PermissionCheck[] {
  const p = permissionBits;
  const checks: PermissionCheck[] = [];
  if (found.repositoryId) {
    checks.push({
      namespaceId: p.contribute.namespaceId,
      bits: p.contribute.bit | p.pullRequestContribute.bit,
      tokens: [securityTokens.gitRepository(projectId, found.repositoryId)],
    });
  }
  if (found.definitions.length) {
    checks.push({
      namespaceId: p.editBuildDefinition.namespaceId,
      bits: p.editBuildDefinition.bit,
      tokens: found.definitions.map((d) => securityTokens.buildDefinition(projectId, d.path, d.id)),
    });
  }
  if (found.queueId !== undefined) {
    checks.push({
      namespaceId: p.administerQueue.namespaceId,
      bits: p.administerQueue.bit,
      tokens: [securityTokens.agentQueue(projectId, found.queueId)],
    });
  }
  return checks;
}
