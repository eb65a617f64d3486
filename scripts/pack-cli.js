#!/usr/bin/env node
// Packs the `stackspot-ado` command line as a publishable npm package: the bundle of
// scripts/build-cli.js (the bin, and the vendor.js and undici.js it requires by path), its README
// (packages/cli/README.md), the LICENSE, and a package.json from packages/cli/package.json with the
// repository's version. No dependencies: the bundle holds everything. Writes
// dist/stackspot-ado-VERSION.tgz and prints its path.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const stage = path.join(root, "dist", "pack", "stackspot-ado");

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function main() {
  run(process.execPath, [path.join(root, "scripts", "build-cli.js")], root);
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, "packages", "cli", "package.json"), "utf8"),
  );
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.writeFileSync(
    path.join(stage, "package.json"),
    `${JSON.stringify({ ...manifest, version }, null, 2)}\n`,
  );
  for (const file of ["stackspot-ado.js", "vendor.js", "undici.js"])
    fs.copyFileSync(path.join(root, "dist", "cli", file), path.join(stage, file));
  fs.chmodSync(path.join(stage, "stackspot-ado.js"), 0o755);
  fs.copyFileSync(path.join(root, "packages", "cli", "README.md"), path.join(stage, "README.md"));
  fs.copyFileSync(path.join(root, "LICENSE"), path.join(stage, "LICENSE"));
  const destination = path.join(root, "dist");
  const out = run("npm", ["pack", "--json", "--pack-destination", destination], stage);
  const file = path.join(destination, JSON.parse(out)[0].filename);
  console.log(`pack-cli: ${path.relative(root, file)}`);
}

try {
  main();
} catch (error) {
  console.error(`pack-cli: ${error.message}`);
  process.exit(1);
}
