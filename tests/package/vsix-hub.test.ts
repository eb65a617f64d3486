// The hub as installed: taken from inside the .vsix (unzipped), served by the SDK test host in
// place of the repository's files (the hub harness with `extensionRoot`), framed in a real
// Chromium, against the REST emulator.
import * as fs from "fs";
import * as path from "path";
import { HubHarness, type HubSession } from "../hub/harness";
import { REPO_ROOT } from "./support/paths";
import { contributions, HUB_TYPE } from "./support/references";
import { buildPackage, Vsix } from "./support/vsix";

let vsix: Vsix;
let unpacked: string;
let h: HubHarness;
let session: HubSession | undefined;

beforeAll(async () => {
  vsix = new Vsix(buildPackage("release").vsixPath);
  unpacked = vsix.extractTo(path.join(REPO_ROOT, ".tmp", "package-tests", `hub-${process.pid}`));
  h = await HubHarness.start({ extensionRoot: unpacked });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await h?.stop();
  if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true });
});

/**
 * Polls a condition (the hub reads the project on its own schedule); returns when true or at the
 * limit.
 */
async function waitUntil(condition: () => boolean, limitMs: number): Promise<void> {
  for (const end = Date.now() + limitMs; !condition() && Date.now() < end;)
    await new Promise((r) => setTimeout(r, 100));
}

test("the packaged hub loads in the SDK test host, reads the project and shows the StackSpot page", async () => {
  const hub = contributions(vsix).find((c) => c.type === HUB_TYPE)!;
  const hubUri = String(hub.properties!.uri);
  const project = h.newProject("FromPackage");
  h.emulator.clearRequests();
  session = await h.open(project);
  const { page } = session;
  // The hub told the host it loaded (SDK.notifyLoadSucceeded) ...
  await page.waitForFunction(
    () =>
      (window as unknown as { __testHost: { timings: { loadSucceeded?: number } } }).__testHost
        .timings.loadSucceeded !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  // ... renders its page ...
  await session.hub
    .getByRole("heading", { name: "StackSpot" })
    .first()
    .waitFor({ timeout: 30_000 });
  // ... and reads the project with the user's token through the organization URL.
  const projectReads = () =>
    h.emulator.requests.filter((r) => r.path.includes(`/${project}/_apis/`) && r.status < 400);
  await waitUntil(() => projectReads().length > 0, 30_000);
  expect(projectReads().length).toBeGreaterThan(0);

  // Every file the hub's frame loaded was one of the package's, and was there.
  expect(session.extensionFiles.map((f) => f.path)).toEqual(expect.arrayContaining([hubUri]));
  expect(session.extensionFiles.filter((f) => f.status !== 200 || !vsix.has(f.path))).toEqual([]);
  // The host announced the package's identity and drew the icon the package's manifest declares.
  const identity = await page.evaluate(
    () =>
      (
        window as unknown as {
          __testHost: { identity: { contributionId: string; version: string } };
        }
      ).__testHost.identity,
  );
  const xmlIdentity = /<Identity\b[^>]*>/.exec(vsix.text("extension.vsixmanifest"))![0];
  const attribute = (name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(xmlIdentity)![1];
  expect(identity).toEqual({
    contributionId: `${attribute("Publisher")}.${attribute("Id")}.${hub.id}`,
    version: attribute("Version"),
  });
  const icon = page.locator(".host-nav-icon");
  const lightIcon = (hub.properties!.icon as { light: string }).light;
  expect(vsix.has(lightIcon)).toBe(true);
  expect(await icon.getAttribute("src")).toBe(`${h.host.extensionOrigin}/${lightIcon}`);
  await page.waitForFunction(
    () => (document.querySelector(".host-nav-icon") as HTMLImageElement | null)?.complete === true,
  );
  expect(await icon.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // "Failed to load resource" lines are the browser's note on any 4xx, including the 404 of a file
  // the project does not have yet; the package's own files are checked above by their responses.
  expect(
    session.output.filter(
      (l) => /^\[(error|pageerror)\]/.test(l) && !l.includes("Failed to load resource"),
    ),
  ).toEqual([]);
}, 120_000);

test("the packaged organization view loads from the .vsix and lists the organization's projects", async () => {
  const orgHub = contributions(vsix).find(
    (c) => c.type === HUB_TYPE && c.targets?.includes("ms.vss-web.collection-admin-hub-group"),
  )!;
  const uri = String(orgHub.properties!.uri);
  const project = h.newProject("ListedFromPackage");
  await session?.close();
  session = await h.openOrganization();
  await session.hub
    .locator(".ss-projects [role=row]", { hasText: project })
    .locator("[data-state]")
    .waitFor({ timeout: 60_000 });
  expect(session.extensionFiles.map((f) => f.path)).toEqual(expect.arrayContaining([uri]));
  expect(session.extensionFiles.filter((f) => f.status !== 200 || !vsix.has(f.path))).toEqual([]);
  expect(
    session.output.filter(
      (l) => /^\[(error|pageerror)\]/.test(l) && !l.includes("Failed to load resource"),
    ),
  ).toEqual([]);
}, 120_000);
