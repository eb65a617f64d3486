// The hub's size and first meaningful paint, each next to a baseline built and measured in the same
// run: a minimal hub page of the same stack (bench/baseline) with the same webpack settings.
//   size:  gzipped and brotli'd JS+CSS the page loads before its checklist (hub.js + hub.css); the
//          sections chunk (Options, Connect, Runs) whose fetch starts when hub.js runs, in parallel
//          with the first reads; and all of it with the chunks loaded on demand (apply, decision)
//   paint: median over LOADS loads of the time from the host setting the frame's src to the
//          checklist on screen (seen from outside the page, see watchChecklistPaint), in the SDK
//          test host against the emulator (demo project), each load in a fresh browser context
//          (nothing cached), hub and baseline interleaved; then again with the CPU slowed 4 times
//          (Emulation.setCPUThrottlingRate), as on a mid-range laptop
//   fonts: the font bytes fetched before the checklist is painted (Resource Timing)
// Measures only; asserts nothing.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { startEmulator } from "../tests/emulator";
import { seedDemo, DEMO_PROJECT } from "../tests/emulator/demo";
import { startTestHost, type TestHost } from "../tests/host/server";
import { findRepoRoot } from "../tests/host/httpUtil";
import { launchChromium } from "../tests/hub/browser";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS } from "../scripts/lib/chromium";
import { chromiumPath } from "../tests/hub/browser";

const LOADS = 10;
const root = findRepoRoot(__dirname);

function build(args: string[]): void {
  const r = spawnSync(process.execPath, [path.join(root, "scripts/build-hub.js"), ...args], {
    cwd: root,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const br = (file: string) => zlib.brotliCompressSync(fs.readFileSync(file)).length;

interface Sizes {
  initial: { gzip: number; brotli: number };
  sections: { gzip: number; brotli: number };
  all: number;
}

function sizes(dir: string): Sizes {
  const files = fs.readdirSync(dir).filter((f) => /\.(js|css)$/.test(f));
  const measure = (names: string[]) => {
    const present = names.filter((f) => files.includes(f)).map((f) => path.join(dir, f));
    return {
      gzip: present.reduce((sum, f) => sum + gz(f), 0),
      brotli: present.reduce((sum, f) => sum + br(f), 0),
    };
  };
  return {
    initial: measure(["hub.js", "hub.css"]),
    sections: measure(["sections.chunk.js", "sections.css"]),
    all: files.reduce((sum, f) => sum + gz(path.join(dir, f)), 0),
  };
}

/**
 * Installed in every frame of each bench page before its scripts run: in the extension's frame, the
 * time the checklist with real states (rows naming their item; the hub's skeleton rows name none)
 * is first painted, watched from outside the page's code so the hub and the baseline are measured
 * alike. Painted: the frame after the rows entered the DOM has been rendered (an animation frame,
 * then a task).
 */
function watchChecklistPaint(): void {
  if (window === window.top) return;
  const w = window as unknown as { __checklistPaintedAt?: number };
  const observer = new MutationObserver(() => check());
  const check = () => {
    if (!document.querySelector(".ss-check-row[data-item]")) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const now = performance.now();
        // Font files whose fetch started before the checklist was painted, by their size on
        // the wire (same origin as the frame, so Resource Timing gives it).
        const fonts = performance
          .getEntriesByType("resource")
          .filter((e) => /\.(woff2?|ttf|otf)(\?|$)/.test(e.name) && e.startTime < now);
        (w as unknown as { __fontBytes: number }).__fontBytes = fonts.reduce(
          (sum, e) => sum + ((e as PerformanceResourceTiming).encodedBodySize || 0),
          0,
        );
        w.__checklistPaintedAt = performance.timeOrigin + now;
      };
      channel.port2.postMessage(null);
    });
  };
  observer.observe(document, { childList: true, subtree: true });
  check();
}

interface Load {
  ms: number;
  fontBytes: number;
}

/**
 * One load: ms from the host setting the frame's src to the checklist painted in the frame, and
 * the font bytes fetched before. `cpuSlowdown` slows the page's renderer (the frame shares it: see
 * launchSharedRenderer).
 */
async function load(browser: Browser, host: TestHost, cpuSlowdown = 1): Promise<Load> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(watchChecklistPaint);
    const page = await context.newPage();
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
    }
    await page.goto(host.hubPageUrl(DEMO_PROJECT));
    await page
      .frameLocator("#hub-frame")
      .locator(".ss-check-row[data-item]")
      .first()
      .waitFor({ timeout: 120_000 });
    const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame());
    if (!frame) throw new Error("The host page has no extension frame.");
    const paintedAt = await frame.waitForFunction(
      () => (window as unknown as { __checklistPaintedAt?: number }).__checklistPaintedAt,
      undefined,
      { timeout: 120_000 },
    );
    const fontBytes = await frame.evaluate(
      () => (window as unknown as { __fontBytes: number }).__fontBytes,
    );
    const startedAt = await page.evaluate(() => {
      const t = (window as unknown as { __testHost: { timings: { frameLoadStart: number } } })
        .__testHost.timings;
      return performance.timeOrigin + t.frameLoadStart;
    });
    return { ms: ((await paintedAt.jsonValue()) as number) - startedAt, fontBytes };
  } finally {
    await context.close();
  }
}

