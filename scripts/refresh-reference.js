#!/usr/bin/env node
// Refreshes the copies of third-party reference data under tests/fixtures (Microsoft's REST specs
// and recorded examples, the task.json schema, the Azure Pipelines YAML schema) from their sources,
// trimmed to what the tests read, and rewrites tests/fixtures/manifest.json.
//
//   node scripts/refresh-reference.js \
//     --specs <vsts-rest-api-specs checkout>/specification \
//     --task-schema <azure-pipelines-task-lib checkout>/tasks.schema.json \
//     --pipelines-schema <azure-pipelines-vscode checkout>/service-schema.json \
//     [--specs-license FILE] [--task-schema-license FILE] [--pipelines-schema-license FILE] \
//     [--out DIR]
//
// A license defaults to LICENSE beside its source (for the specs: in the folder or its parent).
// --out defaults to tests/fixtures. What is kept is worked out from the lists the tests use
// (tests/reference/keep-list.ts), so this script holds no list of its own. Then update the sources'
// commits in tests/fixtures/README.md and run `npx jest tests/reference tests/contract`.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const entry = path.join(__dirname, "..", "tests", "reference", "refresh.ts");
const run = spawnSync(
  process.execPath,
  [path.join(__dirname, "run-ts.js"), entry, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exitCode = run.status ?? 1;
