// What the organization view learns from its host: the REST clients (the signed-in user's ambient
// identity, as in the project hub: no PAT), the organization's URL for Workflow URLs, and where
// each project's StackSpot hub is.
import * as SDK from "azure-devops-extension-sdk";
import {
  CommonServiceIds,
  type IHostNavigationService,
  type ILocationService,
} from "azure-devops-extension-api/Common";
import type { AdoClients } from "../ado";
import { createSdkClients } from "../ado/sdkClients";

export interface OrganizationContext {
  clients: AdoClients;
  /** The organization URL Workflow URLs are made of (https://dev.azure.com/org/ on Services). */
  orgUrl: string;
  /** The web address of a project's StackSpot hub. */
  projectHubUrl(project: string): string;
  /** Opens an Azure DevOps page in the host (the frame cannot navigate the page itself). */
  navigate(url: string): void;
}

/** The project hub's contribution id inside this extension (vss-extension.json). */
const PROJECT_HUB = "stackspot-hub";

export async function connectToOrganization(): Promise<OrganizationContext> {
  const [locations, navigation, clients] = await Promise.all([
    SDK.getService<ILocationService>(CommonServiceIds.LocationService),
    SDK.getService<IHostNavigationService>(CommonServiceIds.HostNavigationService),
    createSdkClients(),
  ]);
  const host = SDK.getHost();
  const orgUrl = host.isHosted
    ? `https://dev.azure.com/${encodeURIComponent(host.name)}/`
    : await locations.getServiceLocation();
  // The host's web context names the collection's web address when it has one; the organization
  // URL serves the same pages otherwise.
  const web = SDK.getWebContext() as { collection?: { uri?: string } };
  const webUrl = withSlash(web.collection?.uri ?? orgUrl);
  const hub = `${SDK.getExtensionContext().id}.${PROJECT_HUB}`;
  return {
    clients,
    orgUrl,
    projectHubUrl: (project) => `${webUrl}${encodeURIComponent(project)}/_apps/hub/${hub}`,
    navigate: (url) => navigation.navigate(url),
  };
}

const withSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);
