// The hub as installed: taken from inside the .vsix (unzipped), served by the SDK test host in place of
// the repository's files, framed in a real Chromium, against the REST emulator.
import * as fs from "fs";
import * as path from "path";
import type { Browser, Response } from "playwright-core";
import { startEmulator } from "../emulator";
import type { Emulator } from "../emulator/types";
import { launchChromium } from "../hub/browser";
import { startTestHost, type TestHost } from "../host/server";
import { REPO_ROOT } from "./support/paths";
import { contributions, HUB_TYPE } from "./support/references";
import { buildPackage, Vsix } from "./support/vsix";

let vsix: Vsix;
let unpacked: string;
let emulator: Emulator;
let host: TestHost;
let browser: Browser;

beforeAll(async () => {
  vsix = new Vsix(buildPackage("release").vsixPath);
  unpacked = vsix.extractTo(path.join(REPO_ROOT, ".tmp", "package-tests", `hub-${process.pid}`));
  emulator = await startEmulator();
  host = await startTestHost({ emulator, extensionRoot: unpacked });
  browser = await launchChromium();
}, 180_000);

/** Polls a condition (the hub reads the project on its own schedule); returns when true or at the limit. */
async function waitUntil(condition: () => boolean, limitMs: number): Promise<void> {
  for (const end = Date.now() + limitMs; !condition() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 100));
}

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await emulator?.stop();
  if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true });
});

test("the packaged hub loads in the SDK test host, reads the project and shows the StackSpot page", async () => {
  const hubUri = String(contributions(vsix).find((c) => c.type === HUB_TYPE)!.properties!.uri);
  emulator.addProject("FromPackage");
  emulator.clearRequests();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const served: Response[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // "Failed to load resource" lines are the browser's note on any 4xx, including the 404 of a file the
  // project does not have yet; the package's own files are checked below by their responses.
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && problems.push(`console error: ${m.text()}`));
  // What the hub's frame loads from the extension's origin (not the REST calls, not the host page's own
  // chrome, which plays Azure DevOps).
  page.on("response", (r) => {
    const fromHub = r.request().frame() !== page.mainFrame();
    if (fromHub && r.url().startsWith(host.extensionOrigin) && !r.url().includes(`/${emulator.organization}/`)) served.push(r);
  });
  try {
    await page.goto(host.hubPageUrl("FromPackage"));
    // The hub told the host it loaded (SDK.notifyLoadSucceeded) ...
    await page.waitForFunction(() => (window as unknown as { __testHost: { timings: { loadSucceeded?: number } } }).__testHost.timings.loadSucceeded !== undefined, undefined, { timeout: 30_000 });
    // ... renders its page ...
    await page.frameLocator("#hub-frame").getByRole("heading", { name: "StackSpot" }).first().waitFor({ timeout: 30_000 });
    // ... and reads the project with the user's token through the organization URL.
    const projectReads = () => emulator.requests.filter((r) => r.path.includes("/FromPackage/_apis/") && r.status < 400);
    await waitUntil(() => projectReads().length > 0, 30_000);
    expect(projectReads().length).toBeGreaterThan(0);

    // Every file the hub's frame loaded was one of the package's, and was there.
    const files = served.map((r) => ({ path: decodeURIComponent(new URL(r.url()).pathname).replace(/^\//, ""), status: r.status() }));
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining([hubUri]));
    expect(files.filter((f) => f.status !== 200 || !vsix.has(f.path))).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}, 120_000);
