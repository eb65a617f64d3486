// Waits for a condition rather than for a length of time: on a busy machine every fixed sleep is
// either too short (a flaky test) or too long (a slow one). No deadline of its own: a condition
// that never comes true fails the test at jest's test timeout, the one budget there is to tune.
import { setTimeout as delay } from "node:timers/promises";

/**
 * How often the condition is looked at: often enough to add no visible delay, rarely enough to
 * leave the CPU to the code under test.
 */
const POLL_MS = 5;

/** Resolves with the condition's first truthy value. */
export async function waitFor<T>(condition: () => T | undefined | null | false): Promise<T> {
  for (;;) {
    const value = condition();
    if (value) return value;
    await delay(POLL_MS);
  }
}
