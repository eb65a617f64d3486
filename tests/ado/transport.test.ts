// The transport over real HTTP against the emulator: typed errors, which calls it repeats and which
// it leaves to the engine, time-outs, resets, an unreachable host, the token refresh after a 401.
import { createServer } from "node:net";
import {
  AuthenticationError,
  createClients,
  createPatClients,
  NetworkError,
  NotFoundError,
  RequestEvent,
  RetryPolicy,
  ServiceUnavailableError,
} from "../../src/ado";
import { useEmulator } from "../emulator/useEmulator";
import { emulatorTimings } from "../support/emulator-timing";

const emu = useEmulator();
beforeAll(() => {
  emu.addProject("Demo");
});
afterEach(() => emu.clearFaults());

const waits: number[] = [];
const RETRY: Partial<RetryPolicy> = {
  maxAttempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 5,
  maxElapsedMs: 10_000,
  requestTimeoutMs: 1_000,
};
/**
 * The tests' timings: a request times out only when the emulator withholds its answer, back-offs
 * are recorded in `waits` and not slept, and the budget reads a virtual clock
 * (support/emulator-timing.ts). A real 1 s time-out would fail healthy calls on a busy machine.
 */
function retry(extra: Partial<RetryPolicy> = {}): Partial<RetryPolicy> {
  return { ...RETRY, ...emulatorTimings(emu, { onWait: (ms) => waits.push(ms) }), ...extra };
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
}

it("repeats an idempotent read after 503 and 429, honouring Retry-After", async () => {
  waits.length = 0;
  const events: RequestEvent[] = [];
  const clients = createPatClients({
    orgUrl: emu.orgUrl,
    token: emu.token,
    retry: retry(),
    onRequest: (e) => events.push(e),
  });
  emu.addFault({ route: "/_apis/distributedtask/queues", status: 503 });
  emu.addFault({ route: "/_apis/distributedtask/queues", status: 429, retryAfter: 2 });
  const queues = await clients.taskAgent.getAgentQueues("Demo");
  expect(queues.map((q) => q.name)).toContain("Azure Pipelines");
  expect(events.map((e) => e.status)).toEqual([503, 429, 200]);
  expect(waits[1]).toBeGreaterThanOrEqual(2_000);
  expect(JSON.stringify(events.map((e) => ({ ...e, error: e.error?.userMessage })))).not.toMatch(
    /Authorization|Basic /,
  );
});

it("does not repeat a create by itself: the engine re-reads first", async () => {
  const clients = createPatClients({ orgUrl: emu.orgUrl, token: emu.token, retry: retry() });
  emu.addFault({ method: "POST", route: /_apis\/git\/repositories$/i, status: 503 });
  emu.clearRequests();
  const e = await failure(clients.git.createRepository({ name: "once" } as never, "Demo"));
  expect(e).toBeInstanceOf(ServiceUnavailableError);
  expect((e as ServiceUnavailableError).outcomeUnknown).toBe(true);
  expect(emu.requests.filter((r) => r.method === "POST")).toHaveLength(1);
});

it("times out a request that gets no answer, and says what it was doing", async () => {
  const clients = createPatClients({
    orgUrl: emu.orgUrl,
    token: emu.token,
    // The product's own timer, on purpose: it is what this test is about, and a request the
    // emulator never answers leaves it nothing to race.
    retry: { ...RETRY, maxAttempts: 1, requestTimeoutMs: 200 },
  });
  emu.addFault({ route: "/_apis/projects/", hang: true });
  const e = await failure(clients.core.getProject("Demo"));
  expect(e).toBeInstanceOf(NetworkError);
  expect((e as NetworkError).kind).toBe("timeout");
  expect((e as NetworkError).userMessage).toBe(
    `Azure DevOps at ${new URL(emu.orgUrl).host} did not answer in time ` +
      "while trying to read the project.",
  );
});

it("recognizes a connection reset, and recovers from one on a read", async () => {
  const clients = createPatClients({
    orgUrl: emu.orgUrl,
    token: emu.token,
    retry: retry({ maxAttempts: 1 }),
  });
  emu.addFault({ route: "/_apis/projects/", reset: true });
  const e = await failure(clients.core.getProject("Demo"));
  expect(e).toBeInstanceOf(NetworkError);
  expect((e as NetworkError).kind).toBe("reset");
  const patient = createPatClients({ orgUrl: emu.orgUrl, token: emu.token, retry: retry() });
  emu.addFault({ route: "/_apis/projects/", reset: true });
  expect((await patient.core.getProject("Demo")).name).toBe("Demo");
});

it("names an unreachable host", async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const clients = createPatClients({
    orgUrl: `http://127.0.0.1:${port}/org/`,
    token: "x",
    retry: retry({ maxAttempts: 2 }),
  });
  const e = await failure(clients.core.getProject("Demo"));
  expect(e).toBeInstanceOf(NetworkError);
  expect((e as NetworkError).kind).toBe("unreachable");
  expect((e as NetworkError).target).toBe(`127.0.0.1:${port}`);
});

it("asks for a fresh token once after a 401, then reports bad credentials", async () => {
  const asked: (boolean | undefined)[] = [];
  const clients = createClients({
    orgUrl: emu.orgUrl,
    retry: retry(),
    authHeader: async (refresh) => {
      asked.push(refresh);
      return "Basic " + Buffer.from(":wrong").toString("base64");
    },
  });
  const e = await failure(clients.core.getProject("Demo"));
  expect(e).toBeInstanceOf(AuthenticationError);
  expect(asked).toEqual([false, true]);

  let calls = 0;
  const refreshed = createClients({
    orgUrl: emu.orgUrl,
    retry: retry(),
    authHeader: async () =>
      "Basic " + Buffer.from(`:${calls++ ? emu.token : "expired"}`).toString("base64"),
  });
  expect((await refreshed.core.getProject("Demo")).name).toBe("Demo");
});

it("reports what was not found", async () => {
  const clients = createPatClients({ orgUrl: emu.orgUrl, token: emu.token, retry: retry() });
  const e = await failure(clients.git.getRepository("nope", "Demo"));
  expect(e).toBeInstanceOf(NotFoundError);
  expect((e as NotFoundError).userMessage).toBe("Azure DevOps could not find the repository.");
});

it("reads and sets pipeline permissions with the client the library lacks", async () => {
  emu.addRepository("Demo", "perm-repo");
  const def = emu.addDefinition("Demo", {
    name: "p",
    repository: "perm-repo",
    yamlFilename: "/a.yml",
  });
  const ep = emu.addServiceEndpoint("Demo", { name: "perm-ep", type: "stackspot" });
  const clients = createPatClients({ orgUrl: emu.orgUrl, token: emu.token, retry: retry() });
  const before = await clients.pipelinePermissions.getPipelinePermissionsForResource(
    "Demo",
    "endpoint",
    ep.id,
  );
  expect((before.pipelines ?? []).some((p) => p.id === def.id && p.authorized)).toBe(false);
  const after = await clients.pipelinePermissions.updatePipelinePermissionsForResource(
    "Demo",
    "endpoint",
    ep.id,
    [{ id: def.id, authorized: true }],
  );
  expect((after.pipelines ?? []).some((p) => p.id === def.id && p.authorized)).toBe(true);
  expect(emu.pipelinePermissions("Demo", "endpoint", ep.id).pipelineIds).toEqual([def.id]);
});
