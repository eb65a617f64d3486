// Fault injection and the request log: every kind of fault, seen by the real clients and by fetch.
import { VersionControlChangeType } from "azure-devops-extension-api/Git";
import { useEmulator } from "./useEmulator";
import { clientAccept, clientsFor, failure, rawFetch } from "./clients";
import { waitFor } from "../support/wait-for";

// Registered first so that it runs first, before the emulator stops, as it did when one hook did
// both.
afterEach(() => jest.restoreAllMocks());
const emu = useEmulator({ scope: "each" });
let c: ReturnType<typeof clientsFor>;
const PROJECTS = "/demo-org/_apis/projects";

beforeEach(() => {
  emu.addProject("Demo");
  emu.addRepository("Demo", "app");
  c = clientsFor(emu);
  // the client warns on network errors
  jest.spyOn(console, "warn").mockImplementation(() => undefined);
});

function pushBody(oldObjectId: string) {
  return {
    refUpdates: [{ name: "refs/heads/main", oldObjectId }],
    commits: [
      {
        comment: "add",
        changes: [
          {
            changeType: VersionControlChangeType.Add,
            item: { path: "/stackspot.yml" },
            newContent: { content: "x", contentType: 0 },
          },
        ],
      },
    ],
  } as never;
}

describe("status faults", () => {
  it("answers the status with Retry-After and the service's error body, once by default", async () => {
    emu.addFault({ route: "/_apis/projects", status: 429, retryAfter: 7 });
    const limited = await rawFetch(emu, "GET", PROJECTS);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.json).toMatchObject({
      $id: "1",
      innerException: null,
      errorCode: 0,
      eventId: 3000,
    });
    expect((await rawFetch(emu, "GET", PROJECTS)).status).toBe(200);
    expect(emu.requests.map((r) => r.fault)).toEqual(["status 429 retry-after 7", undefined]);
  });

  it("reaches the client as an error with the status", async () => {
    emu.addFault({ route: /_apis\/git\/repositories$/i, status: 503 });
    expect((await failure(c.git.getRepositories("Demo"))).status).toBe(503);
    expect((await c.git.getRepositories("Demo")).length).toBe(1);
  });

  it("applies N times, or always until cleared", async () => {
    emu.addFault({ route: "_apis/projects", status: 500, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await rawFetch(emu, "GET", PROJECTS)).status);
    expect(statuses).toEqual([500, 500, 200]);
    emu.addFault({ route: "_apis/projects", status: 502, times: Infinity });
    for (let i = 0; i < 4; i++) expect((await rawFetch(emu, "GET", PROJECTS)).status).toBe(502);
    emu.clearFaults();
    expect((await rawFetch(emu, "GET", PROJECTS)).status).toBe(200);
  });

  it("matches the method when given, and rules in the order added", async () => {
    emu.addFault({ method: "POST", route: "_apis/git/repositories", status: 500 });
    expect((await rawFetch(emu, "GET", "/demo-org/Demo/_apis/git/repositories")).status).toBe(200);
    emu.addFault({ route: "_apis/git/repositories", status: 503 });
    const created = await rawFetch(emu, "POST", "/demo-org/Demo/_apis/git/repositories", {
      body: { name: "x" },
    });
    expect(created.status).toBe(500); // the first rule wins
    expect(
      (
        await rawFetch(emu, "POST", "/demo-org/Demo/_apis/git/repositories", {
          body: { name: "x" },
        })
      ).status,
    ).toBe(503);
    expect(emu.listRepositories("Demo").map((r) => r.name)).toEqual(["app"]);
  });
});

/**
 * A signal that aborts once the condition holds. The client gives up when the emulator is seen to
 * hold its request, rather than after a fixed time that a busy machine may spend before the
 * request even arrives.
 */
function abortWhen(condition: () => boolean): AbortSignal {
  const controller = new AbortController();
  void waitFor(condition).then(() => controller.abort());
  return controller.signal;
}

