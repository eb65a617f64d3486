// StackSpotResume@1: what bundling saves, and what a run costs. 1. Size: the bundled index.js
//   against the production node_modules it replaces (task-lib, tool-lib and everything they pull
//   in), as a ratio. 2. Runs against the local stand-in installer (tests/support): wall time and
//   bytes downloaded of a cold run (empty tool cache) and a warm run (same agent), against the
//   baseline measured in the same run: StackSpot's manual steps as one inline script (`curl … |
//   bash`, stk --version, stk upgrade, stk login, stk resume), which downloads the installer every
//   time.
// Figures only; nothing is asserted. The stand-in CLI does no network work of its own, so the times
// are the task's overhead (Node start, checks, process launches), not StackSpot's.
import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  AgentSandbox,
  BUNDLE,
  REPO_ROOT,
  runTask,
} from "../tasks/StackSpotResume/tests/support/agent";
import { inputCredentials } from "../tasks/StackSpotResume/tests/support/credentials";
import { InstallerServer } from "../tasks/StackSpotResume/tests/support/installer-server";

const ROUNDS = 5;

function directoryBytes(dir: string, skipNodeModules: boolean): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skipNodeModules && entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(full, false);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/**
 * The packages an `npm install --omit=dev` of task-lib and tool-lib would bring, found like Node
 * does.
 */
function productionClosure(roots: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const resolveFrom = (fromDir: string, name: string): string | undefined => {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, "node_modules", name);
      if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
      if (dir === REPO_ROOT || path.dirname(dir) === dir) return undefined;
    }
  };
  const visit = (dir: string) => {
    if (found.has(dir)) return;
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    found.set(dir, pkg.name);
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      const resolved = resolveFrom(dir, dep);
      if (resolved) visit(resolved);
    }
  };
  for (const root of roots) visit(path.join(REPO_ROOT, "node_modules", root));
  return found;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [Number(process.hrtime.bigint() - started) / 1e6, result];
}

function manualScript(server: InstallerServer, home: string, key: string): Promise<void> {
  // The manual's three steps, as the pipeline ran them (here with fixed test values, never user
  // input).
  const script = [
    "set -e",
    'cd "$HOME"',
    `curl -fsSL ${server.baseUrl}/install.sh | bash`,
    "~/.stk/bin/stk --version",
    "~/.stk/bin/stk upgrade",
    `~/.stk/bin/stk login --client-id bench-id --client-key ${key} --realm bench-realm`,
    "~/.stk/bin/stk resume workflow bench-exec",
  ].join("\n");
  // Asynchronous: the stand-in server answering curl lives in this very process.
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", script], {
      env: { PATH: process.env.PATH, HOME: home },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`manual script failed: ${stderr}`)),
    );
  });
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts", "build-task.js")], {
    stdio: "inherit",
  });
  const bundleBytes = fs.statSync(BUNDLE).size;
  const closure = productionClosure(["azure-pipelines-task-lib", "azure-pipelines-tool-lib"]);
  const modulesBytes = [...closure.keys()].reduce((sum, dir) => sum + directoryBytes(dir, true), 0);
  console.log("size");
  console.log(`  bundle index.js                         ${kb(bundleBytes).padStart(11)}`);
  console.log(
    `  production node_modules (${String(closure.size).padStart(2)} packages)    ${kb(modulesBytes).padStart(11)}`,
  );
  console.log(
    `  ratio bundle : node_modules             1 : ${(modulesBytes / bundleBytes).toFixed(1)}  (bundle is ${((100 * bundleBytes) / modulesBytes).toFixed(1)}%)`,
  );

  const server = new InstallerServer();
  await server.start();
  const manual: Array<[number, number]> = [];
  const cold: Array<[number, number]> = [];
  const warm: Array<[number, number]> = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const { key, inputs } = inputCredentials();
      const home = fs.mkdtempSync(path.join(os.tmpdir(), "stk-manual-"));
      let before = server.bytesSent;
      const [manualMs] = await timed(() => manualScript(server, home, key));
      manual.push([manualMs, server.bytesSent - before]);
      fs.rmSync(home, { recursive: true, force: true });

      const sandbox = new AgentSandbox();
      const options = {
        inputs: { ...inputs, executionId: "bench-exec", ...server.inputs },
        secrets: [key],
        systemDebug: false,
      };
      before = server.bytesSent;
      // The task's own wall time (process start to exit), without the test harness's output checks.
      const coldRun = await runTask(sandbox, options);
      cold.push([coldRun.wallMs, server.bytesSent - before]);
      before = server.bytesSent;
      const warmRun = await runTask(sandbox, options);
      warm.push([warmRun.wallMs, server.bytesSent - before]);
      sandbox.remove();
      if (coldRun.result !== "Succeeded" || warmRun.result !== "Succeeded")
        throw new Error("a bench run failed");
    }
  } finally {
    await server.stop();
  }
  const baseline = median(manual.map(([ms]) => ms));
  console.log(
    `\nruns (median of ${ROUNDS}; baseline: the manual's inline script, downloading every time)`,
  );
  console.log("                          wall time   vs baseline   bytes downloaded");
  for (const [label, rows] of [
    ["manual inline script", manual],
    ["task, cold cache", cold],
    ["task, warm cache", warm],
  ] as const) {
    const ms = median(rows.map(([t]) => t));
    const bytes = median(rows.map(([, b]) => b));
    console.log(
      `  ${label.padEnd(22)} ${`${ms.toFixed(0)} ms`.padStart(10)}   ${`${(ms / baseline).toFixed(2)}x`.padStart(11)}   ${`${bytes} B`.padStart(16)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
