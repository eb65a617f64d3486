// How many sequential round trips the set-up and the status check take, measured from the order of
// events (not from timing): a request's wave is one more than the latest wave among the requests
// that had completed when it was sent. Targets: set-up of an empty project ≤ 5 waves (4, plus the
// one that creates the pipeline only after its file exists: docs/CONTRACT.md), status ≤ 2,
// and the status check's request count independent of the project's size. The set-up checks
// permissions before writing: given the project id (as the hub and the CLI pass it), in the first
// wave; without it, in one more wave before the first write.
import { createPatClients, FetchLike } from "../../src/ado";
import { readProjectState, runSetup } from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { creatingOptions, FAST_RETRY, useEmulator } from "./harness";

const emu: Emulator = useEmulator();

/** Clients whose fetch records each request's wave. */
function measuringClients() {
  const completed: number[] = [];
  const sent: { wave: number; method: string; url: string }[] = [];
  const fetchWithWaves: FetchLike = async (url, init) => {
    const wave = 1 + Math.max(0, ...completed);
    sent.push({ wave, method: init.method ?? "GET", url });
    try {
      return await fetch(url, init);
    } finally {
      completed.push(wave);
    }
  };
  const clients = createPatClients({
    orgUrl: emu.orgUrl,
    token: emu.token,
    retry: FAST_RETRY,
    fetch: fetchWithWaves,
  });
  return {
    clients,
    sent,
    waves: () => Math.max(0, ...sent.map((s) => s.wave)),
    reset: () => {
      completed.length = 0;
      sent.length = 0;
    },
  };
}

const isCheck = (s: { url: string }) => /\/_apis\/permissions\//.test(s.url);

it(
  "sets up an empty project in 5 waves, permission " + "checks included, and reads the status in 2",
  async () => {
    const { id } = emu.addProject("Waves");
    const m = measuringClients();
    const result = await runSetup(m.clients, creatingOptions("Waves", { projectId: id }));
    expect(result.outcome).toBe("complete");
    expect(m.waves()).toBeLessThanOrEqual(5);
    // The checks went out with the first reads, before any write.
    const checks = m.sent.filter(isCheck);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c.wave === 1)).toBe(true);
    expect(Math.min(...m.sent.filter((s) => s.method !== "GET").map((s) => s.wave))).toBe(2);
    m.reset();
    await readProjectState(m.clients, creatingOptions("Waves"));
    expect(m.waves()).toBeLessThanOrEqual(2);
    expect(m.sent.filter(isCheck)).toEqual([]);
  },
);

it(
  "without the project id, checks permissions " + "in one more wave before the first write",
  async () => {
    emu.addProject("WavesNoId");
    const m = measuringClients();
    const result = await runSetup(m.clients, creatingOptions("WavesNoId"));
    expect(result.outcome).toBe("complete");
    const checks = m.sent.filter(isCheck);
    expect(checks.length).toBeGreaterThan(0);
    expect(new Set(checks.map((c) => c.wave))).toEqual(new Set([2]));
    expect(Math.min(...m.sent.filter((s) => s.method !== "GET").map((s) => s.wave))).toBe(3);
    expect(m.waves()).toBe(6);
  },
);

it(
  "a second run sends no write, and checks " + "nothing beyond the reads' own round trips",
  async () => {
    const { id } = emu.addProject("Again");
    const m = measuringClients();
    await runSetup(m.clients, creatingOptions("Again", { projectId: id }));
    m.reset();
    const again = await runSetup(m.clients, creatingOptions("Again", { projectId: id }));
    expect(again.outcome).toBe("complete");
    expect(again.plan.upToDate).toBe(true);
    expect(m.sent.filter((s) => s.method !== "GET")).toEqual([]);
    expect(m.waves()).toBeLessThanOrEqual(2);
  },
);

it(
  "reads the status of a project with 5,000 repositories and " +
    "10,000 definitions with as many requests as a small one",
  async () => {
    emu.addProject("Small");
    emu.addProject("Large");
    emu.seedBulk("Large", { repositories: 5000, definitions: 10000 });
    const m = measuringClients();
    for (const p of ["Small", "Large"]) await runSetup(m.clients, creatingOptions(p));
    m.reset();
    const calls = (project: string) =>
      m.sent
        .map(
          (s) =>
            `${s.method} ${s.url
              .replace(new RegExp(`/${project}(?=/|$)`, "g"), "/{p}")
              .replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, "{id}")
              .replace(/\/\d+$/, "/{n}")}`,
        )
        .sort();
    await readProjectState(m.clients, creatingOptions("Small"));
    const small = calls("Small");
    m.reset();
    await readProjectState(m.clients, creatingOptions("Large"));
    const large = calls("Large");
    expect(small.length).toBe(12);
    expect(large).toEqual(small);
    expect(m.waves()).toBeLessThanOrEqual(2);
  },
);