describe("latency, reset, hang", () => {
  it("delays the answer: a short client timeout gives up, a later request is served", async () => {
    emu.addFault({ route: "_apis/projects", latencyMs: 1500 });
    const delayed = () => emu.requests[0]?.fault === "latency 1500ms";
    await expect(rawFetch(emu, "GET", PROJECTS, { signal: abortWhen(delayed) })).rejects.toThrow(
      /aborted|timeout/i,
    );
    expect((await rawFetch(emu, "GET", PROJECTS)).status).toBe(200);
    emu.setLatency(1500);
    const arrived = () => emu.requests.length === 3;
    await expect(rawFetch(emu, "GET", PROJECTS, { signal: abortWhen(arrived) })).rejects.toThrow(
      /aborted|timeout/i,
    );
    emu.setLatency(0);
    expect((await rawFetch(emu, "GET", PROJECTS)).status).toBe(200);
  });

  it("resets the connection: fetch fails, the client reports TF400893", async () => {
    emu.addFault({ route: "_apis/projects", reset: true, times: 2 });
    await expect(rawFetch(emu, "GET", PROJECTS)).rejects.toThrow(/fetch failed/);
    const error = await failure(c.core.getProjects());
    expect(error.message).toMatch(/^TF400893:/);
    const record = emu.requests[0];
    expect(record).toMatchObject({ status: 0, fault: "reset" });
  });

  it("hangs until the client's AbortController gives up", async () => {
    emu.addFault({ route: "_apis/projects", hang: true });
    const held = abortWhen(() => emu.requests[0]?.fault === "hang");
    await expect(rawFetch(emu, "GET", PROJECTS, { signal: held })).rejects.toThrow(/aborted/i);
    expect(emu.requests[0]).toMatchObject({ status: 0, fault: "hang" });
    expect((await rawFetch(emu, "GET", PROJECTS)).status).toBe(200);
  });

  it("stop() closes hung connections", async () => {
    emu.addFault({ route: "_apis/projects", hang: true });
    const pending = rawFetch(emu, "GET", PROJECTS);
    await waitFor(() => emu.requests[0]?.fault === "hang");
    await emu.stop();
    await expect(pending).rejects.toThrow();
  });
});

describe("afterHandling", () => {
  it("lets the write happen, then loses the answer (status)", async () => {
    const head = emu.listCommits("Demo", "app", "main")[0].commitId;
    emu.addFault({ method: "POST", route: "/pushes", status: 503, afterHandling: true });
    expect((await failure(c.git.createPush(pushBody(head), "app", "Demo"))).status).toBe(503);
    expect(emu.getFile("Demo", "app", "main", "/stackspot.yml")).toBe("x");
    // A retry with the same oldObjectId is now stale: the caller must re-read to see its own write.
    expect((await failure(c.git.createPush(pushBody(head), "app", "Demo"))).status).toBe(409);
    expect(emu.requests.filter((r) => r.write).map((r) => r.fault)).toEqual([
      "status 503, after handling",
      undefined,
    ]);
  });

  it("lets the write happen, then drops the connection (reset)", async () => {
    emu.addFault({
      method: "POST",
      route: "_apis/git/repositories",
      reset: true,
      afterHandling: true,
    });
    expect(
      (await failure(c.git.createRepository({ name: "created-anyway" } as never, "Demo"))).message,
    ).toMatch(/^TF400893:/);
    expect(emu.listRepositories("Demo").map((r) => r.name)).toEqual(["app", "created-anyway"]);
  });
});

describe("request log", () => {
  it("records method, path, query, api-version, status, timings and the write flag", async () => {
    await c.git.getItems("app", "Demo", "/", 1 as never);
    await rawFetch(emu, "POST", "/demo-org/Demo/_apis/git/repositories", {
      body: { name: "logged" },
      accept: clientAccept("7.2-preview.2"),
    });
    const [read, write] = emu.requests;
    expect(read).toMatchObject({
      method: "GET",
      path: expect.stringMatching(/\/_apis\/git\/repositories\/app\/Items$/),
      apiVersion: "7.2-preview.1",
      status: 200,
      write: false,
    });
    expect(read.query).toMatchObject({ scopePath: "/", recursionLevel: "1" });
    expect(write).toMatchObject({
      method: "POST",
      status: 201,
      write: true,
      apiVersion: "7.2-preview.2",
    });
    for (const r of emu.requests) expect(r.endedAt).toBeGreaterThanOrEqual(r.startedAt);
    emu.clearRequests();
    expect(emu.requests).toEqual([]);
  });
});
