// What the user copies into StackSpot: facts from StackSpot's Azure DevOps SCM procedure
// (docs/CONTRACT.md).

/** Scopes of the Azure DevOps PAT the StackSpot portal stores, as the token page names them. */
export const STACKSPOT_PAT_SCOPES: ReadonlyArray<{ area: string; access: string }> = [
  { area: "Auditing", access: "Read Audit Log" },
  { area: "Build", access: "Read & execute" },
  { area: "Code", access: "Read & write" },
  { area: "Packaging", access: "Read & write" },
  { area: "Pipeline Resources", access: "Use & manage" },
  { area: "Project and Team", access: "Read, write & manage" },
  { area: "Release", access: "Read, write & execute" },
  { area: "Service Connections", access: "Read, query & manage" },
];

/** The StackSpot Account Portal steps, shortest form. */
export const STACKSPOT_PORTAL_STEPS: readonly string[] = [
  "In the StackSpot Account Portal, open Organization → StackSpot EDP → SCM and choose Edit.",
  "Pick Azure DevOps as the provider and enter the PAT: your Azure DevOps user name and the token.",
  'Answer "Will the organization manage SCM access via User PAT?".',
  "Paste the Workflow URL shown above and save.",
];

/**
 * The page where a user creates personal access tokens, under the organization / collection URL.
 */
export function tokenPageUrl(orgUrl: string): string {
  return `${orgUrl.replace(/\/+$/, "")}/_usersSettings/tokens`;
}
