// Public API of the Azure DevOps access layer (Node-safe: no extension SDK here; the hub builds its
// clients with ./sdkClients). Keep these exports stable: the hub, the CLI and the engine use them.

// Clients and their factories.
export { createClients, createPatClients, createBearerClients, normalizeOrgUrl } from "./clients";
export type {
  AdoClients,
  CreateClientsOptions,
  ClientsOptionsWithoutAuth,
  ClientArea,
} from "./clients";

// Typed errors: every failure has `userMessage` and `remedy`.
export {
  AdoError,
  PermissionDeniedError,
  AuthenticationError,
  NotFoundError,
  NetworkError,
  ServiceUnavailableError,
  ConflictError,
  BranchPolicyError,
  InvalidRequestError,
  RedirectError,
  CertificateError,
  ProxyError,
} from "./errors";
export type { AdoErrorDetails, PermissionHint, RequestDescription } from "./errors";

// Retry policy (injectable timings) and the request observer type.
export {
  defaultRetryPolicy,
  resolveRetryPolicy,
  backoffDelay,
  parseRetryAfter,
  RetryBudget,
} from "./retry";
export type { RetryPolicy } from "./retry";
export type { FetchLike, RequestEvent } from "./transport";

// The pipeline-permissions client the library lacks.
export { PipelinePermissionsRestClient, isPipelineAuthorized } from "./pipelinePermissionsClient";
export type {
  PipelinePermission,
  PipelineResourceType,
  ResourcePipelinePermissions,
} from "./pipelinePermissionsClient";

// Permission checks before writing: the client, and the namespaces, bits and tokens they take.
export { SecurityRestClient } from "./securityClient";
export {
  permissionBits,
  securityTokens,
  GIT_REPOSITORIES,
  BUILD,
  SERVICE_ENDPOINTS,
} from "./securityNamespaces";
export type { PermissionBit } from "./securityNamespaces";

// What each REST call is, in the user's words.
export { describeOperation } from "./operations";
export type { OperationInfo } from "./operations";

// Typed bodies and look-ups for the REST calls the engine makes (the library's types describe the
// service's answers; these build what we send).
export {
  listDefinitions,
  listDefinitionsByName,
  listDefinitionsByYamlFile,
  yamlProcess,
  azureReposGit,
  newYamlDefinition,
  withDocumentedEnums,
  YAML_PROCESS_TYPE,
} from "./buildDefinitions";
export type { DefinitionQuery, NewYamlDefinition } from "./buildDefinitions";
export {
  shortBranchName,
  branchVersion,
  activePullRequests,
  newPullRequest,
  filePush,
  NO_COMMIT,
} from "./git";
export type { FilePush } from "./git";
export { usernamePasswordEndpoint } from "./serviceEndpoints";
export type { UsernamePasswordEndpoint } from "./serviceEndpoints";
export { webLink } from "./wire";
