// The organization view's figures, each next to a baseline measured in the same run.
//   reads:  200 projects behind 20 ms of latency per request. In Chromium (the view in the test
//           host): time from opening the page to the first row's state and to every state. The
//           baseline: the same reads one project at a time (the engine's batch at concurrency 1,
//           in Node); and the view's concurrency in Node, which separates the browser's own cost.
//   batch:  a set-up of 200 empty projects with the view's concurrency, against one project at a
//           time (both through the engine's batch, as the view runs it).
//   table:  1,000 projects: the time from opening the page to the table's rows on screen, and
//           while scrolling the table from top to bottom, the frame rate and the frames that took
//           longer than 50 ms (a dropped frame is one a person sees stutter).
// Measures only; asserts nothing.
import { createPatClients } from "../src/ado";
import { listAllProjectRefs } from "../src/ado/projects";
import { runBatch } from "../src/setup";
import { HubHarness } from "../tests/hub/harness";
import { READ_CONCURRENCY } from "../src/organization/useProjectStates";
import { SETUP_CONCURRENCY } from "../src/organization/useBatchSetup";

const LATENCY_MS = 20;
const PROJECTS = 200;
const TABLE_PROJECTS = 1000;
const CREDENTIALS = { clientId: "id", clientKey: "key", realm: "realm" };

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function readsInBrowser(h: HubHarness) {
  const t0 = performance.now();
  const s = await h.openOrganization();
  await s.hub.locator('.ss-projects [data-state]:not([data-state="reading"])').first().waitFor();
  const first = performance.now() - t0;
  await s.hub.getByText(/^Read all \d+ projects$/).waitFor();
  const all = performance.now() - t0;
  await s.close();
  return { first, all };
}

/** The same reads in Node through the engine's batch, `concurrency` projects at a time. */
async function readsInNode(h: HubHarness, concurrency: number) {
  const clients = createPatClients({ orgUrl: h.emulator.orgUrl, token: h.emulator.token });
  const t0 = performance.now();
  const projects = await listAllProjectRefs(clients);
  let first = 0;
  await runBatch({
    command: "status",
    clients,
    projects: projects.map((p) => p.name),
    concurrency,
    optionsFor: (project) => ({ project, projectId: projects.find((p) => p.name === project)?.id }),
    onDone: () => (first ||= performance.now() - t0),
  });
  return { first, all: performance.now() - t0 };
}

async function batch(h: HubHarness, prefix: string, concurrency: number): Promise<number> {
  const names = Array.from({ length: PROJECTS }, (_, i) => `${prefix}-${i + 1}`);
  for (const n of names) h.emulator.addProject(n);
  const clients = createPatClients({ orgUrl: h.emulator.orgUrl, token: h.emulator.token });
  const t0 = performance.now();
  const runs = await runBatch({
    command: "setup",
    clients,
    projects: names,
    concurrency,
    optionsFor: (project) => ({ project, stackSpotCredentials: CREDENTIALS }),
  });
  const ms = performance.now() - t0;
  const done = runs.filter((r) => r.kind === "applied" && r.result.outcome === "complete");
  if (done.length !== names.length) throw new Error(`${prefix}: ${done.length} of ${names.length}`);
  return ms;
}

async function table(h: HubHarness) {
  for (let i = 0; i < TABLE_PROJECTS; i++)
    h.emulator.addProject(`Table-${String(i).padStart(4, "0")}`);
  const t0 = performance.now();
  const s = await h.openOrganization();
  await s.hub.locator(".ss-projects [role=row]:has(.ss-cell-project)").first().waitFor();
  const rendered = performance.now() - t0;
  // Scrolled once every state is in: what a person scrolls through after the read.
  await s.hub.getByText(/^Read all \d+ projects$/).waitFor({ timeout: 600_000 });
  const frame = s.page.frames().find((f) => f.url().includes("/organization.html"))!;
  const scroll = await frame.evaluate(async () => {
    const scroller = [...document.querySelectorAll<HTMLElement>("*")].find(
      (e) => e.scrollHeight > e.clientHeight + 100 && getComputedStyle(e).overflowY !== "visible",
    );
    if (!scroller) return { fps: 0, slow: 0, frames: 0 };
    const frames: number[] = [];
    let last = performance.now();
    const start = last;
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        frames.push(now - last);
        last = now;
        scroller.scrollTop += 200;
        if (
          now - start > 3000 ||
          scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight
        )
          resolve();
        else requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const total = frames.reduce((a, b) => a + b, 0);
    return {
      fps: (frames.length / total) * 1000,
      slow: frames.filter((f) => f > 50).length,
      frames: frames.length,
    };
  });
  await s.close();
  return { rendered, ...scroll };
}

async function main() {
  const h = await HubHarness.start({ emulator: { latencyMs: LATENCY_MS, contractCheck: false } });
  try {
    for (let i = 0; i < PROJECTS; i++) h.emulator.addProject(`Read-${String(i).padStart(3, "0")}`);
    const view = await readsInBrowser(h);
    const order = await readsInNode(h, 1);
    const node = await readsInNode(h, READ_CONCURRENCY);
    console.log(
      `reads: ${PROJECTS} projects, ${LATENCY_MS} ms per request, ${READ_CONCURRENCY} at a time`,
    );
    console.log(
      `  first row's state  ${fmt(view.first)}  (one at a time: ${fmt(order.first)}, ratio ${ratio(view.first, order.first)})`,
    );
    console.log(
      `  every state        ${fmt(view.all)}  (one at a time: ${fmt(order.all)}, ratio ${ratio(view.all, order.all)})`,
    );
    console.log(
      `  in Node, ${READ_CONCURRENCY} at a time: first ${fmt(node.first)}, every state ` +
        `${fmt(node.all)} (ratio to one at a time ${ratio(node.all, order.all)})`,
    );
    const parallel = await batch(h, "Batch", SETUP_CONCURRENCY);
    const sequential = await batch(h, "Serial", 1);
    console.log(`batch set-up of ${PROJECTS} empty projects, ${SETUP_CONCURRENCY} at a time`);
    console.log(
      `  ${fmt(parallel)}  (one at a time: ${fmt(sequential)}, ratio ${ratio(parallel, sequential)})`,
    );
  } finally {
    await h.stop();
  }
  const big = await HubHarness.start({ emulator: { contractCheck: false } });
  try {
    const t = await table(big);
    console.log(`table of ${TABLE_PROJECTS} projects (no latency)`);
    console.log(`  rows on screen     ${fmt(t.rendered)} from opening the page`);
    console.log(
      `  scrolling          ${t.fps.toFixed(0)} frames/s over ${t.frames} frames, ${t.slow} longer than 50 ms`,
    );
  } finally {
    await h.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
