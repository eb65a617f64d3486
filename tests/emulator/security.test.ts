// security: permission checks (GET _apis/permissions/{namespace}/{bits}?tokens=...) answer from the
// same model as the writes; permissions can be denied in one project only; the creator of a service
// connection administers it.
import { useEmulator } from "./useEmulator";
import { clientAccept, clientsFor, failure, rawFetch } from "./clients";

const GIT = "2e9eb7ed-3c0a-47d4-87c1-0ffdd275fd87";
const BUILD = "33344d9c-fc72-4d6f-aba5-fa317101a7e9";
const ENDPOINTS = "49b48001-ca20-4adc-8111-5b60c903a50c";

const emu = useEmulator({ scope: "each" });
let demo: string;
let other: string;
beforeEach(() => {
  demo = emu.addProject("Demo").id;
  other = emu.addProject("Other").id;
});

/** The answer as the clients ask for it (noArrayWrap: a bare array). */
async function has(
  namespace: string,
  bits: number,
  tokens: string[],
  query = "",
): Promise<boolean[]> {
  const answer = await rawFetch(
    emu,
    "GET",
    `/demo-org/_apis/permissions/${namespace}/${bits}?tokens=${encodeURIComponent(tokens.join(","))}${query}`,
    { accept: clientAccept("7.1") },
  );
  expect(answer.status).toBe(200);
  return answer.json as boolean[];
}

describe("permission checks", () => {
  it("grants everything until denied, one answer per token, wrapped unless noArrayWrap", async () => {
    expect(await has(GIT, 256 | 4, [`repoV2/${demo}`, `repoV2/${other}`])).toEqual([true, true]);
    expect(await has(BUILD, 2048, [demo, `${demo}/folder/7`])).toEqual([true, true]);
    expect(await has(ENDPOINTS, 4, [`endpoints/${demo}`])).toEqual([true]);
    const wrapped = await rawFetch(
      emu,
      "GET",
      `/demo-org/_apis/permissions/${GIT}/4?tokens=repoV2/${demo}&api-version=7.1`,
      { accept: "application/json" },
    );
    expect(wrapped.json).toEqual({ count: 1, value: [true] });
  });

  it("answers false for a denied bit, and for a mask that includes it", async () => {
    emu.deny("CreateRepository");
    expect(await has(GIT, 256, [`repoV2/${demo}`])).toEqual([false]);
    expect(await has(GIT, 4, [`repoV2/${demo}`])).toEqual([true]);
    expect(await has(GIT, 256 | 4, [`repoV2/${demo}`])).toEqual([false]);
    emu.deny("EditBuildDefinition");
    expect(await has(BUILD, 2048, [demo, `${demo}/12`])).toEqual([false, false]);
    emu.deny("CreateServiceEndpoint");
    expect(await has(ENDPOINTS, 4, [`endpoints/${demo}`])).toEqual([false]);
  });

  it("takes another delimiter when a token holds a comma", async () => {
    emu.deny("EditBuildDefinition", { project: "Other" });
    const answer = await rawFetch(
      emu,
      "GET",
      `/demo-org/_apis/permissions/${BUILD}/2048?tokens=${encodeURIComponent(`${demo}/a,b/3|${other}/4`)}&delimiter=%7C`,
      { accept: clientAccept("7.1") },
    );
    expect(answer.json).toEqual([true, false]);
  });

  it("answers 404 for a namespace it does not know", async () => {
    const answer = await rawFetch(
      emu,
      "GET",
      `/demo-org/_apis/permissions/11111111-2222-3333-4444-555555555555/1?tokens=x`,
      { accept: clientAccept("7.1") },
    );
    expect(answer.status).toBe(404);
  });
});

