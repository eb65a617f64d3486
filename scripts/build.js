#!/usr/bin/env node
// Builds every shipped part: the task bundle, the command line, and the hub.
// Each part has its own script so the parts can be built alone; this one runs them in order.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const parts = [
  { name: "task", script: "scripts/build-task.js" },
  { name: "cli", script: "scripts/build-cli.js" },
  { name: "hub", script: "scripts/build-hub.js" },
];
const only = process.argv.slice(2);
const root = path.resolve(__dirname, "..");
for (const part of parts) {
  if (only.length && !only.includes(part.name)) continue;
  const file = path.join(root, part.script);
  const started = Date.now();
  const result = spawnSync(process.execPath, [file], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) {
    console.error(`build: ${part.name} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`build: ${part.name} done in ${Date.now() - started} ms`);
}
