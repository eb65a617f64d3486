// stackspot-ado's start-up: `--help` against `node -e 0`, interleaved runs, median; and the
// sizes of the bin and of the files it loads on demand.
// stackspot-ado at scale: wall time of `setup` over 100 empty projects with 20 ms of latency added
// to every request, run as the bin is run (the built dist/cli/stackspot-ado.js in a child process)
// against the emulator in this process. Baseline, measured in the same run: --concurrency 1. Also
// the requests per project and the peak of requests in flight, at a few other concurrencies to show
// where the default sits. Prints figures; asserts nothing.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_CONCURRENCY } from "../src/cli/args";
import { startEmulator } from "../tests/emulator";
import type { Emulator, RequestRecord } from "../tests/emulator/types";

/** The repository root (this file runs bundled from .tmp/run-ts, so __dirname is not bench/). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "scripts", "build-cli.js"))) return dir;
    if (path.dirname(dir) === dir) throw new Error("repository root not found");
  }
}
const ROOT = findRoot(__dirname);
const CLI = path.join(ROOT, "dist", "cli", "stackspot-ado.js");
const PROJECTS = 100;
const LATENCY_MS = 20;
const CONCURRENCIES = [1, 4, DEFAULT_CONCURRENCY, 16, 32]
  .filter((c, i, all) => all.indexOf(c) === i)
  .sort((a, b) => a - b);

interface Measure {
  concurrency: number;
  exitCode: number | null;
  ms: number;
  requests: number;
  writes: number;
  peakInFlight: number;
  ready: number;
  /** CPU the emulator (this process) spent, in ms: with the CLI it shares the machine's cores. */
  emulatorCpuMs: number;
}

function peak(requests: RequestRecord[]): number {
  const edges = requests
    .flatMap(
      (r) =>
        [
          [r.startedAt, 1],
          [r.endedAt, -1],
        ] as const,
    )
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let max = 0;
  for (const [, d] of edges) max = Math.max(max, (now += d));
  return max;
}

async function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout };
}

async function measure(emu: Emulator, concurrency: number): Promise<Measure> {
  const names = Array.from(
    { length: PROJECTS },
    (_, i) => `C${concurrency}-${String(i + 1).padStart(3, "0")}`,
  );
  for (const n of names) emu.addProject(n);
  const env = {
    AZURE_DEVOPS_ORG_URL: emu.orgUrl,
    AZURE_DEVOPS_EXT_PAT: emu.token,
    STK_CLIENT_ID: "bench-id",
    STK_CLIENT_KEY: "bench-client-key",
    STK_REALM: "bench-realm",
  };
  const args = [
    "setup",
    ...names.flatMap((n) => ["--project", n]),
    "--json",
    "--concurrency",
    String(concurrency),
  ];
  emu.clearRequests();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { code, stdout } = await runCli(args, env);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const log = [...emu.requests];
  let ready = 0;
  try {
    ready = JSON.parse(stdout).counts.ready;
  } catch {
    /* reported as 0 ready */
  }
  return {
    concurrency,
    exitCode: code,
    ms,
    requests: log.length,
    writes: log.filter((r) => r.write).length,
    peakInFlight: peak(log),
    ready,
    emulatorCpuMs: (cpu.user + cpu.system) / 1000,
  };
}

const STARTUP_RUNS = 21;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of `node CLI --help` and of `node -e 0`, alternating so both see the same load. */
function measureStartup(): { help: number; bare: number } {
  const help: number[] = [];
  const bare: number[] = [];
  const time = (args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: "ignore" });
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < STARTUP_RUNS; i++) {
    bare.push(time(["-e", "0"]));
    help.push(time([CLI, "--help"]));
  }
  return { help: median(help), bare: median(bare) };
}

function printStartup(): void {
  const { help, bare } = measureStartup();
  const files = fs
    .readdirSync(path.dirname(CLI))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `${f} ${(fs.statSync(path.join(path.dirname(CLI), f)).size / 1024).toFixed(1)} KB`);
  console.log(`stackspot-ado files: ${files.join(", ")} (the bin loads the others on demand)`);
  console.log(
    `--help start-up, median of ${STARTUP_RUNS} interleaved runs: ${help.toFixed(1)} ms vs ` +
      `node -e 0 ${bare.toFixed(1)} ms, ratio ${(help / bare).toFixed(2)} (goal <= 1.25)\n`,
  );
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => String(c).padEnd(i === 0 ? 16 : 16)).join("");
}

async function main() {
  const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.js")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`building the CLI failed: ${build.stderr}`);
  printStartup();
  const emu = await startEmulator({ latencyMs: LATENCY_MS, contractCheck: false });
  try {
    const results: Measure[] = [];
    for (const c of CONCURRENCIES) results.push(await measure(emu, c));
    const base = results.find((r) => r.concurrency === 1)!;
    console.log(
      `stackspot-ado setup of ${PROJECTS} empty projects, ${LATENCY_MS} ms latency per request (built CLI in a child process)`,
    );
    console.log(
      row([
        "concurrency",
        "exit",
        "ready",
        "wall s",
        "speed-up vs 1",
        "requests/proj",
        "writes/proj",
        "peak in flight",
        "emulator cpu s",
      ]),
    );
    for (const r of results) {
      const label =
        r.concurrency === DEFAULT_CONCURRENCY
          ? `${r.concurrency} (default)`
          : r.concurrency === 1
            ? "1 (baseline)"
            : String(r.concurrency);
      console.log(
        row([
          label,
          String(r.exitCode),
          r.ready,
          (r.ms / 1000).toFixed(2),
          `${(base.ms / r.ms).toFixed(2)}x`,
          ((r.requests - 1) / PROJECTS).toFixed(2),
          (r.writes / PROJECTS).toFixed(2),
          r.peakInFlight,
          (r.emulatorCpuMs / 1000).toFixed(2),
        ]),
      );
    }
    const def = results.find((r) => r.concurrency === DEFAULT_CONCURRENCY)!;
    console.log(
      `default (${DEFAULT_CONCURRENCY}) vs concurrency 1: ${(def.ms / 1000).toFixed(2)} s vs ${(base.ms / 1000).toFixed(2)} s, ` +
        `ratio ${(def.ms / base.ms).toFixed(3)} (${(base.ms / def.ms).toFixed(2)}x faster)`,
    );
    console.log("requests/project excludes the one organization check per run.");
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} — past a few projects at once the ` +
        "emulator and the CLI compete for the same cores, so the speed-up flattens here sooner than against Azure DevOps.",
    );
  } finally {
    await emu.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
