// How many sequential round trips the set-up and the status check take, measured from the order of
// events (not from timing): a request's wave is one more than the latest wave among the requests that
// had completed when it was sent. Targets: set-up of an empty project ≤ 4 waves, status ≤ 2, and the
// status check's request count independent of the project's size.
import { createPatClients, FetchLike } from "../../src/ado";
import { readProjectState, runSetup } from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { creatingOptions, FAST_RETRY, newEmulator } from "./harness";

let emu: Emulator;
beforeAll(async () => { emu = await newEmulator(); });
afterAll(async () => { await emu.stop(); });

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
  const clients = createPatClients({ orgUrl: emu.orgUrl, token: emu.token, retry: FAST_RETRY, fetch: fetchWithWaves });
  return { clients, sent, waves: () => Math.max(0, ...sent.map((s) => s.wave)), reset: () => { completed.length = 0; sent.length = 0; } };
}

it("sets up an empty project in 4 waves, and reads the status in 2", async () => {
  emu.addProject("Waves");
  const m = measuringClients();
  const result = await runSetup(m.clients, creatingOptions("Waves"));
  expect(result.outcome).toBe("complete");
  expect(m.waves()).toBeLessThanOrEqual(4);
  m.reset();
  await readProjectState(m.clients, creatingOptions("Waves"));
  expect(m.waves()).toBeLessThanOrEqual(2);
});

it("reads the status of a project with 5,000 repositories and 10,000 definitions with as many requests as a small one", async () => {
  emu.addProject("Small");
  emu.addProject("Large");
  emu.seedBulk("Large", { repositories: 5000, definitions: 10000 });
  const m = measuringClients();
  for (const p of ["Small", "Large"]) await runSetup(m.clients, creatingOptions(p));
  m.reset();
  const calls = (project: string) => m.sent.map((s) => `${s.method} ${s.url.replace(new RegExp(`/${project}(?=/|$)`, "g"), "/{p}")
    .replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, "{id}").replace(/\/\d+$/, "/{n}")}`).sort();
  await readProjectState(m.clients, creatingOptions("Small"));
  const small = calls("Small");
  m.reset();
  await readProjectState(m.clients, creatingOptions("Large"));
  const large = calls("Large");
  expect(small.length).toBe(11);
  expect(large).toEqual(small);
  expect(m.waves()).toBeLessThanOrEqual(2);
});
