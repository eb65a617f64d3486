// The security namespaces, permission bits and token formats behind the writes the set-up makes, so
// that it can ask "may I?" before changing anything (GET _apis/permissions/{namespace}/{bits}).
//
// Where each number comes from (checked against these sources; "unverified" says what is not):
// - Git Repositories 2e9eb7ed-3c0a-47d4-87c1-0ffdd275fd87: Microsoft's "Security namespace and
//   permission reference" (MicrosoftDocs/azure-devops-docs,
//   docs/organizations/security/namespace-reference.md) gives the id and the tokens
//   repoV2/{projectId} and repoV2/{projectId}/{repositoryId}. Bits from the
//   GitRepositoryPermissions enum on learn.microsoft.com
//   (Microsoft.TeamFoundation.SourceControl.WebApi): GenericContribute 4, CreateRepository 256,
//   PullRequestContribute 16384.
// - Build 33344d9c-fc72-4d6f-aba5-fa317101a7e9: id and tokens {projectId} and
//   {projectId}/{definitionId} from the same namespace reference; folders in the token
//   ({projectId}/{folder}/{sub}/{definitionId}, backslashes turned into slashes) from
//   microsoft/terraform-provider-azuredevops (resource_build_definition_permissions.go).
//   EditBuildDefinition 2048 from a constants file generated from
//   Microsoft.TeamFoundation.Build2.WebApi (BuildPermissions, BuildSecurity.BuildNamespaceId) seen
//   in a public repository, and the same value in the VSTeam PowerShell module; Microsoft's
//   documentation pages list the name, not the value.
// - ServiceEndpoints 49b48001-ca20-4adc-8111-5b60c903a50c: id from the namespace reference; tokens
//   endpoints/{projectId} and endpoints/{projectId}/{endpointId} from the terraform provider
//   (resource_serviceendpoint_permissions.go). Bits Use 1, Administer 2, Create 4,
//   ViewAuthorization 8, ViewEndpoint 16 from a listing of the service's own
//   _apis/securitynamespaces in a public client library (ado_wrapper); unverified against a
//   Microsoft page. Also unverified: that creating a project's connection is decided by Create on
//   endpoints/{projectId} (and not only at organization level).
// - The creator of a service connection is made its Administrator (learn.microsoft.com, "Configure
//   service connection security"), so authorizing a pipeline on a connection the set-up creates
//   needs no check.
// - DistributedTask 101eae8c-1709-47f9-b228-0e476c35b3ba: id and the actions View, Manage, Listen,
//   AdministerPermissions, Use, Create from the same namespace reference ("Role-based
//   namespaces"); their bits 1, 2, 4, 8, 16, 32 from listings of the service's own
//   _apis/securitynamespaces in public client libraries. Agent queue tokens AgentQueues/{projectId}
//   and AgentQueues/{projectId}/{queueId}, and the bit the pipeline-permission setting of a queue
//   demands (8, named "ManagePermission" there), from the Azure DevOps web client's own
//   agent-queue policies tab (a public copy of its TypeScript: it asks hasPermissions on that
//   token with 8 before it lets anyone change the queue's pipeline access). Microsoft's page "Add
//   an admin role to a protected resource" says the same in words: managing a protected resource
//   (an agent pool among them) takes the Administrator role on it, the one role that holds bit 8.
//   Unverified against the service itself: see docs/CONTRACT.md.
// - Library b7e84409-6553-448a-bbb2-af228e07cbeb (variable groups, secure files): the set-up
//   creates and authorizes none, so it checks nothing there.

export interface PermissionBit {
  namespaceId: string;
  bit: number;
}

export const GIT_REPOSITORIES = "2e9eb7ed-3c0a-47d4-87c1-0ffdd275fd87";
export const BUILD = "33344d9c-fc72-4d6f-aba5-fa317101a7e9";
export const SERVICE_ENDPOINTS = "49b48001-ca20-4adc-8111-5b60c903a50c";
export const DISTRIBUTED_TASK = "101eae8c-1709-47f9-b228-0e476c35b3ba";

export const permissionBits = {
  createRepository: { namespaceId: GIT_REPOSITORIES, bit: 256 },
  contribute: { namespaceId: GIT_REPOSITORIES, bit: 4 },
  pullRequestContribute: { namespaceId: GIT_REPOSITORIES, bit: 16384 },
  editBuildDefinition: { namespaceId: BUILD, bit: 2048 },
  createServiceEndpoint: { namespaceId: SERVICE_ENDPOINTS, bit: 4 },
  administerServiceEndpoint: { namespaceId: SERVICE_ENDPOINTS, bit: 2 },
  /** AdministerPermissions on an agent queue: what authorizing a pipeline on it takes. */
  administerQueue: { namespaceId: DISTRIBUTED_TASK, bit: 8 },
} satisfies Record<string, PermissionBit>;

export const securityTokens = {
  /** Every repository of the project (what a new repository inherits). */
  gitProject: (projectId: string) => `repoV2/${projectId}`,
  gitRepository: (projectId: string, repositoryId: string) => `repoV2/${projectId}/${repositoryId}`,
  /** Every pipeline of the project (what a new pipeline in the root folder inherits). */
  buildProject: (projectId: string) => projectId,
  /** A pipeline: its folders (service path "\\a\\b") come between the project and its id. */
  buildDefinition: (projectId: string, folder: string, definitionId: number) => {
    const parts = folder.split(/[\\/]+/).filter(Boolean);
    return [projectId, ...parts, String(definitionId)].join("/");
  },
  endpointsProject: (projectId: string) => `endpoints/${projectId}`,
  endpoint: (projectId: string, endpointId: string) => `endpoints/${projectId}/${endpointId}`,
  /** Every agent queue of the project (what a queue inherits). */
  agentQueuesProject: (projectId: string) => `AgentQueues/${projectId}`,
  agentQueue: (projectId: string, queueId: number) => `AgentQueues/${projectId}/${queueId}`,
};
