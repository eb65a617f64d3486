// Bounded concurrency that keeps the items' order in its results and can be cancelled.

export interface ConcurrencyOptions<T, R> {
  /** When aborted, items not yet started are not started: `skipped` gives their result. */
  signal?: AbortSignal;
  skipped?: (item: T, index: number) => R;
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the items' order. */
export async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  how: ConcurrencyOptions<T, R> = {},
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      if (how.signal?.aborted && how.skipped) results[i] = how.skipped(items[i], i);
      else results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
