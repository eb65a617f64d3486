// AdoClients for the hub: the signed-in user's ambient identity (the extension SDK's access token,
// sent as Bearer) and the real root URL of each REST area from the host's location service. This is
// the only file that imports the SDK, so the engine, the CLI and Node tests never load it.
import * as SDK from "azure-devops-extension-sdk";
import { CommonServiceIds, ILocationService } from "azure-devops-extension-api/Common";
import { BuildRestClient } from "azure-devops-extension-api/Build";
import { CoreRestClient } from "azure-devops-extension-api/Core";
import { GitRestClient } from "azure-devops-extension-api/Git";
import { ServiceEndpointRestClient } from "azure-devops-extension-api/ServiceEndpoint";
import { TaskAgentRestClient } from "azure-devops-extension-api/TaskAgent";
import { AdoClients, ClientArea, ClientsOptionsWithoutAuth, createClients } from "./clients";

/** Must be called after `SDK.init()` has resolved. */
export async function createSdkClients(
  options: Partial<ClientsOptionsWithoutAuth> = {},
): Promise<AdoClients> {
  const locations = await SDK.getService<ILocationService>(CommonServiceIds.LocationService);
  const areaIds: Partial<Record<ClientArea, string>> = {
    git: GitRestClient.RESOURCE_AREA_ID,
    build: BuildRestClient.RESOURCE_AREA_ID,
    core: CoreRestClient.RESOURCE_AREA_ID,
    taskAgent: TaskAgentRestClient.RESOURCE_AREA_ID,
    serviceEndpoint: ServiceEndpointRestClient.RESOURCE_AREA_ID,
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
    // The SDK refreshes its token itself; asking again after a 401 is enough.
    authHeader: async () => `Bearer ${await SDK.getAccessToken()}`,
  });
}