describe("a permission denied in one project", () => {
  it("fails that project's requests with the service's error and leaves the others alone", async () => {
    emu.addRepository("Demo", "r");
    emu.addRepository("Other", "r");
    emu.deny("EditBuildDefinition", { project: "Demo" });
    const { build } = clientsFor(emu);
    const definition = (project: string) =>
      ({
        name: "p",
        path: "\\",
        type: 2,
        process: { type: 2, yamlFilename: "/a.yml" },
        repository: { id: emu.listRepositories(project)[0].id, type: "TfsGit" },
      }) as unknown as Parameters<typeof build.createDefinition>[0];
    const refused = await failure(build.createDefinition(definition("Demo"), "Demo"));
    expect(refused.status).toBe(403);
    expect(refused.serverError?.typeKey).toBe("AccessDeniedException");
    expect(refused.message).toMatch(/needs Edit build pipeline permissions/);
    expect((await build.createDefinition(definition("Other"), "Other")).name).toBe("p");
    expect(await has(BUILD, 2048, [demo, other])).toEqual([false, true]);
    emu.allow("EditBuildDefinition", { project: "Demo" });
    expect(await has(BUILD, 2048, [demo])).toEqual([true]);
  });

  it("hides only that project when ViewProject is denied there, and its tokens answer false", async () => {
    emu.deny("ViewProject", { project: "Other" });
    const { core } = clientsFor(emu);
    expect((await core.getProjects()).map((p) => p.name)).toEqual(["Demo"]);
    expect((await failure(core.getProject("Other"))).status).toBe(404);
    expect(await has(GIT, 4, [`repoV2/${demo}`, `repoV2/${other}`])).toEqual([true, false]);
  });

  it("refuses a service connection shared into that project", async () => {
    emu.deny("CreateServiceEndpoint", { project: "Demo" });
    const { serviceEndpoint } = clientsFor(emu);
    const endpoint = (id: string, name: string) =>
      ({
        name,
        type: "stackspot",
        url: "https://idm.stackspot.com",
        authorization: { scheme: "UsernamePassword", parameters: { username: "u", password: "p" } },
        serviceEndpointProjectReferences: [{ projectReference: { id, name }, name }],
      }) as unknown as Parameters<typeof serviceEndpoint.createServiceEndpoint>[0];
    expect(
      (await failure(serviceEndpoint.createServiceEndpoint(endpoint(demo, "Demo")))).status,
    ).toBe(403);
    expect((await serviceEndpoint.createServiceEndpoint(endpoint(other, "Other"))).name).toBe(
      "Other",
    );
    expect(emu.listServiceEndpoints("Demo")).toEqual([]);
  });
});

describe("the creator of a service connection", () => {
  it("administers it although the Administrator role is denied in the project; a connection made by someone else stays refused", async () => {
    emu.addRepository("Demo", "r");
    const def = emu.addDefinition("Demo", {
      name: "stackspot",
      repository: "r",
      yamlFilename: "/stackspot.yml",
    });
    const seeded = emu.addServiceEndpoint("Demo", { name: "theirs", type: "stackspot" });
    emu.deny("AdministerPipelinePermissions");
    const { serviceEndpoint } = clientsFor(emu);
    const mine = await serviceEndpoint.createServiceEndpoint({
      name: "mine",
      type: "stackspot",
      url: "https://idm.stackspot.com",
      authorization: { scheme: "UsernamePassword", parameters: { username: "u", password: "p" } },
      serviceEndpointProjectReferences: [
        { projectReference: { id: demo, name: "Demo" }, name: "mine" },
      ],
    } as unknown as Parameters<typeof serviceEndpoint.createServiceEndpoint>[0]);
    expect(
      await has(ENDPOINTS, 2, [
        `endpoints/${demo}/${mine.id}`,
        `endpoints/${demo}/${seeded.id}`,
        `endpoints/${demo}`,
      ]),
    ).toEqual([true, false, false]);
    const accept = clientAccept("7.2-preview.1");
    const authorize = (id: string) =>
      rawFetch(emu, "PATCH", `/demo-org/Demo/_apis/pipelines/pipelinePermissions/endpoint/${id}`, {
        accept,
        body: { pipelines: [{ id: def.id, authorized: true }] },
      });
    expect((await authorize(mine.id)).status).toBe(200);
    expect((await authorize(seeded.id)).status).toBe(403);
    expect(emu.pipelinePermissions("Demo", "endpoint", seeded.id).pipelineIds).toEqual([]);
  });
});
