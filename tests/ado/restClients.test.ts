// Our small REST clients (src/ado/rest/) send exactly what the package's generated clients send for
// the same call: method, URL with its query, api-version and body. They replace those classes in
// the hub and the command line to cut weight, so a route or version that drifted would be a change
// of contract, not of size.
import { BuildRestClient } from "azure-devops-extension-api/Build";
import { CoreRestClient } from "azure-devops-extension-api/Core";
import { GitRestClient } from "azure-devops-extension-api/Git";
import { ServiceEndpointRestClient } from "azure-devops-extension-api/ServiceEndpoint";
import { TaskAgentRestClient } from "azure-devops-extension-api/TaskAgent";
import { resolveRetryPolicy } from "../../src/ado/retry";
import { BuildClient } from "../../src/ado/rest/buildClient";
import { CoreClient } from "../../src/ado/rest/coreClient";
import { GitClient } from "../../src/ado/rest/gitClient";
import { ServiceEndpointClient } from "../../src/ado/rest/serviceEndpointClient";
import { TaskAgentClient } from "../../src/ado/rest/taskAgentClient";
import { installTransport } from "../../src/ado/transport";

const ROOT = "http://clients.invalid/org/";
type Client = Record<string, (...args: unknown[]) => Promise<unknown>>;

/** The request a client method sends, through our transport with a recording fetch. */
async function requestOf(Client: new (o: object) => object, method: string, args: unknown[]) {
  const sent: object[] = [];
  const client = installTransport(new Client({ rootPath: ROOT }), {
    authHeader: async () => "Bearer t",
    policy: resolveRetryPolicy({ maxAttempts: 1 }),
    fetch: async (url, init) => {
      const headers = init.headers as Record<string, string>;
      sent.push({ url, method: init.method, accept: headers.Accept, body: init.body });
      return new Response("[]", {
        status: 200,
        headers: { "content-type": "application/json", "x-ms-continuationtoken": "next" },
      });
    },
  }) as unknown as Client;
  const answer = await client[method](...args);
  return { sent, answer };
}

const PUSH = { refUpdates: [{ name: "refs/heads/main", oldObjectId: "0".repeat(40) }] };
const CASES: [string, new (o: object) => object, new (o: object) => object, string, unknown[]][] = [
  ["git", GitClient, GitRestClient, "createPush", [PUSH, "repo", "P"]],
  ["git", GitClient, GitRestClient, "createRepository", [{ name: "r" }, "P"]],
  ["git", GitClient, GitRestClient, "getRepository", ["repo id", "P"]],
  ["git", GitClient, GitRestClient, "getRepositories", ["P"]],
  [
    "git",
    GitClient,
    GitRestClient,
    "getItem",
    [
      "repo",
      "/stackspot.yml",
      "P",
      undefined,
      undefined,
      true,
      undefined,
      undefined,
      { version: "main", versionType: "branch" },
      true,
    ],
  ],
  ["git", GitClient, GitRestClient, "getRefs", ["repo", "P", "heads/main"]],
  [
    "git",
    GitClient,
    GitRestClient,
    "getPullRequests",
    ["repo", { sourceRefName: "refs/heads/a", status: "active" }, "P"],
  ],
  ["git", GitClient, GitRestClient, "createPullRequest", [{ title: "t" }, "repo", "P"]],
  ["build", BuildClient, BuildRestClient, "createDefinition", [{ name: "stackspot" }, "P"]],
  ["build", BuildClient, BuildRestClient, "getDefinition", ["P", 7, undefined, undefined, ["x"]]],
  [
    "build",
    BuildClient,
    BuildRestClient,
    "getDefinitions",
    [
      "P",
      "stackspot",
      undefined,
      undefined,
      undefined,
      5,
      undefined,
      undefined,
      [1, 2],
      "\\",
      undefined,
      undefined,
      true,
      undefined,
      undefined,
      2,
      "/stackspot.yml",
    ],
  ],
  ["build", BuildClient, BuildRestClient, "updateDefinition", [{ id: 7, revision: 3 }, "P", 7]],
  ["core", CoreClient, CoreRestClient, "getProject", ["P"]],
  ["core", CoreClient, CoreRestClient, "getProjects", [undefined, 100, 0, 5]],
  ["taskAgent", TaskAgentClient, TaskAgentRestClient, "getAgentQueues", ["P", "Default"]],
  [
    "serviceEndpoint",
    ServiceEndpointClient,
    ServiceEndpointRestClient,
    "createServiceEndpoint",
    [{ name: "stackspot", type: "stackspot" }],
  ],
  [
    "serviceEndpoint",
    ServiceEndpointClient,
    ServiceEndpointRestClient,
    "getServiceEndpoints",
    ["P", "stackspot", ["UsernamePassword"], ["id1"], undefined, true],
  ],
  [
    "serviceEndpoint",
    ServiceEndpointClient,
    ServiceEndpointRestClient,
    "getServiceEndpointsByNames",
    ["P", ["stackspot", "other"], "stackspot"],
  ],
];

const NAMED = CASES.map(([area, ours, theirs, method, args]) => {
  return [`${area}.${method}`, ours, theirs, method, args] as const;
});

test.each(NAMED)(
  "%s sends what the generated client sends",
  async (_a, ours, theirs, method, args) => {
    const mine = await requestOf(ours, method, args);
    const generated = await requestOf(theirs, method, args);
    expect(mine.sent).toHaveLength(1);
    expect(mine.sent).toEqual(generated.sent);
    // Paged lists keep the continuation token, as the generated clients set it.
    expect((mine.answer as { continuationToken?: string }).continuationToken).toBe(
      (generated.answer as { continuationToken?: string }).continuationToken,
    );
  },
);

test("each client keeps the generated client's resource area id (the hub locates areas by it)", () => {
  expect(GitClient.RESOURCE_AREA_ID).toBe(GitRestClient.RESOURCE_AREA_ID);
  expect(BuildClient.RESOURCE_AREA_ID).toBe(BuildRestClient.RESOURCE_AREA_ID);
  expect(CoreClient.RESOURCE_AREA_ID).toBe(CoreRestClient.RESOURCE_AREA_ID);
  expect(TaskAgentClient.RESOURCE_AREA_ID).toBe(TaskAgentRestClient.RESOURCE_AREA_ID);
  expect(ServiceEndpointClient.RESOURCE_AREA_ID).toBe(ServiceEndpointRestClient.RESOURCE_AREA_ID);
});
