/**
 * `rateLimited(adapter)`: which answers hold the whole channel. Found end to end
 * (test/e2e/zalo-reminders.test.ts): a ZBS template tried at 23:00 answered "retry at 06:00",
 * and every free reply on the Zalo OA then waited seven hours behind it. And a long throttle (the
 * personal account's hour) must not be slept inside `send`: the dispatcher's round waited for it,
 * and with it every other channel.
 */
import { describe, expect, it } from "vitest";
import type { ChannelAdapter, ChatRef, SendResult } from "../../src/channels/types";
import { type Clock, RATE_LIMIT_MAX_SLEEP_MS, rateLimited } from "../../src/outbox/rate-limit";

const HOUR_MS = 3_600_000;

/** A virtual clock: sleeping moves it on, so waits are measured, never slept. */
function virtualClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

function adapterAnswering(first: SendResult, reached: string[] = []): ChannelAdapter {
  let calls = 0;
  return {
    id: "zalo-oa",
    capabilities: {
      maxTextChars: 2000,
      buttons: null,
      filesIn: null,
      filesOut: null,
      edits: false,
      proactive: { allowed: true, windowHours: 48, costly: true, maxPerSecond: 10, maxPerChatPerSecond: 1 },
    },
    start: async () => undefined,
    stop: async () => undefined,
    send: async (c) => {
      reached.push(c.chatId);
      return calls++ === 0 ? first : { status: "sent", platformMessageId: `m${calls}` };
    },
  };
}

const chat = (chatId: string): ChatRef => ({ channel: "zalo-oa", chatId });
const text = { lang: "vi" as const, parts: [{ text: "Kính gửi Cô Anh," }] };

describe("rateLimited: what holds the whole channel", () => {
  it("a message's own delay (ZBS quiet hours until 06:00) does not hold other chats", async () => {
    const clock = virtualClock();
    const limited = rateLimited(
      adapterAnswering({ status: "retryable", retryAfterMs: 7 * HOUR_MS, reason: "zbs quiet hours" }),
      { clock },
    );
    expect((await limited.send(chat("a"), text)).status).toBe("retryable");
    expect(await limited.send(chat("b"), text)).toMatchObject({ status: "sent" });
    expect(Math.max(0, ...clock.slept)).toBeLessThan(1_000);
  });

  it("the platform's throttle (429, -32) holds every chat for its delay", async () => {
    const clock = virtualClock();
    const reached: string[] = [];
    const limited = rateLimited(
      adapterAnswering(
        { status: "retryable", retryAfterMs: 60_000, reason: "zalo -32", throttled: true },
        reached,
      ),
      { clock },
    );
    await limited.send(chat("a"), text);
    // Held without reaching Zalo, and without sleeping: the row goes back to the queue (no attempt
    // spent) instead of holding one of the dispatcher's workers, which every channel shares.
    expect(await limited.send(chat("b"), text)).toEqual({
      status: "retryable",
      retryAfterMs: 60_000,
      reason: "channel paused by the platform: zalo -32",
      throttled: true,
    });
    expect(reached).toEqual(["a"]);
    expect(clock.slept).toEqual([]);
    await clock.sleep(60_000);
    expect(await limited.send(chat("b"), text)).toMatchObject({ status: "sent" });
    expect(reached).toEqual(["a", "b"]);
  });

  it("a short throttle (Telegram's retry_after of a second) is slept through, as before", async () => {
    const clock = virtualClock();
    const limited = rateLimited(
      adapterAnswering({ status: "retryable", retryAfterMs: 1_000, reason: "429", throttled: true }),
      { clock },
    );
    await limited.send(chat("a"), text);
    expect(await limited.send(chat("b"), text)).toMatchObject({ status: "sent" });
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...clock.slept)).toBeLessThanOrEqual(RATE_LIMIT_MAX_SLEEP_MS);
  });
});
