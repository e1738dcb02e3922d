/**
 * Per-channel send rates, from each adapter's capabilities (Telegram: ≤ 30 messages/s overall,
 * ≤ 1/s per chat; Zalo from its adapter). Adapters are wrapped, so the dispatcher and everything
 * else stay as they are: `send` waits for its slot, then calls the platform.
 *
 * The limiter is a GCRA (a token bucket written as "theoretical arrival time"): with burst 1,
 * sends are evenly spaced. Platforms count sends in sliding one-second windows, where a bucket of
 * rate r and burst b lets r + b through; we therefore send at RATE_SAFETY_FACTOR of the published
 * rate with burst 1. A throttled answer with retryAfterMs (Telegram's 429 retry_after) pauses the
 * whole channel for that long: the platform is telling us to slow down, not just this chat.
 * A pause up to RATE_LIMIT_MAX_SLEEP_MS is slept inside `send`; a longer one (Zalo's 60 s, the
 * personal account's hour) is answered at once as `throttled` with the time left, so the row goes
 * back to the queue without spending an attempt and the dispatcher's workers, which every channel
 * shares, are not held for an hour.
 */
import type { ChannelAdapter, ChannelId, ChatRef, OutboundMessage, SendResult } from "../channels/types";

/** Below the published rate: network jitter must not push a sliding window over the limit. */
export const RATE_SAFETY_FACTOR = 0.95;
/** The longest platform pause a send sleeps through; beyond it, the send is handed back throttled. */
export const RATE_LIMIT_MAX_SLEEP_MS = 5_000;
/** Per-chat slots older than this are forgotten. */
const CHAT_SLOT_TTL_MS = 60_000;

export interface Rates {
  readonly maxPerSecond: number;
  readonly maxPerChatPerSecond: number;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ChannelLimiter {
  /** Milliseconds until this chat may receive again (its own rate). */
  chatWait(chatId: string): number;
  /**
   * Reserves the channel's next slot for a send to this chat, to be used now or after the returned
   * wait (ms). Call once the chat's own wait is over, so that a chat waiting for its turn does not
   * hold a channel slot that other chats could use.
   */
  reserve(chatId: string): number;
  /** Nobody sends on this channel for `ms` (the platform asked). */
  pause(ms: number): void;
  /** Milliseconds until the platform's pause is over (0 when there is none). */
  pausedFor(): number;
}

export function createChannelLimiter(rates: Rates, now: () => number): ChannelLimiter {
  const interval = 1000 / (rates.maxPerSecond * RATE_SAFETY_FACTOR);
  const chatInterval = 1000 / (rates.maxPerChatPerSecond * RATE_SAFETY_FACTOR);
  let tat = 0;
  let pausedUntil = 0;
  const chats = new Map<string, number>();
  let lastPrune = 0;
  const prune = (t: number) => {
    if (t - lastPrune < CHAT_SLOT_TTL_MS) return;
    lastPrune = t;
    for (const [chat, next] of chats) if (next < t - CHAT_SLOT_TTL_MS) chats.delete(chat);
  };
  return {
    chatWait(chatId) {
      return Math.max(0, (chats.get(chatId) ?? 0) - now());
    },
    reserve(chatId) {
      const t = now();
      prune(t);
      const at = Math.max(t, tat, chats.get(chatId) ?? 0);
      tat = at + interval;
      chats.set(chatId, at + chatInterval);
      return at - t;
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
      tat = Math.max(tat, pausedUntil);
    },
    pausedFor() {
      return Math.max(0, pausedUntil - now());
    },
  };
}

export interface RateLimitOptions {
  readonly clock?: Clock;
  /** Replaces an adapter's published rates (tests, or an operator's stricter setting). */
  readonly overrides?: Partial<Record<ChannelId, Rates>>;
}

/** The adapter with `send` waiting for its slot; every other member is the adapter's own. */
export function rateLimited(adapter: ChannelAdapter, options: RateLimitOptions = {}): ChannelAdapter {
  const clock = options.clock ?? realClock;
  const rates = options.overrides?.[adapter.id] ?? adapter.capabilities.proactive;
  const limiter = createChannelLimiter(rates, clock.now);
  let pauseReason = "";
  const send = async (chat: ChatRef, message: OutboundMessage): Promise<SendResult> => {
    const paused = limiter.pausedFor();
    if (paused > RATE_LIMIT_MAX_SLEEP_MS)
      return { status: "retryable", retryAfterMs: paused, reason: pauseReason, throttled: true };
    const chatWait = limiter.chatWait(chat.chatId);
    if (chatWait > 0) await clock.sleep(chatWait);
    const wait = limiter.reserve(chat.chatId);
    if (wait > 0) await clock.sleep(wait);
    const result = await adapter.send(chat, message);
    // Only the platform's own "slow down" holds the channel; other delays are this message's.
    if (result.status === "retryable" && result.throttled && result.retryAfterMs > 0) {
      limiter.pause(result.retryAfterMs);
      pauseReason = `channel paused by the platform: ${result.reason}`.slice(0, 300);
    }
    return result;
  };
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "send") return send;
      return Reflect.get(target, prop, receiver);
    },
  });
}

export function rateLimitAdapters(
  adapters: readonly ChannelAdapter[],
  options: RateLimitOptions = {},
): ChannelAdapter[] {
  return adapters.map((a) => rateLimited(a, options));
}
