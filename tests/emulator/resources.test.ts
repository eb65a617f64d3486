// distributedtask queues, service endpoints and pipeline permissions through the real clients (the
// pipeline permissions API has no client in azure-devops-extension-api: it is driven with fetch).
import type { ServiceEndpoint } from "azure-devops-extension-api/ServiceEndpoint";
import { useEmulator } from "./useEmulator";
import { clientAccept, clientsFor, failure, rawFetch } from "./clients";

const emu = useEmulator({ scope: "each" });
let c: ReturnType<typeof clientsFor>;
let projectId: string;

beforeEach(() => {
  projectId = emu.addProject("Demo").id;
  emu.addQueue("Demo", "Self-Hosted Linux");
  c = clientsFor(emu);
});

describe("agent queues", () => {
  it("has the hosted queue in every new project, and filters by queueName", async () => {
    const all = await c.taskAgent.getAgentQueues("Demo");
    expect(all.map((q) => [q.name, q.pool.isHosted])).toEqual([
      ["Azure Pipelines", true],
      ["Self-Hosted Linux", false],
    ]);
    const hosted = await c.taskAgent.getAgentQueues("Demo", "azure pipelines");
    expect(hosted.map((q) => q.name)).toEqual(["Azure Pipelines"]);
    expect(hosted[0].projectId).toBe(projectId);
    const byNames = await c.taskAgent.getAgentQueuesByNames(["Self-Hosted Linux"], "Demo");
    expect(byNames.map((q) => q.name)).toEqual(["Self-Hosted Linux"]);
    expect((await c.taskAgent.getAgentQueue(hosted[0].id, "Demo")).name).toBe("Azure Pipelines");
    emu.deny("ViewQueues");
    expect((await c.taskAgent.getAgentQueues("Demo")).length).toBe(0);
  });
});

describe("service endpoints", () => {
  function stackspotEndpoint(name = "StackSpot"): ServiceEndpoint {
    return {
      name,
      type: "StackSpot",
      url: "https://idm.stackspot.com",
      authorization: {
        scheme: "UsernamePassword",
        parameters: { username: "client-id", password: "client-key-secret" },
      },
      data: { realm: "acme" },
      serviceEndpointProjectReferences: [
        { projectReference: { id: projectId, name: "Demo" }, name, description: "" },
      ],
    } as unknown as ServiceEndpoint;
  }

  it("creates at organization level, lists by type and by name, gets by id; never returns the secret", async () => {
    const created = await c.serviceEndpoint.createServiceEndpoint(stackspotEndpoint());
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.authorization.parameters).toEqual({ username: "client-id", password: null });
    const byType = await c.serviceEndpoint.getServiceEndpoints("Demo", "StackSpot");
    expect(byType.map((e) => e.name)).toEqual(["StackSpot"]);
    expect((await c.serviceEndpoint.getServiceEndpoints("Demo", "github")).length).toBe(0);
    const byName = await c.serviceEndpoint.getServiceEndpointsByNames("Demo", ["stackspot"]);
    expect(byName.map((e) => e.id)).toEqual([created.id]);
    const got = await c.serviceEndpoint.getServiceEndpointDetails("Demo", created.id);
    expect(got.data).toEqual({ realm: "acme" });
    expect(JSON.stringify([created, byType, byName, got])).not.toContain("client-key-secret");
    expect(emu.listServiceEndpoints("Demo")[0].authorization.parameters.password).toBe(
      "client-key-secret",
    );
    expect(
      await c.serviceEndpoint.getServiceEndpointDetails(
        "Demo",
        "00000000-0000-0000-0000-000000000000",
      ),
    ).toBeNull();
  });

  it("refuses a duplicate name and a denied creation", async () => {
    await c.serviceEndpoint.createServiceEndpoint(stackspotEndpoint());
    expect(
      (await failure(c.serviceEndpoint.createServiceEndpoint(stackspotEndpoint()))).status,
    ).toBe(409);
    emu.deny("CreateServiceEndpoint");
    const denied = await failure(
      c.serviceEndpoint.createServiceEndpoint(stackspotEndpoint("Other")),
    );
    expect(denied.status).toBe(403);
    expect(denied.message).toMatch(/^Access denied\./);
    emu.deny("ViewServiceEndpoints");
    expect((await c.serviceEndpoint.getServiceEndpoints("Demo")).length).toBe(0);
  });

  it("updates an endpoint and keeps a secret sent as null", async () => {
    const created = await c.serviceEndpoint.createServiceEndpoint(stackspotEndpoint());
    const updated = await c.serviceEndpoint.updateServiceEndpoint(
      { ...created, data: { realm: "other" } },
      created.id,
    );
    expect(updated.data).toEqual({ realm: "other" });
    expect(emu.listServiceEndpoints("Demo")[0].authorization.parameters.password).toBe(
      "client-key-secret",
    );
  });
});

