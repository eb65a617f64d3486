// The public face of the Azure DevOps REST emulator, shared by every test, benchmark and `npm
// start`. This file is the agreement between the emulator and its users: change it only with all of
// them in view.

/** What `startEmulator` accepts. */
export interface EmulatorOptions {
  /** Organization (collection) name in URLs. Default "demo-org". */
  organization?: string;
  /** Validate every request and response against tests/fixtures/ado-rest-specs. Default true. */
  contractCheck?: boolean;
  /** Latency added to every request, in ms (benchmarks). Default 0. */
  latencyMs?: number;
  /** Name of the user the emulator plays (shown in identities). Default "Demo User". */
  userName?: string;
}

/**
 * How the played organization behaves where services differ by edition, by token or by
 * installation, or where the real service's behaviour is not verified (docs/CONTRACT.md). Every
 * field defaults to a healthy Azure DevOps Services organization with the extension installed.
 */
export interface ServiceBehaviour {
  /**
   * "server2022" plays Azure DevOps Server 2022: REST versions up to 7.1 only (a 7.2-preview is
   * out of range, VssVersionOutOfRangeException), an on-premises deployment type and
   * X-TFS-* headers of a Server.
   */
  edition: "services" | "server2022";
  /** PAT scopes the token lacks (e.g. "vso.agentpools"): the calls that need one answer 401. */
  missingScopes: string[];
  /** Whether the StackSpot extension is installed (its "stackspot" service endpoint type). */
  extensionInstalled: boolean;
  /** GET _apis/permissions/... answers 403 (an organization or proxy that refuses it). */
  permissionsApiDenied: boolean;
  /**
   * Definitions_Create refuses a YAML file that is not on the definition's default branch. The
   * service is reported to accept it; this plays the unverified alternative.
   */
  yamlFileRequiredOnCreate: boolean;
}

export interface ProjectRecord {
  id: string;
  name: string;
}
export interface RepositoryRecord {
  id: string;
  name: string;
  projectId: string;
  defaultBranch?: string;
}
export interface QueueRecord {
  id: number;
  name: string;
  poolId: number;
  hosted: boolean;
}
export interface VariableRecord {
  value?: string;
  isSecret?: boolean;
  allowOverride?: boolean;
}
export interface DefinitionRecord {
  id: number;
  name: string;
  /** Folder, as the service writes it: "\\" is the root. */
  path: string;
  revision: number;
  repositoryId: string;
  yamlFilename: string;
  queueId?: number;
  /**
   * Variables with their stored values (secret values included: this is the emulator's own view).
   */
  variables: Record<string, VariableRecord>;
}
export interface ServiceEndpointRecord {
  id: string;
  name: string;
  type: string;
  url: string;
  authorization: { scheme: string; parameters: Record<string, string> };
  data: Record<string, string>;
  projectIds: string[];
}
export interface PullRequestRecord {
  pullRequestId: number;
  repositoryId: string;
  sourceRefName: string;
  targetRefName: string;
  title: string;
  status: "active" | "completed" | "abandoned";
}
export interface RunRecord {
  id: number;
  pipelineId: number;
  state: "unknown" | "inProgress" | "canceling" | "completed";
  result?: "unknown" | "succeeded" | "failed" | "canceled";
  templateParameters: Record<string, string>;
  variables: Record<string, { value?: string; isSecret?: boolean }>;
  createdDate: string;
  finishedDate?: string;
}

/**
 * Permissions the emulator can deny to the user it plays. A denied permission makes the matching
 * request fail as the service fails it (401/403 with the service's message and TF code).
 */
export type Permission =
  | "ViewProject" // core: read the project
  | "ReadRepository" // git: read repositories, refs, items
  | "CreateRepository" // git: create a repository in the project
  | "GenericContribute" // git: push to a repository ("Contribute")
  | "PullRequestContribute" // git: create a pull request
  | "ViewBuildDefinition" // build/pipelines: read definitions and runs
  | "EditBuildDefinition" // build: create / update definitions ("Edit build pipeline")
  | "QueueBuilds" // pipelines: run a pipeline ("Queue builds")
  | "ViewServiceEndpoints" // serviceendpoint: list / get
  | "CreateServiceEndpoint" // serviceendpoint: create ("Creator" role)
  // pipelinepermissions: authorize a pipeline ("Administrator" on the resource; the creator of a
  // service connection is its Administrator regardless)
  | "AdministerPipelinePermissions"
  | "ViewQueues"; // distributedtask: list agent queues

/**
 * One fault rule. Rules are matched in the order added; the first that matches and has uses left
 * applies.
 */
export interface FaultRule {
  /** HTTP method to match; any when omitted. */
  method?: string;
  /**
   * Matched against the request path (without query), e.g. /_apis\/git\/repositories$/. A string
   * means "path contains".
   */
  route: RegExp | string;
  /** Answer with this status and the service's error body. */
  status?: number;
  /** Retry-After header (seconds) sent with the status. */
  retryAfter?: number;
  /** Delay before answering (or before the other effect). */
  latencyMs?: number;
  /** Destroy the socket without an answer (ECONNRESET at the client). */
  reset?: boolean;
  /** Never answer (the client must time out). */
  hang?: boolean;
  /** How many matching requests it affects: default 1; Infinity for always. */
  times?: number;
  /**
   * Let the request reach the emulator (state changes), then apply the fault to the response
   * instead.
   */
  afterHandling?: boolean;
}

