// Tests run the bundled task, never the sources: each test file rebuilds the bundle once, so a test
// run after a source change does not test a stale file (the build writes atomically; it takes well
// under a second).
import { execFileSync } from "child_process";
import * as path from "path";
import { REPO_ROOT } from "./agent";

let built = false;

export function buildBundle(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "build-task.js")], {
    cwd: REPO_ROOT,
    stdio: "pipe",
  });
  built = true;
}
