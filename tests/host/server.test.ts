// The test host's server, over real HTTP: the page, its controls, the extension files and the proxy
// to the emulator. (The SDK protocol itself is exercised by the hub's browser tests.)
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import type { Emulator } from "../emulator/types";
import { startTestHost, type TestHost } from "./server";
import { ensureHubBuilt } from "./hubBuild";
import { findRepoRoot } from "./httpUtil";
import type { HostPageConfig } from "./config";

let emulator: Emulator;
let host: TestHost;

beforeAll(async () => {
  ensureHubBuilt(findRepoRoot(__dirname));
  emulator = await startEmulator({});
  emulator.addProject("Demo");
  host = await startTestHost({ emulator });
});
afterAll(async () => {
  await host?.stop();
  await emulator?.stop();
});

function configOf(html: string): HostPageConfig {
  const json = /<script id="host-config" type="application\/json">([\s\S]*?)<\/script>/.exec(
    html,
  )?.[1];
  if (!json) throw new Error("no host config in the page");
  return JSON.parse(json) as HostPageConfig;
}

test("/ opens the default project's hub page, which names the project, the hub and the proxied organization", async () => {
  const res = await fetch(`${host.hostOrigin}/`);
  expect(res.url).toBe(host.url);
  const config = configOf(await res.text());
  expect(config.project).toEqual({ id: emulator.getProject("Demo")!.id, name: "Demo" });
  expect(config.orgUrl).toBe(`${host.extensionOrigin}/demo-org/`);
  expect(config.hubUrl).toBe(`${host.extensionOrigin}/dist/hub/hub.html`);
  expect(config.extension.contributionId).toMatch(/\.stackspot-hub$/);
  expect(config.accessToken).toBe(emulator.token);
});

test("the page names the hub's icon the manifest declares, and the extension origin serves it", async () => {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(findRepoRoot(__dirname), "vss-extension.json"), "utf8"),
  ) as {
    contributions: Array<{ type: string; properties: { icon?: { light: string; dark: string } } }>;
  };
  const declared = manifest.contributions.find((c) => c.type === "ms.vss-web.hub")!.properties
    .icon!;
  const config = configOf(await (await fetch(host.url)).text());
  expect(config.extension.hubIcon).toEqual(declared);
  for (const icon of [declared.light, declared.dark]) {
    const res = await fetch(`${host.extensionOrigin}/${icon}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
  }
});

test("a project name cannot break out of the page's embedded configuration", async () => {
  const name = "X</script><script>alert(1)</script>";
  emulator.addProject(name);
  const html = await (await fetch(host.hubPageUrl(name))).text();
  expect(html).not.toContain("<script>alert(1)");
  expect(configOf(html).project?.name).toBe(name);
});

test("an unknown project is a 404 that says so", async () => {
  const res = await fetch(host.hubPageUrl("Nope"));
  expect(res.status).toBe(404);
  expect(await res.text()).toContain('no project named "Nope"');
});

test("serves the built hub from the extension origin, and nothing outside its folders", async () => {
  const page = await fetch(`${host.extensionOrigin}/dist/hub/hub.html`);
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<script src="?hub\.js"?>/);
  expect(
    (await fetch(`${host.extensionOrigin}/dist/hub/hub.js`)).headers.get("content-type"),
  ).toContain("javascript");
  expect((await fetch(`${host.extensionOrigin}/static/icons/stackspot-dark.svg`)).status).toBe(200);
  expect((await fetch(`${host.extensionOrigin}/static/..%2Fpackage.json`)).status).toBe(403);
  expect((await fetch(`${host.extensionOrigin}/dist/hub/..%2F..%2Fpackage.json`)).status).toBe(403);
  expect((await fetch(`${host.extensionOrigin}/package.json`)).status).toBe(404);
});

test("proxies the organization URL to the emulator, with its answers and its faults", async () => {
  const accept = { Accept: "application/json;api-version=7.1" };
  const auth = { ...accept, Authorization: `Bearer ${emulator.token}` };
  const res = await fetch(`${host.extensionOrigin}/demo-org/_apis/projects/Demo`, {
    headers: auth,
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { name: string }).name).toBe("Demo");
  expect(
    (await fetch(`${host.extensionOrigin}/demo-org/_apis/projects/Demo`, { headers: accept }))
      .status,
  ).toBe(401);
  emulator.addFault({ route: "/_apis/projects/Demo", reset: true });
  await expect(
    fetch(`${host.extensionOrigin}/demo-org/_apis/projects/Demo`, { headers: auth }),
  ).rejects.toThrow();
  emulator.clearFaults();
});

test("plays a user without a permission, chosen in the page or in its URL", async () => {
  const createRepo = () =>
    fetch(`${host.extensionOrigin}/demo-org/Demo/_apis/git/repositories`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${emulator.token}`,
        Accept: "application/json;api-version=7.1",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        name: `r${Date.now()}`,
        project: { id: emulator.getProject("Demo")!.id },
      }),
    });
  const deny = await fetch(`${host.hostOrigin}/_host/permissions`, {
    method: "POST",
    body: JSON.stringify({ deny: ["CreateRepository"] }),
  });
  expect(await deny.json()).toEqual({ denied: ["CreateRepository"] });
  expect((await createRepo()).status).toBe(403);
  await fetch(host.hubPageUrl("Demo", { deny: [] }));
  expect((await createRepo()).status).toBe(201);
  const bad = await fetch(`${host.hostOrigin}/_host/permissions`, {
    method: "POST",
    body: JSON.stringify({ deny: ["FlyToTheMoon"] }),
  });
  expect(bad.status).toBe(400);
  expect((await fetch(host.hubPageUrl("Demo", { deny: ["Nope" as never] }))).status).toBe(400);
});
