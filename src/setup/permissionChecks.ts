// Permission checks before any write: which permission each step of a plan needs, on which security
// token, and what the service answered. A set-up the user lacks a permission for then stops before
// changing anything, naming the permission as the service would (PermissionDeniedError's words).
//
// Answers are kept per namespace, bit and token. A step on an existing object (a repository, a
// pipeline, a service connection) is decided by the answer for the object's own token; without one,
// an "allowed" for the whole project is taken as inherited (an explicit deny on the object itself
// is then caught only by the write's own refusal). A check that fails (refused, unreachable, an old
// server) never fails the set-up: the results are marked unavailable and the writes answer for
// themselves.
import {
  AdoClients,
  describeOperation,
  PermissionBit,
  permissionBits,
  PermissionDeniedError,
  securityTokens,
} from "../ado";
import type { PermissionDenial, PermissionResults, PlanStep, ProjectState } from "./types";

/** One request: the bits (all of them) on each of the tokens. */
export interface PermissionCheck {
  namespaceId: string;
  bits: number;
  tokens: string[];
}

export interface PermissionNeed {
  permission: PermissionBit;
  /** From the most precise (the object's own) to the project's. */
  tokens: string[];
  /**
   * The write that needs it, for the words of the message (operation, permission, where it is
   * granted).
   */
  write: { method: string; route: string };
  /**
   * Needed only if the resource is not open to all pipelines (known once its pipeline permissions
   * are read).
   */
  unlessEndpointOpen?: boolean;
}

export type Verdict = "allowed" | "denied" | "unknown";

const answerKey = (namespaceId: string, bit: number, token: string) =>
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
 * Checks on the objects the first wave found, for the second wave (when it reads anything anyway):
 * the
 * repository (whether the file will change is known only from that wave's reads) and the pipeline
 * the
 * set-up will update. A service connection's own check waits for a plan that needs it
 * (preflight.ts).
 */
export function objectProbes(
  projectId: string,
  found: { repositoryId?: string; definitions: { id: number; path: string }[] },
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
  return checks;
}

/**
 * What a step needs, on which tokens. Steps not listed need nothing checked (see
 * src/ado/securityNamespaces.ts).
 */
export function needsOf(step: PlanStep, state: ProjectState): PermissionNeed[] {
  const pid = state.project.id;
  const t = securityTokens;
  const p = permissionBits;
  const repo = state.repository;
  const spec = step.spec;
  switch (spec.kind) {
    case "create-repository":
      return [
        {
          permission: p.createRepository,
          tokens: [t.gitProject(pid)],
          write: { method: "POST", route: "git/repositories" },
        },
      ];
    case "write-file":
      return [
        {
          permission: p.contribute,
          tokens: repo ? [t.gitRepository(pid, repo.id), t.gitProject(pid)] : [t.gitProject(pid)],
          write: { method: "POST", route: "git/repositories/{id}/pushes" },
        },
      ];
    case "create-pipeline":
      return [
        {
          permission: p.editBuildDefinition,
          tokens: [t.buildProject(pid)],
          write: { method: "POST", route: "build/definitions" },
        },
      ];
    case "update-pipeline": {
      const d = [...state.pipelinesNamedStackspot, ...state.pipelinesOnFile].find(
        (x) => x.id === spec.definitionId,
      );
      const own = d ? [t.buildDefinition(pid, d.path, d.id)] : [];
      return [
        {
          permission: p.editBuildDefinition,
          tokens: [...own, t.buildProject(pid)],
          write: { method: "PUT", route: "build/definitions/1" },
        },
      ];
    }
    case "create-service-connection":
      return [
        {
          permission: p.createServiceEndpoint,
          tokens: [t.endpointsProject(pid)],
          write: { method: "POST", route: "serviceendpoint/endpoints" },
        },
      ];
    case "authorize-service-connection":
      // A connection this set-up creates is administered by its creator: nothing to check.
      if (!spec.endpointId) return [];
      return [
        {
          permission: p.administerServiceEndpoint,
          tokens: [t.endpoint(pid, spec.endpointId), t.endpointsProject(pid)],
          write: { method: "PATCH", route: "pipelines/pipelinepermissions/endpoint/{id}" },
          unlessEndpointOpen: spec.checkFirst,
        },
      ];
    case "authorize-queue":
      return [];
  }
}

/** The need behind a pull request, when branch policies send the file that way. */
export function pullRequestNeed(state: ProjectState, repositoryId: string): PermissionNeed {
  return {
    permission: permissionBits.pullRequestContribute,
    tokens: [
      securityTokens.gitRepository(state.project.id, repositoryId),
      securityTokens.gitProject(state.project.id),
    ],
    write: { method: "POST", route: "git/repositories/{id}/pullrequests" },
  };
}

export function decide(need: PermissionNeed, state: ProjectState): Verdict {
  const results = state.permissions;
  if (!results || results.unavailable) return "unknown";
  const get = (token: string) =>
    results.answers[answerKey(need.permission.namespaceId, need.permission.bit, token)];
  const [own, ...parents] = need.tokens;
  const ownAnswer = get(own);
  let verdict: Verdict =
    ownAnswer !== undefined
      ? ownAnswer
        ? "allowed"
        : "denied"
      : parents.some((t) => get(t) === true)
        ? "allowed"
        : "unknown";
  // Open to every pipeline already: the authorization is not needed at all (unknown until read).
  if (verdict === "denied" && need.unlessEndpointOpen && state.endpointPermissions === undefined)
    verdict = "unknown";
  return verdict;
}

/** The check that settles an undecided need: its most precise token. */
export function checkFor(need: PermissionNeed): PermissionCheck {
  return {
    namespaceId: need.permission.namespaceId,
    bits: need.permission.bit,
    tokens: [need.tokens[0]],
  };
}

/**
 * The refusal the write would meet, said before it is sent (in the words the service's 403 is told
 * in).
 */
export function refusalOf(need: PermissionNeed, state: ProjectState): PermissionDeniedError {
  const path = `/${state.project.name}/_apis/${need.write.route}`;
  const info = describeOperation(need.write.method, path);
  const hint = info.permission ?? {
    permission: "the required permission",
    grantedAt: "the project's settings",
  };
  return new PermissionDeniedError(hint, {
    request: { operation: info.operation, method: need.write.method, path },
  });
}

export function denialOf(
  step: PlanStep,
  need: PermissionNeed,
  state: ProjectState,
): PermissionDenial {
  const error = refusalOf(need, state);
  return {
    step,
    permission: error.permission,
    message: error.userMessage,
    remedy: error.remedy,
    error,
  };
}

/** The verdict on one need, asking the service when the results do not settle it (never throws). */
export async function verdictNow(
  clients: AdoClients,
  need: PermissionNeed,
  state: ProjectState,
): Promise<Verdict> {
  const known = decide(need, state);
  if (known !== "unknown" || state.permissions?.unavailable) return known;
  const permissions = await runChecks(clients, [checkFor(need)], state.permissions);
  return decide(need, { ...state, permissions });
}
