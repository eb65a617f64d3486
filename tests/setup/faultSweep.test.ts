// Fault sweep: for every REST call the set-up makes (found by running each scenario once without
// faults), each fault — 500, 503, 429 with Retry-After, connection reset, no answer — is injected
// once (the set-up must still end in the exact contract with no duplicate) and permanently (it must
// fail naming the step and the cause; a second run after the fault clears completes). Writes are
// also hit after the emulator handled them (the change is made, the answer is lost). The permission
// checks are advisory: failing permanently, they leave the set-up to go on unchecked and end in the
// contract. Prints the sweep.
import { AdoError, RetryPolicy } from "../../src/ado";
import {
  renderPipelineBody,
  renderPipelineFile,
  runSetup,
  sealPipelineFile,
  SetupOptions,
  SetupResult,
} from "../../src/setup";
import type { Emulator, FaultRule, RequestRecord } from "../emulator/types";
import { emulatorTimings } from "../support/emulator-timing";
import { clientsFor, CREDENTIALS, expectContract, useEmulator } from "./harness";

interface Scenario {
  name: string;
  seed: (emu: Emulator, project: string) => void;
  options: (project: string) => SetupOptions;
  /** The outcome a clean run ends with. */
  outcome: SetupResult["outcome"];
  check: (emu: Emulator, project: string, options: SetupOptions) => void;
}

const creating = (project: string): SetupOptions => ({
  project,
  credentials: { kind: "service-connection", name: "stackspot", create: CREDENTIALS },
});

const scenarios: Scenario[] = [
  {
    name: "empty",
    seed: () => undefined,
    options: creating,
    outcome: "complete",
    check: (emu, project, options) => {
      expectContract(emu, project, options);
      expect(emu.listRepositories(project)).toHaveLength(1);
      expect(emu.listCommits(project, "repo-runner-actions", "main")).toHaveLength(1);
      expect(emu.listServiceEndpoints(project)).toHaveLength(1);
    },
  },
  {
    name: "drifted",
    seed: (emu, project) => {
      emu.addRepository(project, "repo-runner-actions", {
        files: {
          "/stackspot.yml": sealPipelineFile(renderPipelineBody({}), 0),
          "/README.md": "r\n",
        },
      });
      emu.addDefinition(project, {
        name: "runner",
        path: "\\old",
        repository: "repo-runner-actions",
        yamlFilename: "/stackspot.yml",
        variables: { secret_cli_login: { value: "", isSecret: true, allowOverride: true } },
      });
      emu.addServiceEndpoint(project, {
        name: "stackspot",
        type: "stackspot",
        scheme: "UsernamePassword",
        parameters: { username: "u", password: "p" },
        data: { realm: "r" },
      });
    },
    options: (project) => ({ project }),
    outcome: "complete",
    check: (emu, project, options) => {
      expectContract(emu, project, options);
      expect(emu.listCommits(project, "repo-runner-actions", "main")).toHaveLength(2);
      expect(emu.listServiceEndpoints(project)).toHaveLength(1);
    },
  },
  {
    name: "protected",
    seed: (emu, project) => {
      emu.addRepository(project, "repo-runner-actions", { files: { "/README.md": "r\n" } });
      emu.protectBranch(project, "repo-runner-actions", "main");
    },
    options: creating,
    outcome: "waiting-for-pull-request",
    check: (emu, project, options) => {
      expect(emu.listPullRequests(project, "repo-runner-actions")).toHaveLength(1);
      expect(emu.getFile(project, "repo-runner-actions", "stackspot/setup", "/stackspot.yml")).toBe(
        renderPipelineFile(options),
      );
      expect(emu.listCommits(project, "repo-runner-actions", "stackspot/setup")).toHaveLength(2);
      expect(emu.listDefinitions(project)).toHaveLength(1);
      expect(emu.listServiceEndpoints(project)).toHaveLength(1);
    },
  },
];

/**
 * The calls swept in each scenario (each call in the first scenario that makes it, plus the push
 * where it takes another path). A test below checks these lists against what the set-up really
 * sends.
 */
