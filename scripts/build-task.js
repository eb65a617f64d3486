#!/usr/bin/env node
// Builds the StackSpotResume task into dist/task/StackSpotResume/, the folder the manifest packages
// as is:
//   index.js              the task and its libraries in one minified file (esbuild, Node 20 syntax)
//   task.json             tasks/StackSpotResume/task.json, Minor/Patch from package.json's version
//   icon.png              the task's icon
//   ThirdPartyNotices.txt the licences of the bundled packages
// Both handlers (Node20_1, Node24) run the same index.js: it targets Node 20 syntax, which Node 24
// runs, and it holds no native module, so a second file would be a byte-for-byte copy.
//
// task-lib and tool-lib read resource files at run time. task-lib 5 carries its strings inside its
// code (lib-resource.js), tool-lib falls back to its English strings when lib.json is not beside
// it, and the task's own messages are read from the task.json beside index.js (tl.setResourcePath).
// The build fails if the bundle still requires any module that is not part of Node.
// scripts/lib/task-bundle-trims.js leaves out what the task never runs: task-lib's messages in
// other languages than English, `qs` and `minimatch` (replaced by stubs that throw when called).
//
// Files are written to a temporary name and renamed, so a test reading the bundle while another
// test rebuilds it never sees half a file.
const esbuild = require("esbuild");
const fs = require("node:fs");
const path = require("node:path");
const { assertOnlyBuiltinRequires } = require("./lib/assert-builtin-requires");
const { taskBundleTrims } = require("./lib/task-bundle-trims");
const { readVersion, taskVersionFor } = require("./version");

const root = path.resolve(__dirname, "..");
const source = path.join(root, "tasks", "StackSpotResume");
const outDir = path.join(root, "dist", "task", "StackSpotResume");
const metaFile = path.join(root, ".tmp", "build", "stackspot-resume.meta.json");
const SIZE_LIMIT = 160 * 1024;
const SHIPPED = new Set(["index.js", "task.json", "icon.png", "ThirdPartyNotices.txt"]);

function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}

function packageOf(input) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? m[1] : undefined;
}

/** Licence texts of every package that contributed bytes to the bundle. */
function thirdPartyNotices(meta) {
  const output = Object.values(meta.outputs)[0];
  const packages = new Map();
  for (const [input, info] of Object.entries(output.inputs)) {
    const name = packageOf(input);
    if (!name || info.bytesInOutput === 0) continue;
    packages.set(
      name,
      input.slice(0, input.indexOf(`node_modules/${name}/`) + `node_modules/${name}`.length),
    );
  }
  const sections = [];
  for (const [name, dir] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, "package.json"), "utf8"));
    const licenceFile = fs
      .readdirSync(path.join(root, dir))
      .find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = licenceFile
      ? fs.readFileSync(path.join(root, dir, licenceFile), "utf8").trim()
      : `License: ${pkg.license}`;
    sections.push(`${name} ${pkg.version}\n${"-".repeat(40)}\n${text}\n`);
  }
  return `StackSpotResume bundles the following packages.\n\n${sections.join("\n")}`;
}

async function main() {
  const result = await esbuild.build({
    entryPoints: [path.join(source, "src", "index.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    write: false,
    outfile: path.join(outDir, "index.js"),
    metafile: true,
    legalComments: "none",
    logLevel: "warning",
    plugins: [taskBundleTrims()],
  });
  const meta = result.metafile;
  assertOnlyBuiltinRequires(meta);
  const bundle = result.outputFiles[0].contents;
  if (bundle.length > SIZE_LIMIT)
    throw new Error(`index.js is ${bundle.length} bytes, over the ${SIZE_LIMIT} byte limit`);

  const manifest = JSON.parse(fs.readFileSync(path.join(source, "task.json"), "utf8"));
  const taskVersion = taskVersionFor(readVersion(root));
  if (manifest.version.Major !== taskVersion.Major)
    throw new Error(`task.json Major must stay ${taskVersion.Major}`);
  manifest.version = taskVersion;

  fs.mkdirSync(outDir, { recursive: true });
  writeAtomically(path.join(outDir, "index.js"), bundle);
  writeAtomically(path.join(outDir, "task.json"), JSON.stringify(manifest, null, 2) + "\n");
  writeAtomically(path.join(outDir, "icon.png"), fs.readFileSync(path.join(source, "icon.png")));
  writeAtomically(path.join(outDir, "ThirdPartyNotices.txt"), thirdPartyNotices(meta));
  for (const stale of fs.readdirSync(outDir)) {
    if (!SHIPPED.has(stale) && !stale.endsWith(".tmp"))
      fs.rmSync(path.join(outDir, stale), { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(metaFile), { recursive: true });
  writeAtomically(metaFile, JSON.stringify(meta));
  const v = manifest.version;
  console.log(
    `build-task: ${path.relative(root, outDir)}/index.js ${(bundle.length / 1024).toFixed(1)} KB, StackSpotResume@${v.Major}.${v.Minor}.${v.Patch}`,
  );
}

main().catch((error) => {
  console.error(`build-task: ${error.message}`);
  process.exit(1);
});
