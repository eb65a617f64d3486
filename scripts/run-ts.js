#!/usr/bin/env node
// Runs a TypeScript entry file (benchmarks, the playground) without a separate compile step:
// esbuild bundles it to a temporary CommonJS file, which is then required.
const esbuild = require("esbuild");
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "..");
const entry = path.resolve(process.argv[2]);
const outDir = path.join(root, ".tmp", "run-ts");
fs.mkdirSync(outDir, { recursive: true });
const outfile = path.join(outDir, path.basename(entry).replace(/\.tsx?$/, "") + ".js");
esbuild.buildSync({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "inline",
  // Keep real packages as packages: they are resolved from node_modules at run time.
  packages: "external",
  banner: { js: "globalThis.self = globalThis;" },
  logLevel: "warning",
});
process.argv.splice(1, 2, outfile);
require(outfile);