const SWEPT: Record<string, string[]> = {
  empty: [
    "GET /{org}/_apis/projects/{project}",
    "GET /{org}/_apis/permissions/{id}/{n}",
    "GET /{org}/_apis/serviceendpoint/types",
    "GET /{org}/{project}/_apis/git/Repositories/{name}",
    "GET /{org}/{project}/_apis/build/definitions",
    "GET /{org}/{project}/_apis/distributedtask/queues",
    "GET /{org}/{project}/_apis/serviceendpoint/endpoints",
    "GET /{org}/{project}/_apis/pipelines/pipelinepermissions/queue/{n}",
    "POST /{org}/{project}/_apis/git/Repositories",
    "POST /{org}/_apis/serviceendpoint/endpoints",
    "POST /{org}/{project}/_apis/git/repositories/{id}/pushes",
    "POST /{org}/{project}/_apis/build/definitions",
    "PATCH /{org}/{project}/_apis/pipelines/pipelinepermissions/endpoint/{id}",
  ],
  drifted: [
    "GET /{org}/{project}/_apis/git/repositories/{id}/refs",
    "GET /{org}/{project}/_apis/git/repositories/{id}/Items",
    "GET /{org}/{project}/_apis/git/repositories/{id}/pullRequests",
    "GET /{org}/{project}/_apis/pipelines/pipelinepermissions/endpoint/{id}",
    "POST /{org}/{project}/_apis/git/repositories/{id}/pushes",
    "PUT /{org}/{project}/_apis/build/definitions/{n}",
  ],
  protected: [
    "POST /{org}/{project}/_apis/git/repositories/{id}/pushes",
    "POST /{org}/{project}/_apis/git/repositories/{id}/pullRequests",
  ],
};

/** Calls whose permanent failure must not fail the set-up (it goes on without them). */
const ADVISORY = new Set([
  "GET /{org}/_apis/permissions/{id}/{n}",
  // The extension check: a read that fails leaves it unknown, never blocks (plan/extension.ts).
  "GET /{org}/_apis/serviceendpoint/types",
]);

type FaultKind = "500" | "503" | "429" | "reset" | "hang";
const FAULTS: Record<FaultKind, Omit<FaultRule, "route">> = {
  "500": { status: 500 },
  "503": { status: 503 },
  "429": { status: 429, retryAfter: 1 },
  reset: { reset: true },
  hang: { hang: true },
};

/**
 * Short timings, so that a permanent fault ends the retries after a few attempts. They are read on
 * a virtual clock, and a request times out only when the emulator withholds its answer
 * (support/emulator-timing.ts): real timings this short failed healthy calls ("did not answer in
 * time") at random on a busy machine.
 */
const SWEEP_RETRY: Partial<RetryPolicy> = {
  maxAttempts: 4,
  baseDelayMs: 10,
  maxDelayMs: 50,
  maxElapsedMs: 1_500,
  requestTimeoutMs: 500,
  maxRetryAfterMs: 5_000,
};
/** The back-offs of the current test's runs, to check Retry-After is honoured. */
const waits: number[] = [];

/** A call: method and path pattern, from a clean run's request log. */
interface Call {
  method: string;
  pattern: string;
  write: boolean;
}

function patternOf(r: RequestRecord, project: string, organization: string): string {
  return r.path
    .replace(`/${organization}/`, "/{org}/")
    .replace(`/${encodeURIComponent(project)}/`, "/{project}/")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "{id}")
    .replace(/\/\d+(?=\/|$)/g, "/{n}")
    .replace(/\/repo-runner-actions$/i, "/{name}")
    .replace(/\/projects\/[^/]+$/, "/projects/{project}");
}

function routeFor(call: Call, project: string, organization: string): RegExp {
  const escaped = call.pattern
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace("/{org}/", `/${organization}/`)
    .replace(/\{project\}/g, project.toLowerCase())
    .replace(/\{id\}|\{n\}|\{name\}/g, "[^/]+");
  return new RegExp(`^${escaped}$`, "i");
}

// Without the contract checker: these calls are checked by the other suites; here, speed matters.
const emu = useEmulator({ contractCheck: false });

/** Clients with the sweep's timings, on a clock of their own; their back-offs land in `waits`. */
function sweepClients() {
  const timings = emulatorTimings(emu, { onWait: (ms) => waits.push(ms) });
  return clientsFor(emu, { ...SWEEP_RETRY, ...timings });
}

let counter = 0;
const table = new Map<string, Map<string, string>>();

function record(row: string, column: string, cell: string): void {
  if (!table.has(row)) table.set(row, new Map());
  table.get(row)!.set(column, cell);
}

it.each(scenarios.map((s) => s.name))(
  "the sweep covers every call of the %s scenario",
  async (name) => {
    const s = scenarios.find((x) => x.name === name)!;
    const project = `Discover-${s.name}`;
    emu.addProject(project);
    s.seed(emu, project);
    emu.clearRequests();
    const result = await runSetup(sweepClients(), s.options(project));
    expect(result.outcome).toBe(s.outcome);
    s.check(emu, project, s.options(project));
    const made = new Set(
      emu.requests.map((r) => `${r.method} ${patternOf(r, project, emu.organization)}`),
    );
    const sweptSoFar = new Set(
      scenarios.slice(0, scenarios.indexOf(s) + 1).flatMap((x) => SWEPT[x.name]),
    );
    expect([...made].filter((c) => !sweptSoFar.has(c))).toEqual([]);
  },
);

