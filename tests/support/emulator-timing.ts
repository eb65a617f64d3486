// Request time-outs and retry waits for the engine's clients when they talk to an emulator in this
// process, so that no outcome depends on how fast the machine is.
//
// The product times a request out after requestTimeoutMs of wall-clock time and stops retrying once
// maxElapsedMs of wall-clock time has passed. Tests shorten both so that hundreds of faults resolve
// in seconds, and then a loaded machine, where one healthy answer can take longer than a shortened
// time-out, fails them at random. Here instead:
// - a request times out exactly when the emulator is withholding its answer (a "hang" fault), and
//   never otherwise, however slow the machine;
// - the clock the retry budget reads is virtual: it moves only by the waits the policy itself asks
//   for (back-offs, Retry-After, time-outs), so a budget runs out after the same attempts on any
//   machine. Waits that overlap in real time overlap in virtual time too: each one ends at the
//   virtual time it began plus its length.
import { performance } from "node:perf_hooks";
import type { RetryPolicy } from "../../src/ado";
import type { Emulator, RequestRecord } from "../emulator/types";
import { waitFor } from "./wait-for";

export type EmulatorTimings = Pick<RetryPolicy, "now" | "sleep" | "startTimeout">;

export interface EmulatorTimingOptions {
  /** Observes every back-off the policy asks for, in ms (e.g. to check Retry-After is honoured). */
  onWait?: (ms: number) => void;
}

/** Timings for one set of clients; give each set its own, as each has its own clock. */
export function emulatorTimings(
  emu: Emulator,
  options: EmulatorTimingOptions = {},
): EmulatorTimings {
  // Starts at the real time so that an HTTP-date Retry-After still reads sensibly against it.
  let clock = Date.now();
  const waited = (from: number, ms: number) => {
    clock = Math.max(clock, from + ms);
  };
  return {
    now: () => clock,
    sleep: async (ms) => {
      options.onWait?.(ms);
      const from = clock;
      // Yields, so that whatever the wait is for (another client's write) can happen meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
      waited(from, ms);
    },
    startTimeout: (ms, expire, request) => {
      const from = clock;
      const sentAfter = performance.now();
      // The log itself, read now: it outlives the emulator, which a test may stop while a request
      // is still on its way out.
      const log = emu.requests;
      let cancelled = false;
      void waitFor(() => cancelled || withheld(log, request, sentAfter)).then(() => {
        if (cancelled) return;
        waited(from, ms);
        expire();
      });
      return () => {
        cancelled = true;
      };
    },
  };
}

/**
 * Whether the emulator is withholding the answer to this request: a record with the same method,
 * path and query, arrived after the request was sent, held by a hang fault. Two identical requests
 * in flight both time out on it: one of them might otherwise wait for ever, and a time-out of the
 * other is one the product could meet too.
 */
function withheld(
  log: readonly RequestRecord[],
  request: { method: string; url: string },
  sentAfter: number,
): boolean {
  const method = request.method.toUpperCase();
  const url = new URL(request.url);
  // Newest first: the request was sent moments ago, and the log of a long test is long.
  for (let i = log.length - 1; i >= 0; i--) {
    const r = log[i];
    if (r.startedAt < sentAfter) break;
    if (r.method !== method || r.path !== url.pathname || !sameQuery(url, r.query)) continue;
    if (/\bhang\b/.test(r.fault ?? "")) return true;
  }
  return false;
}

/** The query as the emulator records it: each parameter once, the last value kept. */
function sameQuery(url: URL, recorded: Record<string, string>): boolean {
  const sent: Record<string, string> = {};
  url.searchParams.forEach((value, key) => (sent[key] = value));
  const keys = Object.keys(sent);
  return keys.length === Object.keys(recorded).length && keys.every((k) => recorded[k] === sent[k]);
}
