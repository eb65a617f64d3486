// The identity the test host announces comes from the extension root it serves: the repository's
// manifest with package.json's version, an unpacked .vsix's own manifests, or (for a bare build)
// the repository's.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ExtensionManifestError, readExtensionIdentity } from "./extensionIdentity";
import { findRepoRoot } from "./httpUtil";

const repo = findRepoRoot(__dirname);
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));
const manifest = readJson(path.join(repo, "vss-extension.json"));
type Hub = { id: string; type: string; targets: string[]; properties: Record<string, any> };
const hubs = (manifest.contributions as Hub[]).filter((c) => c.type === "ms.vss-web.hub");
const hub = hubs.find((c) => c.targets.includes("ms.vss-build-web.build-release-hub-group"))!;
const organizationHub = hubs.find((c) =>
  c.targets.includes("ms.vss-web.collection-admin-hub-group"),
)!;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "host-identity-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the repository: its manifest's hub, icon and ids, with package.json's version (the manifest holds a placeholder)", () => {
  const identity = readExtensionIdentity(repo);
  expect(manifest.version).toBe("0.0.0");
  expect(identity).toEqual({
    publisherId: manifest.publisher,
    extensionId: manifest.id,
    version: readJson(path.join(repo, "package.json")).version,
    contributionId: `${manifest.publisher}.${manifest.id}.${hub.id}`,
    hubUri: hub.properties.uri,
    hubIcon: hub.properties.icon,
    organizationHub: {
      contributionId: `${manifest.publisher}.${manifest.id}.${organizationHub.id}`,
      hubUri: organizationHub.properties.uri,
      hubIcon: organizationHub.properties.icon,
    },
  });
  expect(identity.hubIcon!.light).toMatch(/\.png$/);
  expect(identity.hubUri).not.toBe(identity.organizationHub?.hubUri);
});

test("an unpacked .vsix: publisher, id and version from extension.vsixmanifest, the hub from extension.vsomanifest", () => {
  fs.writeFileSync(
    path.join(dir, "extension.vsixmanifest"),
    '<?xml version="1.0" encoding="utf-8"?>\n<PackageManifest><Metadata><Identity Language="en-US" Id="ext-dev" Publisher="someone" Version="1.4.2"/></Metadata></PackageManifest>\n',
  );
  fs.writeFileSync(
    path.join(dir, "extension.vsomanifest"),
    JSON.stringify({
      contributions: [
        {
          id: "other-hub",
          type: "ms.vss-web.hub",
          properties: { uri: "/web/page.html", icon: "img/hub.png" },
        },
      ],
    }),
  );
  expect(readExtensionIdentity(dir, repo)).toEqual({
    publisherId: "someone",
    extensionId: "ext-dev",
    version: "1.4.2",
    contributionId: "someone.ext-dev.other-hub",
    hubUri: "web/page.html",
    hubIcon: { light: "img/hub.png", dark: "img/hub.png" },
  });
});

test("a source tree elsewhere: its own manifest; without a package.json and with the placeholder version, the repository's version", () => {
  fs.writeFileSync(
    path.join(dir, "vss-extension.json"),
    JSON.stringify({ ...manifest, id: "copy" }),
  );
  const identity = readExtensionIdentity(dir, repo);
  expect(identity.extensionId).toBe("copy");
  expect(identity.version).toBe(readJson(path.join(repo, "package.json")).version);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ version: "1.9.0" }));
  expect(readExtensionIdentity(dir, repo).version).toBe("1.9.0");
});

test("a bare build with no manifest is framed under the repository's identity", () => {
  expect(readExtensionIdentity(dir, repo)).toEqual(readExtensionIdentity(repo));
});

test("a manifest without a hub contribution is refused with what to do", () => {
  fs.writeFileSync(
    path.join(dir, "vss-extension.json"),
    JSON.stringify({ publisher: "p", id: "i", version: "1.0.0", contributions: [] }),
  );
  expect(() => readExtensionIdentity(dir, repo)).toThrow(ExtensionManifestError);
  expect(() => readExtensionIdentity(dir, repo)).toThrow(/no ms\.vss-web\.hub contribution/);
});
