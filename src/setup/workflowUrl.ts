// The Workflow URL the user pastes into the StackSpot portal.
//
// Decisions:
// - Azure DevOps Services: always https://dev.azure.com/{organization}/{project}, the form
//   StackSpot documents. A legacy https://{organization}.visualstudio.com/ URL (with or without
//   /DefaultCollection) is rewritten to that form: both address the same organization, and the
//   portal expects the dev.azure.com one.
// - Azure DevOps Server (on-premises): the collection URL as given, then "/" and the project.
// - The project name is URL-encoded (spaces become %20); the organization keeps its own encoding.

import { UserError } from "../errors/userError";

/** Thrown when the organization / collection URL is not an http(s) URL. */
export class InvalidOrganizationUrlError extends UserError {
  constructor(url: string) {
    super(
      `"${url}" is not an organization or collection URL.`,
      "Give the organization URL, e.g. https://dev.azure.com/my-org, " +
        "or the collection URL of Azure DevOps Server.",
    );
  }
}

export function workflowUrl(orgUrl: string, project: string): string {
  let url: URL;
  try {
    url = new URL(orgUrl);
  } catch {
    throw new InvalidOrganizationUrlError(orgUrl);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new InvalidOrganizationUrlError(orgUrl);
  const projectPart = encodeURIComponent(project);
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split("/").filter(Boolean);
  if (host === "dev.azure.com") {
    if (!segments.length) throw new InvalidOrganizationUrlError(orgUrl);
    return `https://dev.azure.com/${segments[0]}/${projectPart}`;
  }
  const legacy = host.match(/^([^.]+)\.visualstudio\.com$/);
  if (legacy) return `https://dev.azure.com/${legacy[1]}/${projectPart}`;
  const collection = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  return `${collection}/${projectPart}`;
}
