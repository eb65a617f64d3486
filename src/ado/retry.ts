// The retry policy shared by the transport (which repeats idempotent calls) and the set-up engine
// (which repeats a create only after a re-read shows it did not happen). Every timing is injectable
// so that tests can run hundreds of faults in seconds.
import { AdoError } from "./errors";

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** First back-off, in ms; doubled each attempt. */
  baseDelayMs: number;
  /** Cap of one back-off, in ms. */
  maxDelayMs: number;
  /**
   * Give up once this much time has passed since the first attempt (back-offs and Retry-After
   * included).
   */
  maxElapsedMs: number;
  /** Time allowed for one request (headers and body), in ms; then it is aborted as a time-out. */
  requestTimeoutMs: number;
  /** Largest Retry-After honoured, in ms; a longer one ends the retries at once. */
  maxRetryAfterMs: number;
  /** Injected for tests: waits. */
  sleep: (ms: number) => Promise<void>;
  /** Injected for tests: a number in [0, 1) for jitter. */
  random: () => number;
  /** Injected for tests: the clock, in ms. */
  now: () => number;
  /**
   * Injected for tests: starts one request's time-out of `ms`, calls `expire` when it runs out, and
   * returns what cancels it. A test that talks to an emulator in its own process can expire a
   * request exactly when the emulator withholds the answer, rather than race a short real timer
   * that a busy machine misses.
   */
  startTimeout: (
    ms: number,
    expire: () => void,
    request: { method: string; url: string },
  ) => () => void;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxElapsedMs: 60_000,
  requestTimeoutMs: 30_000,
  maxRetryAfterMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => Date.now(),
  startTimeout: (ms, expire) => {
    const timer = setTimeout(expire, ms);
    return () => clearTimeout(timer);
  },
};

export function resolveRetryPolicy(overrides?: Partial<RetryPolicy>): RetryPolicy {
  return { ...defaultRetryPolicy, ...(overrides ?? {}) };
}

/**
 * Back-off before attempt number `attempt + 1` (attempt counts from 1): capped exponential with
 * "equal jitter" (half fixed, half random) so that racing clients spread out but never retry at
 * once. A Retry-After from the service is a floor.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exp / 2 + (exp / 2) * policy.random();
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Parses a Retry-After header (seconds or an HTTP date) into ms. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Tracks one call's attempts against the policy. `nextDelay` answers how long to wait before the
 * next attempt, or undefined when the attempts or the time budget are spent.
 */
export class RetryBudget {
  private attempts = 0;
  private readonly startedAt: number;
  constructor(private readonly policy: RetryPolicy) {
    this.startedAt = policy.now();
  }
  /** Call before each attempt. */
  begin(): number {
    return ++this.attempts;
  }
  nextDelay(error: AdoError): number | undefined {
    if (!error.retryable || this.attempts >= this.policy.maxAttempts) return undefined;
    const retryAfter = error.details.retryAfterMs;
    if (retryAfter !== undefined && retryAfter > this.policy.maxRetryAfterMs) return undefined;
    const delay = backoffDelay(this.policy, this.attempts, retryAfter);
    const elapsed = this.policy.now() - this.startedAt;
    return elapsed + delay > this.policy.maxElapsedMs ? undefined : delay;
  }
}