afterAll(() => {
  const columns = [...new Set([...table.values()].flatMap((m) => [...m.keys()]))];
  const width = Math.max(...[...table.keys()].map((k) => k.length), 10);
  const lines = [`${"call".padEnd(width)} | ${columns.map((c) => c.padEnd(16)).join(" | ")}`];
  for (const [row, cells] of table)
    lines.push(
      `${row.padEnd(width)} | ${columns.map((c) => (cells.get(c) ?? "").padEnd(16)).join(" | ")}`,
    );
  console.log(
    "Fault sweep (once: outcome of one run; permanent: first run → run after the fault clears)\n" +
      lines.join("\n"),
  );
});

function cases(): [string, string, string, FaultKind, boolean][] {
  const out: [string, string, string, FaultKind, boolean][] = [];
  for (const s of scenarios) {
    for (const call of SWEPT[s.name]) {
      const write = !call.startsWith("GET ");
      for (const f of Object.keys(FAULTS) as FaultKind[]) {
        for (const after of write ? [false, true] : [false])
          out.push([s.name, call, `${f}${after ? " after" : ""}`, f, after]);
      }
    }
  }
  return out;
}

async function runCatching(
  options: SetupOptions,
): Promise<{ result?: SetupResult; thrown?: AdoError }> {
  try {
    return { result: await runSetup(sweepClients(), options) };
  } catch (e) {
    if (e instanceof AdoError) return { thrown: e };
    throw e;
  }
}

const CAUSE: Record<FaultKind, RegExp> = {
  "500": /HTTP 500/,
  "503": /HTTP 503/,
  "429": /throttling|HTTP 429/,
  reset: /dropped the connection/,
  hang: /did not answer in time/,
};

describe.each(["once", "permanent"] as const)("fault injected %s", (mode) => {
  it.each(cases())("%s: %s, %s", async (scenarioName, callText, column, kind, afterHandling) => {
    const scenario = scenarios.find((s) => s.name === scenarioName)!;
    const [method, pattern] = callText.split(" ");
    const call: Call = { method, pattern, write: method !== "GET" };
    const project = `Fault${++counter}`;
    emu.addProject(project);
    scenario.seed(emu, project);
    const options = scenario.options(project);
    const route = call.pattern.replace("/{org}/", "/").replace(/^\/\{project\}\//, "");
    const row = `${scenarioName}: ${call.method} ${route}`;
    emu.clearFaults();
    emu.addFault({
      ...FAULTS[kind],
      method: call.method,
      route: routeFor(call, project, emu.organization),
      afterHandling,
      times: mode === "once" ? 1 : Infinity,
    });
    waits.length = 0;
    emu.clearRequests();
    const first = await runCatching(options);
    const hit = emu.requests.some((r) => r.fault);
    emu.clearFaults();
    if (!hit) {
      record(row, `${mode} ${column}`, "not reached");
      return;
    }

    if (mode === "permanent" && ADVISORY.has(callText)) {
      // Checks that never answer: the set-up goes on unchecked, to the same end.
      expect(first.thrown?.userMessage).toBeUndefined();
      expect(first.result?.failure?.message).toBeUndefined();
      expect(first.result?.outcome).toBe(scenario.outcome);
      scenario.check(emu, project, options);
      record(row, `${mode} ${column}`, "ok (unchecked)");
      return;
    }
    if (
      mode === "once" ||
      (afterHandling && call.write && !first.thrown && first.result?.outcome === scenario.outcome)
    ) {
      // Once: the set-up absorbs the fault. A write whose answer is always lost still happened, and
      // the re-read finds it.
      expect(first.thrown?.userMessage).toBeUndefined();
      expect(first.result?.failure?.message).toBeUndefined();
      expect(first.result?.outcome).toBe(scenario.outcome);
      scenario.check(emu, project, options);
      if (kind === "429" && !afterHandling) expect(waits.some((w) => w >= 1000)).toBe(true);
      record(row, `${mode} ${column}`, mode === "once" ? "ok" : "ok (re-read)");
      return;
    }
    // Permanent: fails, naming the step (or the read) and the cause.
    const message = first.thrown
      ? first.thrown.userMessage
      : (first.result?.failure?.message ?? "");
    expect(first.result?.outcome ?? "failed").toBe("failed");
    expect(message).toMatch(CAUSE[kind]);
    if (first.result?.failure)
      expect(message.startsWith(first.result.failure.step.change)).toBe(true);
    else expect(message).toMatch(/while trying to (read|create|push|open|authorize|update)/);
    const second = await runCatching(options);
    expect(second.thrown?.userMessage).toBeUndefined();
    expect(second.result?.failure?.message).toBeUndefined();
    expect(second.result?.outcome).toBe(scenario.outcome);
    scenario.check(emu, project, options);
    record(row, `${mode} ${column}`, `${first.thrown ? "read fails" : "step fails"} → ok`);
  });
});
