// AdoClients for the hub: the signed-in user's ambient identity (the extension SDK's access token,
// sent as Bearer) and the real root URL of each REST area from the host's location service. This is
// the only file that imports the SDK, so the engine, the CLI and Node tests never load it.
import * as SDK from "azure-devops-extension-sdk";
import { CommonServiceIds, ILocationService } from "azure-devops-extension-api/Common";
import { BuildClient } from "./rest/buildClient";
import { CoreClient } from "./rest/coreClient";
import { GitClient } from "./rest/gitClient";
import { ServiceEndpointClient } from "./rest/serviceEndpointClient";
import { TaskAgentClient } from "./rest/taskAgentClient";
import { cacheAccessToken } from "./accessTokenCache";
import { AdoClients, ClientArea, ClientsOptionsWithoutAuth, createClients } from "./clients";

/** Must be called after `SDK.init()` has resolved. */
export async function createSdkClients(
  options: Partial<ClientsOptionsWithoutAuth> = {},
): Promise<AdoClients> {
  const locations = await SDK.getService<ILocationService>(CommonServiceIds.LocationService);
  const areaIds: Partial<Record<ClientArea, string>> = {
    git: GitClient.RESOURCE_AREA_ID,
    build: BuildClient.RESOURCE_AREA_ID,
    core: CoreClient.RESOURCE_AREA_ID,
    taskAgent: TaskAgentClient.RESOURCE_AREA_ID,
    serviceEndpoint: ServiceEndpointClient.RESOURCE_AREA_ID,
  };
  // The collection's own URL serves the areas without a resource-area id (pipelines, pipeline
  // permissions, security permission checks).
  const [orgUrl, ...areaUrls] = await Promise.all([
    locations.getServiceLocation(),
    ...Object.values(areaIds).map((id) => locations.getResourceAreaLocation(id as string)),
  ]);
  const rootPaths: Partial<Record<ClientArea, string>> = {};
  Object.keys(areaIds).forEach((area, i) => {
    rootPaths[area as ClientArea] = areaUrls[i];
  });
  return createClients({
    ...options,
    orgUrl: options.orgUrl ?? orgUrl,
    rootPaths: { ...rootPaths, ...(options.rootPaths ?? {}) },
    authHeader: bearerFromHost(),
  });
}

/**
 * The Authorization header from the host's access token, asked once for the token's lifetime (one
 * host round trip, not one per request) and again after a 401.
 */
function bearerFromHost(): (refresh?: boolean) => Promise<string> {
  const token = cacheAccessToken(() => SDK.getAccessToken());
  return async (refresh) => `Bearer ${await token(refresh)}`;
}
