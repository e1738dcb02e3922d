/**
 * Group commit: calls made while a batch is being written are collected and written together as
 * the next batch. On SQLite every statement outside a transaction is its own commit, so under load
 * one multi-row statement per batch instead of one per event is what keeps the inbound path fast;
 * with little traffic a batch is a single item and costs one setImmediate of delay.
 */
export type Batched<T, R> = (item: T) => Promise<R>;

export function createBatcher<T, R>(
  run: (items: readonly T[]) => Promise<readonly R[]>,
  maxItems: number,
): Batched<T, R> {
  let pending: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(() => void flush());
  };

  const flush = async () => {
    scheduled = false;
    if (pending.length === 0) return;
    running = true;
    const batch = pending.slice(0, maxItems);
    pending = pending.slice(batch.length);
    try {
      const results = await run(batch.map((b) => b.item));
      for (const [i, b] of batch.entries()) b.resolve(results[i] as R);
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      running = false;
      if (pending.length > 0) schedule();
    }
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      schedule();
    });
}
