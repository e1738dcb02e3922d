/**
 * A conservative sending pace for the personal account: Zalo flags accounts that message many
 * people quickly (about 100 strangers per hour gets messaging blocked, zca-js #336). One message
 * at a time, at least `intervalMs` apart, and at most `maxRecipientsPerHour` distinct chats per
 * rolling hour; beyond that the send is refused as retryable, never queued up in bulk.
 */
export interface Pace {
  /** Whether this chat may get a message within the hourly recipient ceiling (and records it). */
  admit(chatId: string, nowMs: number): { ok: true } | { ok: false; retryAfterMs: number };
  /** Runs sends one after another, `intervalMs` apart. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

const HOUR_MS = 3_600_000;

export function createPace(
  intervalMs: number,
  maxRecipientsPerHour: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  clock: () => number = Date.now,
): Pace {
  const lastByChat = new Map<string, number>();
  let chain: Promise<unknown> = Promise.resolve();
  let lastSentAt = Number.NEGATIVE_INFINITY;
  return {
    admit(chatId, nowMs) {
      for (const [id, at] of lastByChat) if (nowMs - at >= HOUR_MS) lastByChat.delete(id);
      if (lastByChat.has(chatId) || lastByChat.size < maxRecipientsPerHour) {
        lastByChat.set(chatId, nowMs);
        return { ok: true };
      }
      const oldest = Math.min(...lastByChat.values());
      return { ok: false, retryAfterMs: Math.max(1000, oldest + HOUR_MS - nowMs) };
    },
    run(task) {
      const next = chain.then(async () => {
        const wait = lastSentAt + intervalMs - clock();
        if (wait > 0) await sleep(wait);
        try {
          return await task();
        } finally {
          lastSentAt = clock();
        }
      });
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
