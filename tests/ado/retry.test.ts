import {
  backoffDelay,
  parseRetryAfter,
  resolveRetryPolicy,
  RetryBudget,
  ServiceUnavailableError,
  NotFoundError,
} from "../../src/ado";

const fixed = (random: number, now = () => 0) =>
  resolveRetryPolicy({
    baseDelayMs: 100,
    maxDelayMs: 1_000,
    maxAttempts: 5,
    maxElapsedMs: 10_000,
    maxRetryAfterMs: 5_000,
    random: () => random,
    now,
  });

describe("backoffDelay", () => {
  it("doubles per attempt, half fixed and half jitter, up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(fixed(0), a))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(fixed(0.999999), a).toFixed(0))).toEqual([
      "100",
      "200",
      "400",
      "800",
      "1000",
      "1000",
    ]);
  });
  it("never waits less than Retry-After", () => {
    expect(backoffDelay(fixed(0), 1, 3_000)).toBe(3_000);
    expect(backoffDelay(fixed(0), 5, 10)).toBe(500);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", 0)).toBe(2_000);
    expect(parseRetryAfter("0", 0)).toBe(0);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter(new Date(0).toUTCString(), 5_000)).toBe(0);
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe("RetryBudget", () => {
  const transient = (retryAfterMs?: number) =>
    new ServiceUnavailableError({ status: 503, retryAfterMs });
  it("allows maxAttempts in all", () => {
    const budget = new RetryBudget(fixed(0));
    const delays: (number | undefined)[] = [];
    for (let i = 0; i < 6; i++) {
      budget.begin();
      delays.push(budget.nextDelay(transient()));
    }
    expect(delays).toEqual([50, 100, 200, 400, undefined, undefined]);
  });
  it("stops when the time budget would be exceeded", () => {
    let clock = 0;
    const budget = new RetryBudget(fixed(0, () => clock));
    budget.begin();
    clock = 9_990;
    expect(budget.nextDelay(transient())).toBeUndefined();
  });
  it(
    "stops at once for a Retry-After beyond what it " +
      "may wait, and never retries a permanent error",
    () => {
      const budget = new RetryBudget(fixed(0));
      budget.begin();
      expect(budget.nextDelay(transient(6_000))).toBeUndefined();
      expect(budget.nextDelay(transient(4_000))).toBe(4_000);
      expect(budget.nextDelay(new NotFoundError("x", {}))).toBeUndefined();
    },
  );
});
