// The test host serves the built hub (dist/hub). Tests and the playground build it when it is
// missing or older than its sources, so they never show a stale hub (`npm test` builds it first
// anyway).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export function ensureHubBuilt(root: string, log: (line: string) => void = () => undefined): void {
  const bundle = path.join(root, "dist/hub/hub.js");
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const sources = [
    path.join(root, "src/hub"),
    path.join(root, "src/setup"),
    path.join(root, "src/ado"),
    path.join(root, "static/hub.html"),
    path.join(root, "webpack.config.js"),
    path.join(root, "scripts/lib/icon-font.js"),
    path.join(root, "scripts/lib/font-subset.js"),
  ];
  if (built && newestMtime(sources) <= built) return;
  log(built ? "The hub's sources changed: building it again…" : "Building the hub (first run)…");
  const result = spawnSync(process.execPath, [path.join(root, "scripts/build-hub.js")], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`Building the hub failed:\n${result.stdout}\n${result.stderr}`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!fs.existsSync(p)) continue;
    const stat = fs.statSync(p);
    if (stat.isDirectory())
      newest = Math.max(newest, newestMtime(fs.readdirSync(p).map((f) => path.join(p, f))));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}
