// Reading the emulator's request log: shared by tests and benchmarks that count round trips.
import type { RequestRecord } from "./types";

/** Sequential waves: maximal groups of requests overlapping in time (one wave = one round trip). */
export function countWaves(requests: RequestRecord[]): number {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  let waves = 0;
  let end = -Infinity;
  for (const r of sorted) {
    if (r.startedAt > end) waves++;
    end = Math.max(end, r.endedAt);
  }
  return waves;
}
