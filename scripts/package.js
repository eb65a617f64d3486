#!/usr/bin/env node
// `npm run package`: builds every shipped part for production and writes the Marketplace package
// dist/<publisher>.<id>-<version>.vsix with tfx-cli, offline.
//
//   node scripts/package.js [--config release|dev] [--publisher NAME] [--skip-build]
//
// The manifest is the only list of what ships: each path it names (files, content, icons,
// screenshots) is copied into a staging root, without source maps, node_modules or tests, and tfx
// packs that root. Nothing else can get in: no test fixture, nothing outside the repository. The
// one version (package.json) goes into the manifest through the overrides file;
// scripts/build-task.js writes it into the task.json's Minor/Patch (Major stays 1), and this script
// refuses a package whose task disagrees. The publisher is not tied to one account: --publisher or
// STACKSPOT_PUBLISHER overrides the manifest's. The staged screenshots are compressed to palette
// PNGs (scripts/lib/png-quantize.js, same dimensions, about 40 % of the size); the repository keeps
// the full-colour originals.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { readVersion, taskVersionFor } = require("./version");
const { quantizePng } = require("./lib/png-quantize");

const root = path.resolve(__dirname, "..");
const CONFIGS = ["release", "dev"];
const TASK_CONTRIBUTION = "ms.vss-distributed-task.task";

/** A package that cannot be made, with what to do about it. */
class PackageError extends Error {
  /** @param {string} message @param {string} remedy */
  constructor(message, remedy) {
    super(`${message} ${remedy}`);
    this.name = "PackageError";
    this.remedy = remedy;
  }
}

/** Names never shipped, wherever they appear under a shipped folder. */
function isExcluded(name) {
  return (
    name === "node_modules" ||
    name === "tests" ||
    name === "__tests__" ||
    name.endsWith(".map") ||
    /\.test\.[jt]sx?$/.test(name) ||
    (name.endsWith(".ts") && !name.endsWith(".d.ts")) ||
    name === ".DS_Store"
  );
}

