// The Marketplace package against what an unbundled build would ship, measured in the same run:
//   package   the .vsix `npm run package` writes (production build, bundled task, minified hub);
//   baseline  the task's production node_modules (the packages its sources import, with their
//             dependencies, as `npm install --omit=dev` would lay them out) plus the hub built
//             without minification (same webpack configuration, minimize off).
// The baseline is shown both raw and deflated as a .vsix would carry it, so the ratio compares like
// with like. Benchmarks assert nothing.
import AdmZip from "adm-zip";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";
import { REPO_ROOT } from "../tests/package/support/paths";

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function filesUnder(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full, skip));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** Node's lookup of a package from a folder: the nearest node_modules/<name> up the tree. */
function resolvePackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === path.dirname(dir)) return undefined;
  }
}

/**
 * The packages the task's sources import, read from the esbuild metafile scripts/build-task.js
 * writes.
 */
function taskDirectDependencies(): string[] {
  const meta = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, ".tmp/build/stackspot-resume.meta.json"), "utf8"),
  ) as {
    inputs: Record<string, { imports: { path: string }[] }>;
  };
  const names = new Set<string>();
  for (const [file, input] of Object.entries(meta.inputs)) {
    if (!file.startsWith("tasks/")) continue;
    for (const i of input.imports) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(i.path);
      if (m) names.add(m[1]);
    }
  }
  return [...names].sort();
}

/** Every file of the production dependency closure of those packages (each package folder once). */
function productionNodeModules(direct: string[]): { packages: number; files: string[] } {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (name: string, fromDir: string) => {
    const dir = resolvePackageDir(name, fromDir);
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    files.push(...filesUnder(dir, (n) => n === "node_modules"));
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir);
  };
  for (const name of direct) visit(name, REPO_ROOT);
  return { packages: seen.size, files };
}

/** The hub built with the project's webpack configuration, minification off. */
async function unminifiedHub(outDir: string): Promise<string[]> {
  const makeConfig = require(path.join(REPO_ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
  ) => webpack.Configuration;
  const config = makeConfig({ outDir });
  config.optimization = { ...config.optimization, minimize: false };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) =>
      err || stats?.hasErrors()
        ? reject(err ?? new Error(stats?.toString("errors-only")))
        : resolve(),
    ),
  );
  return filesUnder(outDir);
}

/**
 * Compressed bytes of the .vsix's entries, by part: the task folder, the hub folder, everything
 * else.
 */
function vsixParts(vsixPath: string): Record<"task" | "hub" | "other", number> {
  const parts = { task: 0, hub: 0, other: 0 };
  for (const e of new AdmZip(vsixPath).getEntries()) {
    const part = e.entryName.startsWith("dist/task/")
      ? "task"
      : e.entryName.startsWith("dist/hub/")
        ? "hub"
        : "other";
    parts[part] += e.header.compressedSize;
  }
  return parts;
}

function sizeOf(files: string[]): number {
  return files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
}

/** The bytes the files would take in a .vsix (deflated in one zip). */
function deflatedSize(files: string[]): number {
  const zip = new AdmZip();
  files.forEach((f, i) => zip.addFile(`f${i}/${path.basename(f)}`, fs.readFileSync(f)));
  return zip.toBuffer().length;
}

async function main(): Promise<void> {
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts/package.js")], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}${r.stderr}`);
  const packMs = Date.now() - started;
  const vsixPath = path.join(REPO_ROOT, /^package: (\S+\.vsix) /m.exec(r.stdout)![1]);
  const vsix = fs.statSync(vsixPath).size;

  const direct = taskDirectDependencies();
  const modules = productionNodeModules(direct);
  const hubFiles = await unminifiedHub(path.join(REPO_ROOT, ".tmp/bench-package/hub-unminified"));
  const baselineFiles = [...modules.files, ...hubFiles];
  const baselineRaw = sizeOf(baselineFiles);
  const baselineDeflated = deflatedSize(baselineFiles);

  console.log(
    `package  ${path.relative(REPO_ROOT, vsixPath)}: ${kb(vsix)} (npm run package took ${(packMs / 1000).toFixed(1)} s)`,
  );
  const parts = vsixParts(vsixPath);
  console.log(
    `         of which task ${kb(parts.task)}, hub ${kb(parts.hub)}, Marketplace page, images and manifests ${kb(parts.other)} (compressed)`,
  );
  console.log(
    `baseline task node_modules (${direct.join(", ")} and dependencies, ${modules.packages} packages, ${modules.files.length} files): ${kb(sizeOf(modules.files))}`,
  );
  console.log(
    `baseline hub without minification (${hubFiles.length} files): ${kb(sizeOf(hubFiles))}`,
  );
  console.log(
    `baseline total: ${kb(baselineRaw)} raw, ${kb(baselineDeflated)} deflated as in a .vsix`,
  );
  console.log(
    `ratio    package / baseline: ${(vsix / baselineRaw).toFixed(3)} of the raw size, ${(vsix / baselineDeflated).toFixed(3)} of the deflated size (${(baselineDeflated / vsix).toFixed(1)}x smaller)`,
  );
  console.log(
    `ratio    task + hub in the package / baseline deflated: ${((parts.task + parts.hub) / baselineDeflated).toFixed(3)}`,
  );
}

main().catch((e) => {
  console.error(`package.bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
