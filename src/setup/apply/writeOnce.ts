// Performs a non-idempotent write (create a repository, push, create a definition or a connection,
// open a pull request) at most once in effect. When the answer is lost or the service fails, the
// write may or may not have happened: re-read first, and send it again only if it did not happen.
import { AdoError, ConflictError, RetryBudget, RetryPolicy } from "../../ado";

export interface WriteOnce<T> {
  /** The write itself. */
  write: () => Promise<T>;
  /**
   * Re-reads: the result if the write (ours, or an identical one by someone else) is in place, else
   * undefined.
   */
  verify: () => Promise<T | undefined>;
}

export async function writeOnce<T>(policy: RetryPolicy, op: WriteOnce<T>): Promise<T> {
  const budget = new RetryBudget(policy);
  for (;;) {
    budget.begin();
    try {
      return await op.write();
    } catch (e) {
      if (!(e instanceof AdoError) || !(e.retryable || e instanceof ConflictError)) throw e;
      // A conflict may be our own earlier attempt, or a racing set-up that did the same thing.
      const existing = await op.verify();
      if (existing !== undefined) return existing;
      if (e instanceof ConflictError) throw e;
      const delay = budget.nextDelay(e);
      if (delay === undefined) throw e;
      await policy.sleep(delay);
    }
  }
}
