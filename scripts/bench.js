#!/usr/bin/env node
// Runs every benchmark in bench/ (or the ones named on the command line) and prints their figures.
// Benchmarks measure; they assert nothing. Each prints ratios against a baseline measured in the
// same run.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const dir = path.join(root, "bench");
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => /\.bench\.(js|ts)$/.test(f))
  .sort()
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)));
if (!files.length) console.log("bench: no benchmarks present yet");
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const args = f.endsWith(".ts")
    ? [path.join(root, "scripts/run-ts.js"), path.join(dir, f)]
    : [path.join(dir, f)];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    failed++;
    console.error(`bench: ${f} exited ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
