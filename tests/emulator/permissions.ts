// The permission model: every permission is granted until a test denies it, in every project or in
// one. A denied permission fails the request the way the service fails it: reads of things you
// cannot see behave as if the thing did not exist (404, or filtered out of lists), writes answer
// 403 with the permission's name. The security namespaces answer the same model
// (routes/security.ts).
import type { Permission } from "./types";
import type { ApiRequest } from "./router";
import type { Project } from "./state";
import { errors, type ServiceError } from "./errors";

/**
 * Denied everywhere, or in the request's project (or the project given, for organization-level
 * routes).
 */
export function isDenied(
  req: ApiRequest,
  permission: Permission,
  project: Project | undefined = req.project,
): boolean {
  return req.core.state.isDenied(permission, project?.id);
}

export function demand(
  req: ApiRequest,
  permission: Permission,
  denied: () => ServiceError,
  project: Project | undefined = req.project,
): void {
  if (isDenied(req, permission, project)) throw denied();
}

const user = (req: ApiRequest) => req.core.state.user.displayName;

/** The 403 each write permission produces. */
export const denials = {
  createRepository: (req: ApiRequest) => () =>
    errors.gitPermission("CreateRepository", user(req), `repoV2/${req.project?.id ?? ""}`),
  contribute: (req: ApiRequest, repoId: string) => () =>
    errors.gitPermission(
      "GenericContribute",
      user(req),
      `repoV2/${req.project?.id ?? ""}/${repoId}`,
    ),
  pullRequestContribute: (req: ApiRequest, repoId: string) => () =>
    errors.gitPermission(
      "PullRequestContribute",
      user(req),
      `repoV2/${req.project?.id ?? ""}/${repoId}`,
    ),
  editDefinition: (req: ApiRequest, name: string) => () =>
    errors.buildAccessDenied(user(req), "Edit build pipeline", `build pipeline ${name}`),
  queueBuilds: (req: ApiRequest, name: string) => () =>
    errors.buildAccessDenied(user(req), "Queue builds", `build pipeline ${name}`),
  createEndpoint: (req: ApiRequest) => () =>
    errors.endpointAccessDenied(user(req), "Create service connection"),
  administerResource: (req: ApiRequest, type: string, id: string) => () =>
    errors.resourceAccessDenied(user(req), type, id),
};
