// The hub's size and first meaningful paint, each next to a baseline built and measured in the same
// run: a minimal hub page of the same stack (bench/baseline) with the same webpack settings.
//   size:  gzipped JS+CSS the hub page loads before its checklist (hub.js + hub.css), and with the
//          chunks it loads later (apply, decision dialog)
//   paint: median over LOADS loads of the time from the host setting the frame's src to the
//          checklist on screen (seen from outside the page, see watchChecklistPaint), in the SDK
//          test host against the emulator (demo project), each load in a fresh browser context
//          (nothing cached), hub and baseline interleaved.
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
import type { Browser } from "playwright-core";

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

function sizes(dir: string): { initial: number; all: number } {
  const files = fs.readdirSync(dir).filter((f) => /\.(js|css)$/.test(f));
  const all = files.reduce((sum, f) => sum + gz(path.join(dir, f)), 0);
  return { initial: gz(path.join(dir, "hub.js")) + gz(path.join(dir, "hub.css")), all };
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
      channel.port1.onmessage = () =>
        (w.__checklistPaintedAt = performance.timeOrigin + performance.now());
      channel.port2.postMessage(null);
    });
  };
  observer.observe(document, { childList: true, subtree: true });
  check();
}

/** One load: ms from the host setting the frame's src to the checklist painted in the frame. */
async function paintMs(browser: Browser, host: TestHost): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(watchChecklistPaint);
    const page = await context.newPage();
    await page.goto(host.hubPageUrl(DEMO_PROJECT));
    await page
      .frameLocator("#hub-frame")
      .locator(".ss-check-row[data-item]")
      .first()
      .waitFor({ timeout: 60_000 });
    const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame());
    if (!frame) throw new Error("The host page has no extension frame.");
    const paintedAt = await frame.waitForFunction(
      () => (window as unknown as { __checklistPaintedAt?: number }).__checklistPaintedAt,
      undefined,
      { timeout: 60_000 },
    );
    const startedAt = await page.evaluate(() => {
      const t = (window as unknown as { __testHost: { timings: { frameLoadStart: number } } })
        .__testHost.timings;
      return performance.timeOrigin + t.frameLoadStart;
    });
    return ((await paintedAt.jsonValue()) as number) - startedAt;
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB (${(bytes / 1000).toFixed(1)} kB)`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function main(): Promise<void> {
  const baselineRoot = path.join(root, ".tmp", "bench-hub-baseline");
  fs.rmSync(baselineRoot, { recursive: true, force: true });
  build([]);
  build(["--baseline", path.join(baselineRoot, "dist", "hub")]);
  const hub = sizes(path.join(root, "dist", "hub"));
  const base = sizes(path.join(baselineRoot, "dist", "hub"));
  console.log(
    `hub size, gzipped JS+CSS loaded before the checklist: ${kib(hub.initial)}; baseline ${kib(base.initial)}; ratio ${ratio(hub.initial, base.initial)} (target: under 200 KB)`,
  );
  console.log(
    `hub size, gzipped JS+CSS with the chunks loaded on demand: ${kib(hub.all)}; baseline ${kib(base.all)}; ratio ${ratio(hub.all, base.all)}`,
  );

  const emulator = await startEmulator({ contractCheck: false });
  seedDemo(emulator);
  const hubHost = await startTestHost({ emulator });
  const baseHost = await startTestHost({ emulator, extensionRoot: baselineRoot });
  const browser = await launchChromium();
  try {
    // One load each first, not counted: the first launch of anything on a cold machine is an
    // outlier.
    await paintMs(browser, hubHost);
    await paintMs(browser, baseHost);
    const hubTimes: number[] = [];
    const baseTimes: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      hubTimes.push(await paintMs(browser, hubHost));
      baseTimes.push(await paintMs(browser, baseHost));
    }
    const h = median(hubTimes);
    const b = median(baseTimes);
    console.log(
      `hub first meaningful paint, median of ${LOADS} loads: ${h.toFixed(0)} ms; baseline ${b.toFixed(0)} ms; ratio ${ratio(h, b)} (target: under 1000 ms)`,
    );
    console.log(`  hub loads (ms): ${hubTimes.map((t) => t.toFixed(0)).join(", ")}`);
    console.log(`  baseline loads (ms): ${baseTimes.map((t) => t.toFixed(0)).join(", ")}`);
  } finally {
    await browser.close();
    await baseHost.stop();
    await hubHost.stop();
    await emulator.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
