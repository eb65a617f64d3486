// Which of Microsoft's recorded examples are replayed: those of the operations the emulator plays
// and the product uses. Files are relative to the specs folder (tests/fixtures/ado-rest-specs),
// whose copy keeps only the examples the tests read (tests/reference/keep-list.ts works them out).
export interface SelectedExample {
  /** Short name used in reports and excuses. */
  id: string;
  file: string;
  /** The 7.1 operation the example belongs to. */
  operationId: string;
}

const git = (id: string, file: string, operationId: string): SelectedExample => ({
  id,
  file: `git/7.1/httpExamples/${file}`,
  operationId,
});
const pushes = Array.from({ length: 9 }, (_, i) =>
  git(
    `push-${i + 1}`,
    `pushes/POST__git_repositories__tempRepoId__pushes${i === 0 ? "" : i + 1}.json`,
    "Pushes_Create",
  ),
);

/**
 * In replay order: later examples build on what earlier ones created (pushes 1–9 form one history).
 */
export const SELECTED_EXAMPLES: SelectedExample[] = [
  {
    id: "projects-list",
    file: "core/7.1/httpExamples/projects/GET__projects.json",
    operationId: "Projects_List",
  },
  git("repositories-list", "repositories/GET__git_repositories.json", "Repositories_List"),
  git(
    "repository-get",
    "repositories/GET__git_repositories__repositoryId_.json",
    "Repositories_Get Repository",
  ),
  git("repository-create", "repositories/POST__git_repositories.json", "Repositories_Create"),
  git("repository-fork", "repositories/POST__git_repositories_fork.json", "Repositories_Create"),
  git(
    "repository-fork-source-ref",
    "repositories/POST__git_repositories_fork_source_ref.json",
    "Repositories_Create",
  ),
  git(
    "item-file",
    "items/GET__git_repositories__repositoryId__items_scopePath-_filePath_.json",
    "Items_Get",
  ),
  git(
    "item-file-download",
    "items/GET__git_repositories__repositoryId__items_scopePath-_filePath__download-true.json",
    "Items_Get",
  ),
  git("refs-all", "refs/GET__git_repositories__repositoryId__refs.json", "Refs_List"),
  git("refs-heads", "refs/GET__git_repositories__repositoryId__refs_heads.json", "Refs_List"),
  git(
    "refs-heads-contains",
    "refs/GET__git_repositories__repositoryId__refs_heads_contains_replacer.json",
    "Refs_List",
  ),
  git(
    "refs-heads-statuses",
    "refs/GET__git_repositories__repositoryId__refs_heads_statuses.json",
    "Refs_List",
  ),
  git("refs-tags", "refs/GET__git_repositories__repositoryId__refs_tags.json", "Refs_List"),
  ...pushes,
  git(
    "pull-request-create",
    "pullRequests/POST__git_repositories__repositoryId__pullRequests.json",
    "Pull Requests_Create",
  ),
  git(
    "pull-request-get",
    "pullRequests/GET__git_repositories__repositoryId__pullRequests__pullRequestId_.json",
    "Pull Requests_Get Pull Request",
  ),
  git(
    "pull-requests-list",
    "pullRequests/GET__git_repositories__repositoryId__pullRequests.json",
    "Pull Requests_Get Pull Requests",
  ),
  git(
    "pull-requests-completed",
    "pullRequests/GET__git_repositories__repositoryId__pullRequests_status-completed.json",
    "Pull Requests_Get Pull Requests",
  ),
  git(
    "pull-requests-target",
    "pullRequests/GET__git_repositories__repositoryId__pullRequests_targetRefName-refs_heads_master.json",
    "Pull Requests_Get Pull Requests",
  ),
  {
    id: "endpoint-create-generic",
    file: "serviceEndpoint/7.1/httpExamples/endpoints/CreateGenericEndpoint.json",
    operationId: "Endpoints_Create",
  },
  {
    id: "endpoint-create-azurerm",
    file: "serviceEndpoint/7.1/httpExamples/endpoints/CreateAzureRMEndpoint.json",
    operationId: "Endpoints_Create",
  },
  {
    id: "endpoints-list",
    file: "serviceEndpoint/7.1/httpExamples/endpoints/ListEndpoints.json",
    operationId: "Endpoints_Get Service Endpoints",
  },
  {
    id: "endpoints-by-names",
    file: "serviceEndpoint/7.1/httpExamples/endpoints/GetServiceEndpointsByName.json",
    operationId: "Endpoints_Get Service Endpoints By Names",
  },
  {
    id: "endpoint-get",
    file: "serviceEndpoint/7.1/httpExamples/endpoints/GetServiceEndpointDetails.json",
    operationId: "Endpoints_Get",
  },
  {
    id: "pipeline-permissions-update",
    file: "approvalsAndChecks/7.1/httpExamples/pipelinePermissions/PATCH__UpdatePipelinePermissionsForResource.json",
    operationId: "Pipeline Permissions_Update Pipeline Permisions For Resource",
  },
  {
    id: "pipeline-permissions-get",
    file: "approvalsAndChecks/7.1/httpExamples/pipelinePermissions/GET__GetPipelinePermissionsForResource.json",
    operationId: "Pipeline Permissions_Get",
  },
];

/** Operations the emulator plays for which Microsoft recorded no example (nothing to replay). */
export const OPERATIONS_WITHOUT_EXAMPLES = [
  "Projects_Get",
  "Definitions_List",
  "Definitions_Get",
  "Definitions_Create",
  "Definitions_Update",
  "Pipelines_List",
  "Pipelines_Get",
  "Runs_List",
  "Runs_Get",
  "Runs_Run Pipeline",
  "Queues_Get Agent Queues",
];
