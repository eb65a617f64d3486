// Which permission each step of a plan needs, on which security token, and the verdict the
// answers give. A set-up the user lacks a permission for then stops before changing anything,
// naming the permission as the service would (PermissionDeniedError's words).
//
// A step on an existing object (a repository, a pipeline, a service connection) is decided by the
// answer for the object's own token; without one, an "allowed" for the whole project is taken as
// inherited (an explicit deny on the object itself is then caught only by the write's own
// refusal).
import {
  AdoClients,
  describeOperation,
  PermissionBit,
  permissionBits as p,
  PermissionDeniedError,
  securityTokens as t,
} from "../../ado";
import type { PermissionDenial, PlanStep } from "../plan/types";
import { readDefinition } from "../read/reads";
import type { ProjectState } from "../read/types";
import { answerKey, PermissionCheck, runChecks } from "./checks";

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
   * Needed only if this resource is not open to all pipelines (known once its pipeline
   * permissions are read).
   */
  unlessOpen?: "endpoint" | "queue";
}

export type Verdict = "allowed" | "denied" | "unknown";

function needing(
  permission: PermissionBit,
  tokens: string[],
  method: string,
  route: string,
): PermissionNeed {
  return { permission, tokens, write: { method, route } };
}

/**
 * What a step needs, on which tokens. Steps not listed need nothing checked (see
 * src/ado/securityNamespaces.ts).
 */
export function needsOf(step: PlanStep, state: ProjectState): PermissionNeed[] {
  const pid = state.project.id;
  const repo = state.repository;
  const spec = step.spec;
  switch (spec.kind) {
    case "create-repository":
      return [needing(p.createRepository, [t.gitProject(pid)], "POST", "git/repositories")];
    case "write-file": {
      const tokens = repo
        ? [t.gitRepository(pid, repo.id), t.gitProject(pid)]
        : [t.gitProject(pid)];
      return [needing(p.contribute, tokens, "POST", "git/repositories/{id}/pushes")];
    }
    case "create-pipeline":
      return [needing(p.editBuildDefinition, [t.buildProject(pid)], "POST", "build/definitions")];
    case "update-pipeline": {
      const d = readDefinition(state, spec.definitionId);
      const tokens = [...(d ? [t.buildDefinition(pid, d.path, d.id)] : []), t.buildProject(pid)];
      return [needing(p.editBuildDefinition, tokens, "PUT", "build/definitions/1")];
    }
    case "create-service-connection":
      return [
        needing(
          p.createServiceEndpoint,
          [t.endpointsProject(pid)],
          "POST",
          "serviceendpoint/endpoints",
        ),
      ];
    case "authorize-service-connection":
      // A connection this set-up creates is administered by its creator: nothing to check.
      if (!spec.endpointId) return [];
      return [
        {
          ...needing(
            p.administerServiceEndpoint,
            [t.endpoint(pid, spec.endpointId), t.endpointsProject(pid)],
            "PATCH",
            "pipelines/pipelinepermissions/endpoint/{id}",
          ),
          ...(spec.checkFirst ? { unlessOpen: "endpoint" as const } : {}),
        },
      ];
    case "authorize-queue":
      return [
        {
          ...needing(
            p.administerQueue,
            [t.agentQueue(pid, spec.queueId), t.agentQueuesProject(pid)],
            "PATCH",
            "pipelines/pipelinepermissions/queue/{id}",
          ),
          ...(spec.checkFirst ? { unlessOpen: "queue" as const } : {}),
        },
      ];
  }
}

/** The need behind a pull request, when branch policies send the file that way. */
export function pullRequestNeed(state: ProjectState, repositoryId: string): PermissionNeed {
  const pid = state.project.id;
  return needing(
    p.pullRequestContribute,
    [t.gitRepository(pid, repositoryId), t.gitProject(pid)],
    "POST",
    "git/repositories/{id}/pullrequests",
  );
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
      : parents.some((token) => get(token) === true)
        ? "allowed"
        : "unknown";
  // Open to every pipeline already: the authorization is not needed at all (unknown until read).
  if (verdict === "denied" && need.unlessOpen && openness(need.unlessOpen, state) === undefined)
    verdict = "unknown";
  return verdict;
}

/** The resource's pipeline permissions as read (undefined: not read). */
export function openness(resource: "endpoint" | "queue", state: ProjectState) {
  return resource === "endpoint" ? state.endpointPermissions : state.queuePermissions;
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
