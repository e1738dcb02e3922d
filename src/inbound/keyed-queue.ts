/**
 * Runs tasks one at a time per key and concurrently across keys: the events of one chat are
 * handled strictly in arrival order while different chats proceed in parallel. Memory is one
 * promise per busy key; an idle key is forgotten.
 */
export interface KeyedQueue {
  push(key: string, task: () => Promise<void>): void;
  /** Resolves when every queued task (including ones queued meanwhile) has finished. */
  idle(): Promise<void>;
  readonly pending: number;
}

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  let pending = 0;
  let waiters: (() => void)[] = [];

  const settle = () => {
    pending -= 1;
    if (pending === 0) {
      const done = waiters;
      waiters = [];
      for (const w of done) w();
    }
  };

  return {
    push(key, task) {
      pending += 1;
      const previous = tails.get(key) ?? Promise.resolve();
      // Tasks are expected to catch their own errors; the extra catch keeps one failure from
      // breaking the chain of every later event of the chat.
      const next = previous.then(task).then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, next);
      void next.then(() => {
        if (tails.get(key) === next) tails.delete(key);
        settle();
      });
    },
    idle() {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    get pending() {
      return pending;
    },
  };
}
