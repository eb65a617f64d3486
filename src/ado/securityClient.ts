// azure-devops-extension-api 5.276.0 has no client for the security area, so here is the one call
// the set-up needs, on the library's RestClientBase (same transport, retries and error mapping as
// the rest): "does the signed-in identity have these permission bits on these tokens?"
// (Permissions_Has Permissions). A GET: checking before a set-up sends no write, so a run with
// nothing to change still writes nothing.
import { RestClientBase } from "./restClientBase";

/**
 * Released (not preview) in the 7.1 specs; no OAuth scope is declared for it (see
 * configs/scopes.json).
 */
const API_VERSION = "7.1";

/**
 * Separators tried in turn: the first that no token contains joins them (build folders may hold
 * commas).
 */
const DELIMITERS = [",", "|", ";", "\t"];

export class SecurityRestClient extends RestClientBase {
  /**
   * One answer per token, in order: true when the caller holds every bit of `permissions` on it.
   * Administrators are waved through (alwaysAllowAdministrators=true): where the service lets an
   * administrator write without an explicit grant, a "no" here would block a set-up that can
   * succeed; a "yes" that proves wrong only leaves the write's own refusal to speak.
   */
  hasPermissions(
    securityNamespaceId: string,
    permissions: number,
    tokens: string[],
  ): Promise<boolean[]> {
    const delimiter = DELIMITERS.find((d) => tokens.every((t) => !t.includes(d)));
    if (delimiter === undefined)
      return Promise.reject(new Error("Internal error: no separator fits these security tokens."));
    return this.beginRequest<boolean[]>({
      apiVersion: API_VERSION,
      routeTemplate: "_apis/permissions/{securityNamespaceId}/{permissions}",
      routeValues: { securityNamespaceId, permissions },
      queryParams: {
        tokens: tokens.join(delimiter),
        alwaysAllowAdministrators: true,
        ...(delimiter !== "," ? { delimiter } : {}),
      },
    });
  }
}
