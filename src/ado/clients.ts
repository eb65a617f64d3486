// Builds the REST clients the set-up engine uses, all on one transport (time-outs, retries, typed
// errors). Node-safe: nothing here touches the extension SDK; the hub's SDK flavour is
// sdkClients.ts. Git, Build, Core, TaskAgent and ServiceEndpoint are our own small classes
// (./rest/) on the package's RestClientBase, with only the methods the engine calls: the generated
// ones hold every method of their area and a class does not tree-shake. Pipelines (a small class)
// is the package's own.
import { PipelinesRestClient } from "azure-devops-extension-api/Pipelines";
import type { IVssRestClientOptions } from "azure-devops-extension-api/Common";
import { BuildClient } from "./rest/buildClient";
import { CoreClient } from "./rest/coreClient";
import { GitClient } from "./rest/gitClient";
import { ServiceEndpointClient } from "./rest/serviceEndpointClient";
import { TaskAgentClient } from "./rest/taskAgentClient";
import { PipelinePermissionsRestClient } from "./pipelinePermissionsClient";
import { SecurityRestClient } from "./securityClient";
import { resolveRetryPolicy, RetryPolicy } from "./retry";
import { FetchLike, installTransport, RequestEvent } from "./transport";

/** Everything the engine needs to talk to one organization / collection. */
export interface AdoClients {
  /** The organization or collection URL, with a trailing slash. */
  readonly orgUrl: string;
  readonly git: GitClient;
  readonly build: BuildClient;
  readonly pipelines: PipelinesRestClient;
  readonly core: CoreClient;
  readonly taskAgent: TaskAgentClient;
  readonly serviceEndpoint: ServiceEndpointClient;
  readonly pipelinePermissions: PipelinePermissionsRestClient;
  /** Permission checks (security namespaces), asked before a set-up writes anything. */
  readonly security: SecurityRestClient;
  /** The retry policy in force; the engine uses it for its re-read-then-retry of creates. */
  readonly retry: RetryPolicy;
}

export interface CreateClientsOptions {
  /** e.g. https://dev.azure.com/myorg/ or https://tfs.example.com/tfs/DefaultCollection/ */
  orgUrl: string;
  /** Returns the Authorization header value ("Basic …" or "Bearer …"); `refresh` after a 401. */
  authHeader: (refresh?: boolean) => Promise<string>;
  /** Retry and time-out settings; tests shorten them. */
  retry?: Partial<RetryPolicy>;
  /**
   * Per-area root URLs when they differ from orgUrl (the hub gets them from the location service).
   */
  rootPaths?: Partial<Record<ClientArea, string>>;
  /** Replaces the platform fetch (tests, proxies). */
  fetch?: FetchLike;
  /** Observes every attempt (method, path, status, error) — never bodies or headers. */
  onRequest?: (event: RequestEvent) => void;
}

export type ClientArea =
  | "git"
  | "build"
  | "pipelines"
  | "core"
  | "taskAgent"
  | "serviceEndpoint"
  | "pipelinePermissions"
  | "security";

/** Adds the trailing slash the clients' route concatenation relies on. */
export function normalizeOrgUrl(orgUrl: string): string {
  return orgUrl.endsWith("/") ? orgUrl : `${orgUrl}/`;
}

export function createClients(options: CreateClientsOptions): AdoClients {
  const orgUrl = normalizeOrgUrl(options.orgUrl);
  const policy = resolveRetryPolicy(options.retry);
  const transport = {
    authHeader: options.authHeader,
    policy,
    fetch: options.fetch,
    onRequest: options.onRequest,
  };
  const make = <T extends object>(
    Client: new (o: IVssRestClientOptions) => T,
    area: ClientArea,
  ): T => {
    const rootPath = normalizeOrgUrl(options.rootPaths?.[area] ?? orgUrl);
    // The token provider is unused by our transport but keeps the library's contract intact.
    const client = new Client({
      rootPath,
      authTokenProvider: { getAuthorizationHeader: (r?: boolean) => options.authHeader(r) },
    });
    return installTransport(client, transport);
  };
  return {
    orgUrl,
    git: make(GitClient, "git"),
    build: make(BuildClient, "build"),
    pipelines: make(PipelinesRestClient, "pipelines"),
    core: make(CoreClient, "core"),
    taskAgent: make(TaskAgentClient, "taskAgent"),
    serviceEndpoint: make(ServiceEndpointClient, "serviceEndpoint"),
    pipelinePermissions: make(PipelinePermissionsRestClient, "pipelinePermissions"),
    security: make(SecurityRestClient, "security"),
    retry: policy,
  };
}

export type ClientsOptionsWithoutAuth = Omit<CreateClientsOptions, "authHeader">;

/** Clients authenticated with a personal access token (Basic, empty user name). */
export function createPatClients(
  options: ClientsOptionsWithoutAuth & { token: string },
): AdoClients {
  const header = `Basic ${base64(`:${options.token}`)}`;
  const { token: _token, ...rest } = options;
  return createClients({ ...rest, authHeader: async () => header });
}

/** Clients authenticated with an OAuth / Entra bearer token, fetched (again) on demand. */
export function createBearerClients(
  options: ClientsOptionsWithoutAuth & { getToken: (refresh?: boolean) => Promise<string> },
): AdoClients {
  const { getToken, ...rest } = options;
  return createClients({
    ...rest,
    authHeader: async (refresh) => `Bearer ${await getToken(refresh)}`,
  });
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