describe("pipeline permissions", () => {
  it("reads and authorizes a pipeline for an endpoint, and shows the hosted queue open to all pipelines", async () => {
    emu.addRepository("Demo", "r");
    const def = emu.addDefinition("Demo", {
      name: "stackspot",
      repository: "r",
      yamlFilename: "/stackspot.yml",
    });
    const ep = emu.addServiceEndpoint("Demo", {
      name: "StackSpot",
      type: "StackSpot",
      url: "https://x",
      scheme: "UsernamePassword",
      parameters: { username: "u", password: "p" },
    });
    const accept = clientAccept("7.2-preview.1");
    const path = `/demo-org/Demo/_apis/pipelines/pipelinePermissions/endpoint/${ep.id}`;
    const before = await rawFetch(emu, "GET", path, { accept });
    expect(before.status).toBe(200);
    expect(before.json).toEqual({ resource: { type: "endpoint", id: ep.id }, pipelines: [] });

    const patched = await rawFetch(emu, "PATCH", path, {
      accept,
      body: { pipelines: [{ id: def.id, authorized: true }] },
    });
    expect(patched.status).toBe(200);
    expect(
      (patched.json as { pipelines: { id: number; authorized: boolean }[] }).pipelines,
    ).toEqual([expect.objectContaining({ id: def.id, authorized: true })]);
    expect(emu.pipelinePermissions("Demo", "endpoint", ep.id)).toEqual({
      allPipelines: false,
      pipelineIds: [def.id],
    });

    const hosted = emu.listQueues("Demo").find((q) => q.hosted)!;
    expect(emu.pipelinePermissions("Demo", "queue", String(hosted.id)).allPipelines).toBe(true);
    const queuePerm = await rawFetch(
      emu,
      "GET",
      `/demo-org/Demo/_apis/pipelines/pipelinePermissions/queue/${hosted.id}`,
      { accept },
    );
    expect(
      (queuePerm.json as { allPipelines?: { authorized: boolean } }).allPipelines?.authorized,
    ).toBe(true);
  });

  it("authorizes several resources at once, and refuses without the Administer role", async () => {
    emu.addRepository("Demo", "r");
    const def = emu.addDefinition("Demo", {
      name: "stackspot",
      repository: "r",
      yamlFilename: "/stackspot.yml",
    });
    const selfHosted = emu.listQueues("Demo").find((q) => !q.hosted)!;
    const accept = clientAccept("7.2-preview.1");
    const many = await rawFetch(
      emu,
      "PATCH",
      "/demo-org/Demo/_apis/pipelines/pipelinePermissions",
      {
        accept,
        body: [
          {
            resource: { type: "queue", id: String(selfHosted.id) },
            pipelines: [{ id: def.id, authorized: true }],
          },
        ],
      },
    );
    expect(many.status).toBe(200);
    expect(emu.pipelinePermissions("Demo", "queue", String(selfHosted.id)).pipelineIds).toEqual([
      def.id,
    ]);
    emu.deny("AdministerPipelinePermissions");
    const denied = await rawFetch(
      emu,
      "PATCH",
      `/demo-org/Demo/_apis/pipelines/pipelinePermissions/queue/${selfHosted.id}`,
      {
        accept,
        body: { pipelines: [{ id: def.id, authorized: false }] },
      },
    );
    expect(denied.status).toBe(403);
    expect(emu.pipelinePermissions("Demo", "queue", String(selfHosted.id)).pipelineIds).toEqual([
      def.id,
    ]);
  });
});
