// core and the wire: projects, locations, authentication, api-version rules, the Accept options.
import { useEmulator } from "./useEmulator";
import { basicAuth, clientAccept, clientsFor, failure, rawFetch } from "./clients";

const emu = useEmulator({ scope: "each" });
beforeEach(() => {
  emu.addProject("Demo");
  emu.addProject("Other Project");
});

describe("projects", () => {
  it("lists projects and gets one by name or by id", async () => {
    const { core } = clientsFor(emu);
    const projects = await core.getProjects();
    expect(projects.map((p) => p.name)).toEqual(["Demo", "Other Project"]);
    expect(projects[0].id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    const byName = await core.getProject("Other Project");
    const byId = await core.getProject(byName.id);
    expect(byId.name).toBe("Other Project");
    expect(byName.capabilities.versioncontrol.sourceControlType).toBe("Git");
    // msDateFormat reached the client's deserializer
    expect(byName.lastUpdateTime).toBeInstanceOf(Date);
  });

  it("answers 404 TF200016 for an unknown project, in core and in project-scoped areas", async () => {
    const { core, git } = clientsFor(emu);
    const e1 = await failure(core.getProject("Nope"));
    expect(e1.status).toBe(404);
    expect(e1.message).toMatch(/^TF200016: The following project does not exist: Nope\./);
    const e2 = await failure(git.getRepositories("Nope"));
    expect(e2.serverError?.typeKey).toBe("ProjectDoesNotExistWithNameException");
  });

  it("hides every project when ViewProject is denied", async () => {
    emu.deny("ViewProject");
    const { core } = clientsFor(emu);
    expect((await core.getProjects()).length).toBe(0);
    expect((await failure(core.getProject("Demo"))).status).toBe(404);
    emu.allow("ViewProject");
    expect((await core.getProject("Demo")).name).toBe("Demo");
  });
});

describe("locations", () => {
  it("answers resource areas and connection data with the organization URL", async () => {
    const { locations } = clientsFor(emu);
    const area = await locations.getResourceArea("4e080c62-fa21-4fbc-8fef-2a10a2b38049");
    expect(area).toMatchObject({ name: "git", locationUrl: emu.orgUrl });
    const data = await locations.getConnectionData();
    expect(data.authenticatedUser.providerDisplayName).toBe("Demo User");
    expect(data.locationServiceData.accessMappings[0].accessPoint).toBe(emu.orgUrl);
    // The Location area is not in Microsoft's specs (tests/fixtures/ado-rest-specs), so the checker
    // cannot match these routes.
    const located = emu.violations.filter((v) =>
      /\/_apis\/(ResourceAreas|ConnectionData)/i.test(v.path),
    );
    expect(located.length).toBe(emu.violations.length);
    emu.clearViolations();
  });
});

describe("authentication", () => {
  it("accepts the token as Basic (any user name) or Bearer", async () => {
    const path = "/demo-org/_apis/projects";
    expect((await rawFetch(emu, "GET", path)).status).toBe(200);
    expect(
      (
        await rawFetch(emu, "GET", path, {
          auth: "Basic " + Buffer.from("someone:" + emu.token).toString("base64"),
        })
      ).status,
    ).toBe(200);
    expect((await rawFetch(emu, "GET", path, { auth: "Bearer " + emu.token })).status).toBe(200);
  });

  it("answers 401 with the service's body and never echoes what was sent", async () => {
    const wrong = "not-the-token-" + "x".repeat(20);
    for (const auth of [null, basicAuth(wrong), "Bearer " + wrong, "Negotiate abc"]) {
      const answer = await rawFetch(emu, "GET", "/demo-org/_apis/projects", { auth });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({
        $id: "1",
        innerException: null,
        typeKey: "UnauthorizedRequestException",
        errorCode: 0,
        eventId: 3000,
      });
      expect((answer.json as { message: string }).message).toMatch(/^TF400813:/);
      expect(answer.text).not.toContain(wrong);
      expect(answer.headers.get("www-authenticate")).toContain("Basic");
    }
    const { core } = clientsFor(emu, wrong);
    expect((await failure(core.getProjects())).status).toBe(401);
  });
});

describe("api-version", () => {
  it("refuses 7.2 without -preview, as the service does", async () => {
    const answer = await rawFetch(emu, "GET", "/demo-org/_apis/projects", {
      accept: "application/json;api-version=7.2",
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ typeKey: "VssInvalidPreviewVersionException" });
    expect((answer.json as { message: string }).message).toContain(
      'The -preview flag must be supplied in the api-version for such requests. For example: "7.2-preview"',
    );
    expect(emu.violations.length).toBeGreaterThan(0); // the checker also flags it
    emu.clearViolations();
  });

  it("refuses versions above 7.2, bad versions, and writes without a version", async () => {
    const high = await rawFetch(emu, "GET", "/demo-org/_apis/projects", {
      accept: "application/json;api-version=8.0-preview.1",
    });
    expect(high.status).toBe(400);
    expect((high.json as { message: string }).message).toBe(
      "The requested REST API version of 8.0 is out of range for this server. The latest REST API version this server supports is 7.2.",
    );
    const bad = await rawFetch(emu, "GET", "/demo-org/_apis/projects", {
      accept: "application/json;api-version=latest",
    });
    expect(bad.status).toBe(400);
    const none = await rawFetch(emu, "POST", "/demo-org/Demo/_apis/git/repositories", {
      accept: "application/json",
      body: { name: "x" },
    });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ typeKey: "VssVersionNotSpecifiedException" });
    expect(emu.listRepositories("Demo")).toEqual([]);
    emu.clearViolations();
  });

  it("takes the version from the query string too", async () => {
    const answer = await rawFetch(emu, "GET", "/demo-org/_apis/projects?api-version=7.1", {
      accept: "application/json",
    });
    expect(answer.status).toBe(200);
    expect(emu.requests.at(-1)?.apiVersion).toBe("7.1");
  });
});

describe("Accept options", () => {
  it("wraps lists as {count, value} and writes names and ISO dates unless the client asks otherwise", async () => {
    const plain = await rawFetch(emu, "GET", "/demo-org/_apis/projects", {
      accept: "application/json;api-version=7.1",
    });
    const body = plain.json as {
      count: number;
      value: { state: unknown; lastUpdateTime: string }[];
    };
    expect(body.count).toBe(2);
    expect(body.value[0].state).toBe("wellFormed");
    expect(body.value[0].lastUpdateTime).toMatch(/^\d{4}-\d\d-\d\dT/);

    const client = await rawFetch(emu, "GET", "/demo-org/_apis/projects", {
      accept: clientAccept("7.2-preview.4"),
    });
    expect(Array.isArray(client.json)).toBe(true);
    expect((client.json as { state: unknown }[])[0].state).toBe(1);
    expect(client.text).toMatch(/"lastUpdateTime":"\\\/Date\(\d+\)\\\/"/);
  });

  it("answers 404 for unknown routes and organizations", async () => {
    expect((await rawFetch(emu, "GET", "/demo-org/_apis/nothing-here")).status).toBe(404);
    expect((await rawFetch(emu, "GET", "/other-org/_apis/projects")).status).toBe(404);
    emu.clearViolations();
  });
});

describe("browsers", () => {
  it("answers CORS preflights without authentication and allows the requested headers", async () => {
    const res = await fetch(emu.baseUrl + "/demo-org/_apis/projects", {
      method: "OPTIONS",
      headers: {
        Origin: "http://127.0.0.1:9",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization,x-tfs-fedauthredirect",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toBe(
      "authorization,x-tfs-fedauthredirect",
    );
    expect(emu.requests).toEqual([]);
  });
});
