// doctor's organization-wide checks besides the service and the token: whether the permission
// checks answer with this token, whether the StackSpot extension is installed (its "stackspot"
// service connection type), and which network path the requests take.
import { GIT_REPOSITORIES } from "../../ado/securityNamespaces";
import { EXTENSION_MARKETPLACE_URL } from "../../setup";
import type { Env } from "../auth";
import { proxyFor } from "../network";
import { DoctorCheck, fail, info, pass } from "./report";
import type { Prober } from "./probe";

/** GenericRead on the Git Repositories namespace: a harmless question about oneself. */
const GIT_READ_BIT = 2;

export async function checkPermissionsApi(
  p: Prober,
  projectId: string | undefined,
): Promise<DoctorCheck> {
  if (!projectId) return info("permissions", "not checked: no project to ask about");
  const path =
    `_apis/permissions/${GIT_REPOSITORIES}/${GIT_READ_BIT}` +
    `?tokens=${encodeURIComponent(`repoV2/${projectId}`)}`;
  const answer = await p.get(path, "7.1");
  if (answer.status === 200)
    return pass(
      "permissions",
      "GET _apis/permissions answers: a missing permission is named early",
    );
  return fail(
    "permissions",
    `GET _apis/permissions answered ${answer.status}` +
      (answer.message ? `: "${answer.message}"` : "") +
      ". The set-up then goes on without checking, and a missing permission shows only when a " +
      "write is refused, after the writes before it",
    "Nothing blocks the set-up. If a proxy or a policy refuses _apis/permissions, allow it so " +
      "that a missing permission is named before anything is written.",
  );
}

export async function checkExtension(p: Prober): Promise<DoctorCheck> {
  const answer = await p.get("_apis/serviceendpoint/types?type=stackspot", "7.2-preview.1");
  if (answer.status !== 200)
    return fail(
      "extension",
      `GET _apis/serviceendpoint/types answered ${answer.status}; whether the StackSpot ` +
        "extension is installed is not known",
      "Check the token's Service Connections scope, then run doctor again.",
    );
  const body = answer.body as { value?: { name?: string }[] } | { name?: string }[] | undefined;
  const types = Array.isArray(body) ? body : (body?.value ?? []);
  if (types.some((t) => t.name?.toLowerCase() === "stackspot"))
    return pass(
      "extension",
      'the StackSpot extension is installed (service connection type "stackspot")',
    );
  return fail(
    "extension",
    'the StackSpot extension is not installed: there is no service connection type "stackspot", ' +
      "and the pipeline's StackSpotResume@1 task would not exist",
    `Install it from the Marketplace: ${EXTENSION_MARKETPLACE_URL} (an organization ` +
      "administrator can).",
  );
}

export function checkNetwork(orgUrl: string, env: Env): DoctorCheck[] {
  const proxy = proxyFor(env, new URL(orgUrl).protocol);
  const checks = [
    info(
      "network",
      proxy
        ? `through the proxy ${proxy.display} (from ${proxy.variable}; NO_PROXY applies)`
        : "direct: no HTTPS_PROXY / HTTP_PROXY applies to the organization",
    ),
  ];
  if (env.NODE_EXTRA_CA_CERTS?.trim())
    checks.push(info("network", "extra root certificates from NODE_EXTRA_CA_CERTS"));
  return checks;
}