export interface RequestRecord {
  method: string;
  /** Path without the query string, e.g. /demo-org/Demo/_apis/git/repositories */
  path: string;
  query: Record<string, string>;
  /** api-version as sent (Accept header or query). */
  apiVersion?: string;
  status: number;
  /** performance.now() at arrival and at the end of the answer. */
  startedAt: number;
  endedAt: number;
  /** Was it a write (POST, PUT, PATCH, DELETE)? */
  write: boolean;
  /** Which fault, if any, was applied. */
  fault?: string;
}

export interface ContractViolation {
  /** "request" or "response" */
  side: "request" | "response";
  method: string;
  path: string;
  /** The spec operation it was matched to, when it was. */
  operationId?: string;
  message: string;
}

/** The contract checker used by the emulator (implemented in tests/contract). */
export interface ContractChecker {
  checkRequest(req: {
    method: string;
    path: string;
    query: Record<string, string>;
    headers: Record<string, string | string[] | undefined>;
    body: unknown;
  }): ContractViolation[];
  checkResponse(
    req: {
      method: string;
      path: string;
      query: Record<string, string>;
      headers: Record<string, string | string[] | undefined>;
    },
    status: number,
    body: unknown,
  ): ContractViolation[];
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  readonly baseUrl: string;
  /** The collection / organization URL with a trailing slash: http://127.0.0.1:PORT/demo-org/ */
  readonly orgUrl: string;
  readonly organization: string;
  /** A token the emulator accepts (as Basic with a PAT, or as Bearer). Any other token gets 401. */
  readonly token: string;
  stop(): Promise<void>;

  // --- seeding ---
  addProject(name: string): ProjectRecord;
  /**
   * files: path → content, committed on the default branch. defaultBranch null = an empty
   * repository (no commits, no refs).
   */
  addRepository(
    project: string,
    name: string,
    opts?: { defaultBranch?: string | null; files?: Record<string, string> },
  ): RepositoryRecord;
  /** Commits a file (add or edit) on a branch as another user would; returns the new commit id. */
  commitFile(
    project: string,
    repository: string,
    branch: string,
    path: string,
    content: string,
  ): string;
  /**
   * The "Azure Pipelines" hosted queue exists in every new project; add others (self-hosted pools).
   */
  addQueue(project: string, name: string, opts?: { hosted?: boolean }): QueueRecord;
  addDefinition(
    project: string,
    def: {
      name: string;
      path?: string;
      repository: string;
      yamlFilename: string;
      variables?: Record<string, VariableRecord>;
      queue?: string;
    },
  ): DefinitionRecord;
  addServiceEndpoint(
    project: string,
    ep: {
      name: string;
      type: string;
      url?: string;
      scheme?: string;
      parameters?: Record<string, string>;
      data?: Record<string, string>;
    },
  ): ServiceEndpointRecord;
  addRun(project: string, pipelineId: number, run: Partial<RunRecord>): RunRecord;
  /** Moves a run on (e.g. a run in progress completes), as the service's agents would. */
  updateRun(
    project: string,
    pipelineId: number,
    runId: number,
    change: Partial<Pick<RunRecord, "state" | "result" | "finishedDate">>,
  ): RunRecord;
  /** Bulk seeding for scale tests: n repositories and m definitions with generated names. */
  seedBulk(project: string, counts: { repositories?: number; definitions?: number }): void;

  // --- inspection (the emulator's own view, not through HTTP) ---
  getProject(name: string): ProjectRecord | undefined;
  listRepositories(project: string): RepositoryRecord[];
  /** File content at a branch, or undefined. */
  getFile(project: string, repository: string, branch: string, path: string): string | undefined;
  /** Commits reachable from the branch, newest first. */
  listCommits(
    project: string,
    repository: string,
    branch: string,
  ): { commitId: string; comment: string }[];
  /** Branch names without "refs/heads/" (e.g. "main", "stackspot/setup"), sorted. */
  listBranches(project: string, repository: string): string[];
  listDefinitions(project: string): DefinitionRecord[];
  listQueues(project: string): QueueRecord[];
  listServiceEndpoints(project: string): ServiceEndpointRecord[];
  listPullRequests(project: string, repository: string): PullRequestRecord[];
  /**
   * Newest first, as the REST list answers. Secret variable values are included (the emulator's own
   * view).
   */
  listRuns(project: string, pipelineId: number): RunRecord[];
  /**
   * Pipelines authorized on a resource (resourceType e.g. "endpoint", "queue"); allPipelines when
   * open to all.
   */
  pipelinePermissions(
    project: string,
    resourceType: string,
    resourceId: string,
  ): { allPipelines: boolean; pipelineIds: number[] };

  // --- permission model ---
  /**
   * Denies a permission in every project, or only in `scope.project`: that project's requests fail
   * as the service fails them, and the security namespaces (GET _apis/permissions/...) answer
   * false.
   */
  deny(permission: Permission, scope?: { project: string }): void;
  /**
   * Grants it again (in every project, or in `scope.project`; a project-wide denial stays until
   * allowed without scope).
   */
  allow(permission: Permission, scope?: { project: string }): void;

  // --- branch policies: direct pushes to a protected branch are rejected with TF402455 ---
  protectBranch(project: string, repository: string, branch: string): void;
  /**
   * Completes an active pull request as a reviewer would (a squash merge: the source branch's
   * changes since the pull request was created land on the target in one commit). Returns the new
   * target commit id.
   */
  completePullRequest(project: string, repository: string, pullRequestId: number): string;

  // --- how the played service behaves (edition, token, installation, unverified rules) ---
  behave(behaviour: Partial<ServiceBehaviour>): void;

  // --- faults ---
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  setLatency(ms: number): void;

  // --- request log and contract ---
  readonly requests: RequestRecord[];
  clearRequests(): void;
  readonly violations: ContractViolation[];
  clearViolations(): void;
}
