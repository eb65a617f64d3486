// The Marketplace package, built as `npm run package` builds it (on the current production build,
// offline when the machine can prove it) and opened as the Marketplace would.
import * as fs from "fs";
import * as path from "path";
import { FIXTURE_KINDS, fixtureFiles, fixtureTraces } from "./support/fixture-traces";
import { REPO_ROOT } from "./support/paths";
import {
  contributions,
  ENDPOINT_TYPE,
  HUB_TYPE,
  packageReferences,
  TASK_TYPE,
} from "./support/references";
import { taskJsonProblems } from "./support/task-schema";
import { buildPackage, BuiltPackage, canIsolateNetwork, Vsix } from "./support/vsix";

const MAX_BYTES = 2 * 1024 * 1024;
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
  version: string;
};
const sourceManifest = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, "vss-extension.json"), "utf8"),
);

let release: BuiltPackage;
let vsix: Vsix;

beforeAll(() => {
  release = buildPackage("release");
  vsix = new Vsix(release.vsixPath);
}, 180_000);

function identity(v: Vsix): Record<string, string> {
  const tag = /<Identity\b([^>]*)\/>/.exec(v.text("extension.vsixmanifest"))![1];
  return Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

test("is written as dist/<publisher>.<id>-<version>.vsix, under 2 MB", () => {
  const id = identity(vsix);
  expect(path.relative(REPO_ROOT, release.vsixPath)).toBe(
    `dist/${id.Publisher}.${id.Id}-${id.Version}.vsix`,
  );
  const size = fs.statSync(release.vsixPath).size;
  console.log(
    `vsix: ${path.basename(release.vsixPath)} is ${(size / 1024).toFixed(1)} KB (${((size / MAX_BYTES) * 100).toFixed(1)}% of the 2 MB limit)`,
  );
  expect(size).toBeLessThan(MAX_BYTES);
});

test("is made without network access", () => {
  if (!canIsolateNetwork()) {
    console.warn(
      "vsix: this machine cannot run a command without network (unshare -rn); offline packaging not proven here",
    );
    return;
  }
  expect(release.offline).toBe(true);
});

test("lists the two hubs, the task and the StackSpot service connection type", () => {
  const all = contributions(vsix);
  const byType = Object.fromEntries(all.map((c) => [c.type, c]));
  expect(Object.keys(byType).sort()).toEqual([ENDPOINT_TYPE, HUB_TYPE, TASK_TYPE].sort());
  const hubs = all.filter((c) => c.type === HUB_TYPE);
  // The project hub under Pipelines, the organization view under Organization settings.
  expect(hubs.map((h) => h.targets)).toEqual([
    ["ms.vss-build-web.build-release-hub-group"],
    ["ms.vss-web.collection-admin-hub-group"],
  ]);
  for (const hub of hubs) expect(hub).toMatchObject({ properties: { name: "StackSpot" } });
  expect(byType[TASK_TYPE]).toMatchObject({ targets: ["ms.vss-distributed-task.tasks"] });
  expect(byType[ENDPOINT_TYPE]).toMatchObject({
    targets: ["ms.vss-endpoint.endpoint-types"],
    properties: { name: "stackspot" },
  });
});

test("holds every file its manifests and its pages reference", () => {
  const refs = packageReferences(vsix);
  // The hub page and what it loads, the task's handler and the Marketplace page must be among them,
  // or the check proves little.
  expect(refs.map((r) => r.path)).toEqual(
    expect.arrayContaining([
      "dist/hub/hub.html",
      "dist/task/StackSpotResume/task.json",
      "overview.md",
    ]),
  );
  const loadedByHub = refs
    .filter((r) => r.from === "dist/hub/hub.html")
    .map((r) => path.posix.extname(r.path));
  expect(loadedByHub).toEqual(expect.arrayContaining([".js", ".css"]));
  expect(
    refs.some((r) => r.from.startsWith("dist/task/StackSpotResume/task.json execution.")),
  ).toBe(true);
  const missing = refs.filter((r) => (r.folder ? !vsix.hasFolder(r.path) : !vsix.has(r.path)));
  expect(missing.map((r) => `${r.path} (named by ${r.from})`)).toEqual([]);
});

test("the task's task.json validates against the task schema", () => {
  const dir = String(contributions(vsix).find((c) => c.type === TASK_TYPE)!.properties!.name);
  expect(taskJsonProblems(vsix.json(`${dir}/task.json`))).toEqual([]);
});

test("carries one version: package.json's, in both manifests and in the task's Minor and Patch", () => {
  const [major, minor, patch] = pkg.version.split(".").map(Number);
  expect(identity(vsix).Version).toBe(pkg.version);
  const dir = String(contributions(vsix).find((c) => c.type === TASK_TYPE)!.properties!.name);
  expect(vsix.json<{ version: unknown }>(`${dir}/task.json`).version).toEqual({
    Major: 1,
    Minor: minor,
    Patch: patch,
  });
  expect(major).toBe(1);
  // The source manifest does not carry a version of its own that could drift: the package writes
  // it.
  expect(sourceManifest.version).toBe("0.0.0");
});

test("ships the screenshots as palette PNGs of the originals' dimensions, looking the same", () => {
  const { decodePng } = require(path.join(REPO_ROOT, "scripts", "lib", "png-codec.js"));
  const shots: string[] = sourceManifest.screenshots.map((s: { path: string }) => s.path);
  expect(shots.length).toBeGreaterThan(0);
  for (const shot of shots) {
    const originalFile = fs.readFileSync(path.join(REPO_ROOT, shot));
    const packagedFile = vsix.zip.getEntry(shot)!.getData();
    expect(packagedFile.length).toBeLessThan(originalFile.length * 0.6);
    const original = decodePng(originalFile);
    const packaged = decodePng(packagedFile);
    expect([packaged.width, packaged.height]).toEqual([original.width, original.height]);
    // Same picture: the mean colour error per channel stays under 1 of 255, and no pixel moves
    // far enough to change what it shows.
    let total = 0;
    let worst = 0;
    const pixels = original.width * original.height;
    for (let p = 0; p < pixels; p++) {
      for (let ch = 0; ch < 3; ch++) {
        const before = original.pixels[p * original.channels + ch];
        const error = Math.abs(before - packaged.pixels[p * packaged.channels + ch]);
        total += error;
        worst = Math.max(worst, error);
      }
    }
    expect(total / (pixels * 3)).toBeLessThan(1);
    expect(worst).toBeLessThan(32);
  }
});

test("holds no node_modules, tests, source maps or TypeScript sources", () => {
  const names = vsix.names();
  expect(names.filter((n) => /(^|\/)(node_modules|tests?|__tests__)\//.test(n))).toEqual([]);
  expect(names.filter((n) => /\.map$|\.test\.[jt]sx?$|(?<!\.d)\.tsx?$/.test(n))).toEqual([]);
});

test("holds none of the reference fixtures: no spec, recorded example or schema", () => {
  const fixtures = fixtureFiles();
  const entries = vsix.zip
    .getEntries()
    .filter((e) => !e.isDirectory)
    .map((e) => ({ name: e.entryName, data: e.getData() }));
  expect(fixtureTraces(entries, fixtures)).toEqual([]);
});

test("would catch any reference fixture in it, also renamed or reformatted", () => {
  const fixtures = fixtureFiles();
  expect(fixtures.length).toBeGreaterThan(10);
  for (const k of FIXTURE_KINDS)
    expect({ kind: k.kind, some: fixtures.some((f) => k.holds(f.name)) }).toEqual({
      kind: k.kind,
      some: true,
    });
  const missed: string[] = [];
  for (const f of fixtures) {
    if (fixtureTraces([{ name: `extension/${f.name}`, data: f.data }], fixtures).length === 0)
      missed.push(`${f.name} as is`);
    if (!FIXTURE_KINDS.some((k) => k.holds(f.name))) continue;
    // Parsed and written back compact under another name: only the kind's marker is left.
    const compact = JSON.stringify(JSON.parse(f.data.toString("utf8").replace(/^\uFEFF/, "")));
    if (fixtureTraces([{ name: "x.bin", data: Buffer.from(compact) }], fixtures).length === 0)
      missed.push(`${f.name} reformatted`);
  }
  expect(missed).toEqual([]);
});

test("the dev package is private and distinct from the release one, under any publisher", () => {
  const dev = buildPackage("dev", ["--publisher", "someone-else"]);
  const devVsix = new Vsix(dev.vsixPath);
  const devId = identity(devVsix);
  const relId = identity(vsix);
  expect(devId.Publisher).toBe("someone-else");
  expect(devId.Id).not.toBe(relId.Id);
  expect(devId.Version).toBe(relId.Version);
  const flags = (v: Vsix) =>
    (
      /<GalleryFlags>([^<]*)<\/GalleryFlags>/.exec(v.text("extension.vsixmanifest"))?.[1] ?? ""
    ).split(" ");
  expect(flags(vsix)).toContain("Public");
  expect(flags(devVsix)).not.toContain("Public");
  expect(/<DisplayName>([^<]*)</.exec(devVsix.text("extension.vsixmanifest"))![1]).toMatch(
    /\(Dev\)$/,
  );
  // Same contributions and files: the dev package is the release one under another identity.
  expect(devVsix.names().sort()).toEqual(vsix.names().sort());
}, 180_000);

test("links the Marketplace page to the project's own support, privacy and source pages", () => {
  const REPO = "https://github.com/stackspot-ado/stackspot-azure-devops";
  const manifest = vsix.text("extension.vsixmanifest");
  const property = (id: string) =>
    new RegExp(
      `<Property Id="Microsoft\\.VisualStudio\\.Services\\.Links\\.${id}" Value="([^"]*)"`,
    ).exec(manifest)?.[1];
  expect(property("Support")).toBe(`${REPO}/issues`);
  expect(property("Privacypolicy")).toBe(`${REPO}/blob/main/PRIVACY.md`);
  expect(property("GitHub")).toBe(REPO); // what tfx makes of the manifest's "repository"
  expect(sourceManifest.repository).toEqual({ type: "git", uri: REPO });
  // The pages they point to exist in the repository, and say what they are for.
  const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
  expect(read("PRIVACY.md")).toMatch(/collects nothing about you/);
  expect(read("SECURITY.md")).toContain(`${REPO}/security/advisories/new`);
  const readme = read("README.md");
  expect(readme).toMatch(/^## Install from the Marketplace$/m);
  expect(readme).toContain(
    "https://marketplace.visualstudio.com/items?itemName=" +
      `${sourceManifest.publisher}.${sourceManifest.id}`,
  );
});
