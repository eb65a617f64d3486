// What ServiceBehaviour (types.ts) changes on the HTTP side: the REST versions an edition serves,
// the headers it sends, the requests a token without a scope is refused, and a refused
// permissions API. The rest of the emulator answers as Azure DevOps Services does.
import { errors, ServiceError } from "./errors";
import type { ServiceBehaviour } from "./types";
import { LATEST_API_VERSION } from "./wire";

/**
 * The highest REST version an edition serves. Services: 7.2, preview only. Server 2022: 7.0
 * (Microsoft's versioning table, learn.microsoft.com "REST API versioning": 7.0 is the last
 * column Server 2022 has).
 */
export function servedVersions(b: ServiceBehaviour): {
  latest: string;
  latestIsPreviewOnly: boolean;
} {
  return b.edition === "server2022"
    ? { latest: "7.0", latestIsPreviewOnly: false }
    : { latest: LATEST_API_VERSION, latestIsPreviewOnly: true };
}

/**
 * Headers on every answer. Which X-TFS-* / X-VSS-* headers each edition sends is from memory
 * (KNOWN-DIFFERENCES.md); doctor only lists the names it sees.
 */
export function editionHeaders(b: ServiceBehaviour): Record<string, string> {
  return {
    "X-TFS-ProcessId": "00000000-0000-0000-0000-00000000e001",
    "X-VSS-E2EID": "00000000-0000-0000-0000-00000000e002",
    ...(b.edition === "server2022" ? { "X-TFS-ServiceName": "Azure DevOps Server" } : {}),
  };
}

/** The scope family a route needs to be read (vso.code for git, and so on). */
export function scopeFamilyOf(path: string): string | undefined {
  const area = /\/_apis\/([^/?]+)(?:\/([^/?]+))?/i.exec(path);
  if (!area) return undefined;
  const [first, second] = [area[1].toLowerCase(), (area[2] ?? "").toLowerCase()];
  if (first === "pipelines" && second === "pipelinepermissions") return "vso.pipelineresources";
  const families: Record<string, string> = {
    projects: "vso.project",
    git: "vso.code",
    build: "vso.build",
    pipelines: "vso.build",
    distributedtask: "vso.agentpools",
    serviceendpoint: "vso.serviceendpoint",
  };
  return families[first];
}

/**
 * A request the played token or organization refuses before any route: a scope the token lacks
 * (401, as an unauthorized request; the service's exact answer for a missing scope is from
 * memory), or the permissions API when it is denied (403).
 */
export function refusal(b: ServiceBehaviour, path: string): ServiceError | undefined {
  const family = scopeFamilyOf(path);
  if (family && b.missingScopes.some((s) => s === family || s.startsWith(`${family}_`)))
    return errors.unauthorized();
  if (b.permissionsApiDenied && /\/_apis\/permissions\//i.test(path))
    return new ServiceError(
      403,
      "Access to the permissions API is denied for this request.",
      "AccessDeniedException",
      "Microsoft.TeamFoundation.Framework.Server",
    );
  return undefined;
}
