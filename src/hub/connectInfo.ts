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

/** Why StackSpot needs the token, and with these scopes. */
export const STACKSPOT_PAT_WHY =
  "StackSpot calls Azure DevOps with this token: it queues the stackspot pipeline of a project " +
  "through the REST API with each workflow's inputs, and the workflows it runs (create an " +
  "application or infrastructure, apply a plugin, run an action) work with the project's code, " +
  "packages and pipelines. These are the scopes StackSpot's guide asks for (or Full access); " +
  "with fewer, a workflow can fail part-way. Only members of Project Collection Administrators " +
  "can create it.";

/** The StackSpot Account Portal: where the integration is edited. */
export const STACKSPOT_PORTAL_OPEN =
  "In the StackSpot Account Portal, open Organization → StackSpot EDP → SCM and choose Edit. " +
  "Pick Azure DevOps as the provider and PAT as the authentication: your Azure DevOps user name " +
  "and the token.";

/** The portal's question about whose token StackSpot uses, and what each answer means. */
export const USER_PAT_QUESTION = "Will the organization manage SCM access via User PAT?";
export const USER_PAT_ANSWERS: ReadonlyArray<{ answer: string; meaning: string }> = [
  {
    answer: "Yes",
    meaning:
      "every member who runs workflows adds an Azure DevOps token of their own in the Account " +
      "Portal (My Profile → External Connections), and StackSpot uses that member's token.",
  },
  {
    answer: "No",
    meaning:
      "StackSpot uses the organization's token entered here for everyone; members set up nothing.",
  },
];

/** That the Workflow URL is this project's, not the organization's. */
export function workflowUrlNote(project: string): string {
  return (
    `Each Azure DevOps project has its own Workflow URL (organization and project): this one is ` +
    `${project}'s. StackSpot queues the stackspot pipeline of the project the URL names.`
  );
}

/**
 * The page where a user creates personal access tokens, under the organization / collection URL.
 */
export function tokenPageUrl(orgUrl: string): string {
  return `${orgUrl.replace(/\/+$/, "")}/_usersSettings/tokens`;
}
