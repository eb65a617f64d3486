// Set-up engine figures: sequential request waves and request counts for an empty project (with the
// project id given, as the hub and the CLI's --all-projects do, and without it), an already set-up
// one, and one whose user lacks a permission (blocked before any write); and the status check's
// requests on a small project against one seeded with 5,000 repositories and 10,000 definitions. A
// wave is a maximal group of requests overlapping in time (from the emulator's request log);
// "checks" counts the permission checks (GET _apis/permissions). Baselines measured in the same
// run: a fully sequential client (one wave per request) for the waves, and the small project for
// the status check.
import { performance } from "node:perf_hooks";
import { createPatClients } from "../src/ado";
import { readProjectState, runSetup, SetupOptions } from "../src/setup";
import { startEmulator } from "../tests/emulator";
import { countWaves } from "../tests/emulator/requestLog";
import type { Emulator } from "../tests/emulator/types";

const LATENCY_MS = 20;

function options(project: string, projectId?: string): SetupOptions {
  return {
    project,
    ...(projectId ? { projectId } : {}),
    credentials: {
      kind: "service-connection",
      name: "stackspot",
      create: { clientId: "id", clientKey: "key", realm: "realm" },
    },
  };
}

async function measure(emu: Emulator, label: string, run: () => Promise<unknown>) {
  emu.clearRequests();
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  const log = [...emu.requests];
  const w = countWaves(log);
  const checks = log.filter((r) => /\/_apis\/permissions\//.test(r.path)).length;
  return {
    label,
    waves: w,
    requests: log.length,
    checks,
    writes: log.filter((r) => r.write).length,
    ms,
    log,
  };
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => String(c).padEnd(i === 0 ? 44 : 12)).join("");
}

async function main() {
  const emu = await startEmulator({ latencyMs: LATENCY_MS, contractCheck: false });
  try {
    const clients = createPatClients({ orgUrl: emu.orgUrl, token: emu.token });
    const small = emu.addProject("Small").id;
    emu.addProject("NoId");
    const denied = emu.addProject("Denied").id;
    const large = emu.addProject("Large").id;
    emu.seedBulk("Large", { repositories: 5000, definitions: 10000 });
    emu.deny("EditBuildDefinition", { project: "Denied" });

    const empty = await measure(emu, "set-up, empty project (id given)", () =>
      runSetup(clients, options("Small", small)),
    );
    const noId = await measure(emu, "set-up, empty project (no id)", () =>
      runSetup(clients, options("NoId")),
    );
    const again = await measure(emu, "set-up, already set up (id given)", () =>
      runSetup(clients, options("Small", small)),
    );
    const blocked = await measure(emu, "set-up, a permission denied (id given)", () =>
      runSetup(clients, options("Denied", denied)),
    );
    await runSetup(clients, options("Large"));
    // The hub reads the status with the project id: the permission checks ride the same two waves.
    const statusNoId = await measure(emu, "status, small project (no id)", () =>
      readProjectState(clients, options("Small")),
    );
    const statusSmall = await measure(emu, "status, small project (id given)", () =>
      readProjectState(clients, options("Small", small)),
    );
    const statusLarge = await measure(emu, "status, 5,000 repos + 10,000 defs (id)", () =>
      readProjectState(clients, options("Large", large)),
    );

    console.log(`emulator latency per request: ${LATENCY_MS} ms`);
    console.log(
      row([
        "scenario",
        "waves",
        "requests",
        "checks",
        "writes",
        "ms",
        "waves/requests (sequential = 1.00)",
      ]),
    );
    for (const m of [empty, noId, again, blocked, statusNoId, statusSmall, statusLarge]) {
      console.log(
        row([
          m.label,
          m.waves,
          m.requests,
          m.checks,
          m.writes,
          m.ms.toFixed(0),
          (m.waves / m.requests).toFixed(2),
        ]),
      );
    }
    const ratio = (statusLarge.requests / statusSmall.requests).toFixed(2);
    const counts = `${statusLarge.requests} / ${statusSmall.requests}`;
    console.log(`status requests, large / small: ${counts} = ${ratio}`);
    console.log(`status time, large / small: ${(statusLarge.ms / statusSmall.ms).toFixed(2)}`);
    const statusWaves = Math.max(statusNoId.waves, statusSmall.waves, statusLarge.waves);
    const equalRequests = statusLarge.requests === statusSmall.requests ? "yes" : "NO";
    console.log(
      `targets: set-up ≤ 5 waves (got ${empty.waves}), status ≤ 2 waves (got ${statusWaves}), ` +
        `equal status requests (${equalRequests}), ` +
        `second run writes nothing (${again.writes} writes), ` +
        `a denied permission writes nothing (${blocked.writes} writes)`,
    );
    if (process.env.BENCH_VERBOSE) {
      for (const m of [empty, noId, again, blocked, statusSmall]) {
        console.log(`\n${m.label}:`);
        const t0 = Math.min(...m.log.map((r) => r.startedAt));
        for (const r of [...m.log].sort((a, b) => a.startedAt - b.startedAt)) {
          const at = (ms: number) => (ms - t0).toFixed(0).padStart(5);
          const query = Object.keys(r.query).length ? "?" + new URLSearchParams(r.query) : "";
          console.log(
            `  ${at(r.startedAt)}-${at(r.endedAt)} ${r.status} ${r.method} ${r.path}${query}`,
          );
        }
      }
    }
  } finally {
    await emu.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
