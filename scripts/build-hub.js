#!/usr/bin/env node
// Builds the hub (src/hub → dist/hub/hub.js + hub.css) with webpack in production mode. `node
// scripts/build-hub.js --baseline OUTDIR` builds the bench's baseline page with the same settings.
const path = require("node:path");
const webpack = require("webpack");
const makeConfig = require("../webpack.config.js");

const args = process.argv.slice(2);
const baseline = args[0] === "--baseline";
const env = baseline ? { baseline: true, outDir: args[1] } : {};

webpack(makeConfig(env), (err, stats) => {
  if (err) {
    console.error(err.stack || err);
    process.exit(1);
  }
  const info = stats.toJson({ all: false, errors: true, warnings: true, assets: true });
  for (const w of info.warnings || []) console.warn(w.message);
  if (stats.hasErrors()) {
    for (const e of info.errors || []) console.error(e.message);
    process.exit(1);
  }
  const out = stats.compilation.outputOptions.path;
  const sizes = (info.assets || [])
    .map((a) => `${a.name} ${(a.size / 1024).toFixed(1)} KB`)
    .join(", ");
  console.log(`build-hub: ${path.relative(process.cwd(), out) || "."}: ${sizes}`);
});
