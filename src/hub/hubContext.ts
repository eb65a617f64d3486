// What the hub learns from its host before anything else: the project (project page service), the
// REST clients (the engine's SDK factory: ambient token, locations from the host), and the URLs the
// user needs (Workflow URL, token page). No PAT anywhere: the host's access token is the identity.
import { UserError } from "../errors/userError";
import * as SDK from "azure-devops-extension-sdk";
import {
  CommonServiceIds,
  type IProjectPageService,
  type ILocationService,
} from "azure-devops-extension-api/Common";
import type { AdoClients } from "../ado";
import { createSdkClients } from "../ado/sdkClients";
import { workflowUrl } from "../setup/workflowUrl";
import { tokenPageUrl } from "./connectInfo";

export interface HubContext {
  project: { id: string; name: string };
  clients: AdoClients;
  /** The StackSpot Workflow URL of this project. */
  workflowUrl: string;
  /** Where the user creates a personal access token. */
  tokenPageUrl: string;
}

export class NoProjectError extends UserError {
  constructor() {
    super("This page is not inside a project.", "Open StackSpot from a project's Pipelines menu.");
  }
}

export async function connectToHost(): Promise<HubContext> {
  const [projectService, locations, clients] = await Promise.all([
    SDK.getService<IProjectPageService>(CommonServiceIds.ProjectPageService),
    SDK.getService<ILocationService>(CommonServiceIds.LocationService),
    createSdkClients(),
  ]);
  const project = await projectService.getProject();
  if (!project) throw new NoProjectError();
  const host = SDK.getHost();
  // Azure DevOps Services: the public organization URL, whatever URL the REST calls use.
  // Azure DevOps Server: the collection URL the host serves.
  const orgUrl = host.isHosted
    ? `https://dev.azure.com/${encodeURIComponent(host.name)}/`
    : await locations.getServiceLocation();
  return {
    project: { id: project.id, name: project.name },
    clients,
    workflowUrl: workflowUrl(orgUrl, project.name),
    tokenPageUrl: tokenPageUrl(orgUrl),
  };
}
