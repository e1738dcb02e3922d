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
 *
 * A channel that cannot be reached is marked down. An `unavailable` answer without a delay of its
 * own (retryAfterMs 0: the platform's server refused, reset or timed out — Telegram blocked by the
 * ISP hangs until the client's 60 s timeout) holds the channel for CHANNEL_DOWN_BASE_MS, doubling
 * after each failed probe up to CHANNEL_DOWN_MAX_MS, and cleared by the first answer from the
 * platform (sent, or any other result). Meanwhile the channel's rows come straight back
 * `unavailable` with the time left, without calling the platform, so they do not each hold a
 * dispatcher worker for a timeout; when the pause is over, one send at a time is let through as the
 * probe (the others are handed back for CHANNEL_DOWN_BASE_MS until it answers). An `unavailable` answer that names its own
 * delay is left alone: the adapter answered it at once, without the network (the personal
 * account reconnecting, or its hourly ceiling for one new recipient, which must not hold the
 * people it may still write to). Other channels are not affected: each adapter has its own state.
 *
 * Before the channel is known to be down (the first wave, until the first timeout), the sends in
 * flight still hang; the dispatcher caps them (at most half its workers per channel,
 * src/outbox/dispatcher.ts), so a hanging channel never takes every worker from the others.
 */
import type { ChannelAdapter, ChannelId, ChatRef, OutboundMessage, SendResult } from "../channels/types";

/** Below the published rate: network jitter must not push a sliding window over the limit. */
export const RATE_SAFETY_FACTOR = 0.95;
/** The longest platform pause a send sleeps through; beyond it, the send is handed back throttled. */
export const RATE_LIMIT_MAX_SLEEP_MS = 5_000;
/** First pause of a channel found unreachable; it doubles after each failed probe. */
export const CHANNEL_DOWN_BASE_MS = 5_000;
/** The longest pause between probes of a channel that stays unreachable. */
export const CHANNEL_DOWN_MAX_MS = 5 * 60_000;
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
  // Channel down: 0 = up; otherwise the current pause between probes (ms).
  let downStep = 0;
  let downUntil = 0;
  let downReason = "";
  let probing = false;
  const down = (retryAfterMs: number): SendResult => ({
    status: "retryable",
    retryAfterMs,
    reason: `${adapter.id} unavailable (paused after: ${downReason})`.slice(0, 300),
    unavailable: true,
  });
  const send = async (chat: ChatRef, message: OutboundMessage): Promise<SendResult> => {
    const paused = limiter.pausedFor();
    if (paused > RATE_LIMIT_MAX_SLEEP_MS)
      return { status: "retryable", retryAfterMs: paused, reason: pauseReason, throttled: true };
    let probe = false;
    if (downStep > 0) {
      const left = downUntil - clock.now();
      if (left > 0) return down(left);
      // Soon: once the probe has its answer, the rows follow it (or wait for the next pause).
      if (probing) return down(CHANNEL_DOWN_BASE_MS);
      probing = probe = true;
    }
    try {
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
      if (result.status === "retryable" && result.unavailable && result.retryAfterMs === 0) {
        // Sends already in flight when the channel was marked down do not lengthen the pause.
        if (probe || downStep === 0) {
          downStep = downStep === 0 ? CHANNEL_DOWN_BASE_MS : Math.min(CHANNEL_DOWN_MAX_MS, downStep * 2);
          downUntil = clock.now() + downStep;
        }
        downReason = result.reason;
      } else if (!(result.status === "retryable" && result.unavailable)) {
        downStep = 0; // the platform answered
      }
      return result;
    } finally {
      if (probe) probing = false;
    }
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