/**
 * A Chromium that keeps the extension's frame in the host page's renderer (no site isolation), so
 * throttling the page's CPU throttles the hub too.
 */
function launchSharedRenderer(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      "--disable-site-isolation-trials",
      "--disable-features=IsolateOrigins,site-per-process",
    ],
  });
}

/** LOADS loads of each page, interleaved, after one uncounted load of each. */
async function loads(
  browser: Browser,
  hubHost: TestHost,
  baseHost: TestHost,
  cpuSlowdown = 1,
): Promise<{ hub: Load[]; base: Load[] }> {
  // One load each first, not counted: the first launch of anything on a cold machine is an
  // outlier.
  await load(browser, hubHost, cpuSlowdown);
  await load(browser, baseHost, cpuSlowdown);
  const hub: Load[] = [];
  const base: Load[] = [];
  for (let i = 0; i < LOADS; i++) {
    hub.push(await load(browser, hubHost, cpuSlowdown));
    base.push(await load(browser, baseHost, cpuSlowdown));
  }
  return { hub, base };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB (${(bytes / 1000).toFixed(1)} kB)`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

const bytes = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function printSizes(hub: Sizes, base: Sizes): void {
  const { initial } = hub;
  console.log(
    `hub size, JS+CSS loaded before the checklist: gzip ${kib(initial.gzip)}, brotli ` +
      `${kib(initial.brotli)}; baseline gzip ${kib(base.initial.gzip)}, brotli ` +
      `${kib(base.initial.brotli)}; ratio ${ratio(initial.gzip, base.initial.gzip)} gzip, ` +
      `${ratio(initial.brotli, base.initial.brotli)} brotli (goal: <= 115 kB gzip and <= 1.40×)`,
  );
  console.log(
    "  which of gzip and brotli the Marketplace CDN serves the extension's files with is " +
      "unconfirmed: both are printed.",
  );
  console.log(
    `hub sections chunk (Options, Connect, Runs), fetched from when hub.js runs, in parallel ` +
      `with the first reads: gzip ${kib(hub.sections.gzip)}, brotli ${kib(hub.sections.brotli)}`,
  );
  console.log(
    `hub size, gzipped JS+CSS with the chunks loaded on demand: ${kib(hub.all)}; baseline ${kib(base.all)}; ratio ${ratio(hub.all, base.all)}`,
  );
}

function printPaint(label: string, goal: string, runs: { hub: Load[]; base: Load[] }): void {
  const h = median(runs.hub.map((l) => l.ms));
  const b = median(runs.base.map((l) => l.ms));
  console.log(
    `${label}, median of ${LOADS} loads: ${h.toFixed(0)} ms; baseline ${b.toFixed(0)} ms; ratio ${ratio(h, b)}${goal}`,
  );
  console.log(`  hub loads (ms): ${runs.hub.map((l) => l.ms.toFixed(0)).join(", ")}`);
  console.log(`  baseline loads (ms): ${runs.base.map((l) => l.ms.toFixed(0)).join(", ")}`);
}

function printFonts(runs: { hub: Load[]; base: Load[] }): void {
  const h = Math.max(...runs.hub.map((l) => l.fontBytes));
  const b = Math.max(...runs.base.map((l) => l.fontBytes));
  console.log(
    `fonts fetched before the checklist shows (largest of the loads): hub ${bytes(h)}; ` +
      `baseline ${bytes(b)} (goal: <= 5 KB)`,
  );
}

async function main(): Promise<void> {
  const baselineRoot = path.join(root, ".tmp", "bench-hub-baseline");
  fs.rmSync(baselineRoot, { recursive: true, force: true });
  build([]);
  build(["--baseline", path.join(baselineRoot, "dist", "hub")]);
  printSizes(sizes(path.join(root, "dist", "hub")), sizes(path.join(baselineRoot, "dist", "hub")));

  const emulator = await startEmulator({ contractCheck: false });
  seedDemo(emulator);
  const hubHost = await startTestHost({ emulator });
  const baseHost = await startTestHost({ emulator, extensionRoot: baselineRoot });
  try {
    const browser = await launchChromium();
    try {
      const runs = await loads(browser, hubHost, baseHost);
      printPaint("hub first meaningful paint", " (goal: <= 1.70×)", runs);
      printFonts(runs);
    } finally {
      await browser.close();
    }
    const shared = await launchSharedRenderer();
    try {
      const slow = await loads(shared, hubHost, baseHost, 4);
      printPaint(
        "hub first meaningful paint with the CPU slowed 4× (a mid-range laptop)",
        "",
        slow,
      );
    } finally {
      await shared.close();
    }
  } finally {
    await baseHost.stop();
    await hubHost.stop();
    await emulator.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