function parseArgs(argv) {
  const opts = {
    config: "release",
    publisher: process.env.STACKSPOT_PUBLISHER || undefined,
    skipBuild: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--skip-build") opts.skipBuild = true;
    else if (a === "--config") opts.config = argv[++i];
    else if (a === "--dev") opts.config = "dev";
    else if (a === "--publisher") opts.publisher = argv[++i];
    else
      throw new PackageError(
        `Unknown argument "${a}".`,
        "Use --config release|dev, --publisher NAME, --skip-build.",
      );
  }
  if (!CONFIGS.includes(opts.config)) {
    throw new PackageError(
      `Unknown config "${opts.config}".`,
      `Use one of: ${CONFIGS.join(", ")} (files in configs/).`,
    );
  }
  if (opts.publisher !== undefined && !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(opts.publisher)) {
    throw new PackageError(
      `Publisher "${opts.publisher}" is not a Marketplace publisher id.`,
      "Use letters, digits and dashes.",
    );
  }
  return opts;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Every path the manifest makes tfx read, relative to the root. */
function manifestPaths(manifest) {
  const paths = new Set();
  for (const f of manifest.files || []) paths.add(f.path);
  for (const c of Object.values(manifest.content || {})) if (c && c.path) paths.add(c.path);
  for (const icon of Object.values(manifest.icons || {})) paths.add(icon);
  for (const s of manifest.screenshots || []) paths.add(s.path);
  return [...paths];
}

/**
 * Copies one manifest path into the staging root, refusing anything outside the repository or
 * linked.
 */
function stagePath(rel, stageRoot) {
  const src = path.resolve(root, rel);
  if (path.relative(root, src).startsWith("..") || path.isAbsolute(rel)) {
    throw new PackageError(
      `The manifest names "${rel}", outside the repository.`,
      "Ship only files of this repository.",
    );
  }
  if (!fs.existsSync(src)) {
    throw new PackageError(
      `The manifest names "${rel}", which does not exist.`,
      "Run `npm run build` (or drop --skip-build), or fix the path in vss-extension.json.",
    );
  }
  fs.cpSync(src, path.join(stageRoot, rel), {
    recursive: true,
    filter: (from) => {
      if (fs.lstatSync(from).isSymbolicLink()) {
        throw new PackageError(
          `"${path.relative(root, from)}" is a symbolic link.`,
          "Ship real files: a link could pull in files from outside the repository.",
        );
      }
      return from === src || !isExcluded(path.basename(from));
    },
  });
}

/** Replaces each staged PNG screenshot by its palette version, when that is smaller. */
function compressScreenshots(manifest, stageRoot) {
  for (const { path: rel } of manifest.screenshots || []) {
    if (!rel.toLowerCase().endsWith(".png")) continue;
    const staged = path.join(stageRoot, rel);
    const original = fs.readFileSync(staged);
    const compressed = quantizePng(original);
    if (compressed.length < original.length) fs.writeFileSync(staged, compressed);
  }
}

/**
 * Checks each staged task.json carries the extension's version (Major 1, Minor/Patch from
 * package.json). scripts/build-task.js writes it; a mismatch means dist/ is older than the version
 * (--skip-build).
 */
function checkTaskVersions(manifest, stageRoot, version) {
  const expected = taskVersionFor(version);
  const tasks = [];
  for (const c of manifest.contributions || []) {
    if (c.type !== TASK_CONTRIBUTION) continue;
    const file = path.join(stageRoot, c.properties.name, "task.json");
    if (!fs.existsSync(file)) {
      throw new PackageError(
        `The task contribution "${c.id}" has no ${c.properties.name}/task.json.`,
        "Run `npm run build` so scripts/build-task.js writes it.",
      );
    }
    const task = readJson(file);
    const v = task.version || {};
    if (v.Major !== expected.Major || v.Minor !== expected.Minor || v.Patch !== expected.Patch) {
      throw new PackageError(
        `${c.properties.name}/task.json is version ${v.Major}.${v.Minor}.${v.Patch}, but package.json's ${version} makes it ${expected.Major}.${expected.Minor}.${expected.Patch}.`,
        "Run `npm run build` (or `npm run package` without --skip-build): scripts/build-task.js writes the task's version.",
      );
    }
    tasks.push(`${task.name}@${v.Major}.${v.Minor}.${v.Patch}`);
  }
  return tasks;
}

function runBuild() {
  const r = spawnSync(process.execPath, [path.join(root, "scripts/build.js")], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0)
    throw new PackageError(
      "The production build failed (see above).",
      "Fix the build, then run `npm run package` again.",
    );
}

/** Runs tfx (offline: `extension create` only reads files) and returns the warnings it printed. */
function runTfx(stageRoot, overridesFile, vsixPath) {
  const tfx = require.resolve("tfx-cli/_build/tfx-cli.js");
  const args = [
    tfx,
    "extension",
    "create",
    "--root",
    stageRoot,
    "--manifests",
    "vss-extension.json",
    "--overrides-file",
    overridesFile,
    "--output-path",
    vsixPath,
    "--no-prompt",
    "--no-color",
    "--json",
  ];
  const r = spawnSync(process.execPath, args, {
    cwd: stageRoot,
    encoding: "utf8",
    env: { ...process.env, NO_UPDATE_NOTIFIER: "1" },
  });
  if (r.status !== 0) {
    throw new PackageError(
      `tfx extension create failed:\n${(r.stdout || "") + (r.stderr || "")}`.trim(),
      "Fix the manifest or the staged files named above.",
    );
  }
  // tfx prints warnings before its JSON summary: keep the warnings, drop the summary (we print our
  // own).
  const out = r.stdout.trim();
  return (out.slice(0, out.lastIndexOf("\n{") + 1) + (r.stderr || "")).trim();
}

/**
 * Builds (unless skipBuild) and packages. Returns what was written.
 * @param {{config?: string, publisher?: string, skipBuild?: boolean}} options
 */
function createPackage(options = {}) {
  const opts = { config: "release", skipBuild: false, ...options };
  const version = readVersion(root);
  taskVersionFor(version); // refuse an unpackageable version before building anything
  if (!opts.skipBuild) runBuild();

  const manifest = readJson(path.join(root, "vss-extension.json"));
  const overrides = { ...readJson(path.join(root, "configs", `${opts.config}.json`)), version };
  if (opts.publisher) overrides.publisher = opts.publisher;
  // The manifest as tfx will see it: its overrides are a shallow merge.
  const effective = { ...manifest, ...overrides };

  // A work folder per process, and the .vsix renamed into place: two packagings at once (parallel
  // tests) never see each other's half-written files.
  const work = path.join(root, ".tmp", "package", `${opts.config}-${process.pid}`);
  const stageRoot = path.join(work, "root");
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(stageRoot, { recursive: true });
  try {
    fs.copyFileSync(
      path.join(root, "vss-extension.json"),
      path.join(stageRoot, "vss-extension.json"),
    );
    for (const rel of manifestPaths(effective)) stagePath(rel, stageRoot);
    compressScreenshots(effective, stageRoot);
    const tasks = checkTaskVersions(effective, stageRoot, version);
    const overridesFile = path.join(work, "overrides.json");
    fs.writeFileSync(overridesFile, JSON.stringify(overrides, null, 2) + "\n");

    const vsixPath = path.join(
      root,
      "dist",
      `${effective.publisher}.${effective.id}-${version}.vsix`,
    );
    const written = path.join(work, path.basename(vsixPath));
    const warnings = runTfx(stageRoot, overridesFile, written);
    fs.mkdirSync(path.dirname(vsixPath), { recursive: true });
    fs.renameSync(written, vsixPath);
    return {
      vsixPath,
      size: fs.statSync(vsixPath).size,
      version,
      publisher: effective.publisher,
      id: effective.id,
      tasks,
      warnings,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { PackageError, createPackage };

if (require.main === module) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const r = createPackage(opts);
    if (r.warnings) console.warn(r.warnings);
    console.log(
      `package: ${path.relative(root, r.vsixPath)} (${(r.size / 1024).toFixed(1)} KB; ${opts.config}; ${r.tasks.join(", ")})`,
    );
  } catch (e) {
    console.error(`package: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
