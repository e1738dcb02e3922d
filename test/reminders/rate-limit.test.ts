import { describe, expect, it } from "vitest";
import { createChannelLimiter, RATE_SAFETY_FACTOR } from "../../src/outbox/rate-limit";

/** Replays reservations on a virtual clock: each send happens when its slot comes. */
function schedule(chats: readonly string[], rates = { maxPerSecond: 30, maxPerChatPerSecond: 1 }) {
  let t = 0;
  const limiter = createChannelLimiter(rates, () => t);
  const times: { chat: string; at: number }[] = [];
  for (const chat of chats) {
    t += limiter.chatWait(chat);
    t += limiter.reserve(chat);
    times.push({ chat, at: t });
  }
  return times;
}

describe("channel rate limiter", () => {
  it("never lets more than the platform's limit through in any one-second window", () => {
    const times = schedule(Array.from({ length: 300 }, (_, i) => `c${i}`)).map((x) => x.at);
    for (const start of times) {
      const inWindow = times.filter((x) => x >= start && x < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(30);
    }
    // …and stays close to it: the whole wave takes what the safety factor allows, no more.
    expect(times.at(-1)).toBeCloseTo((299 * 1000) / (30 * RATE_SAFETY_FACTOR), 0);
  });

  it("spaces messages to one chat by at least a second", () => {
    const times = schedule(["a", "b", "a", "a", "b"]);
    const [a0 = 0, a1 = 0, a2 = 0] = times.filter((x) => x.chat === "a").map((x) => x.at);
    expect(a1 - a0).toBeGreaterThanOrEqual(1000);
    expect(a2 - a1).toBeGreaterThanOrEqual(1000);
    // Another chat does not wait for "a": it takes the next channel slot.
    expect(times[1]?.at).toBeLessThan(100);
  });

  it("a pause from the platform (retry_after) holds every chat of the channel", () => {
    let t = 0;
    const limiter = createChannelLimiter({ maxPerSecond: 30, maxPerChatPerSecond: 1 }, () => t);
    limiter.reserve("a");
    limiter.pause(5_000);
    expect(limiter.reserve("b")).toBeGreaterThanOrEqual(5_000);
    t = 10_000;
    expect(limiter.reserve("c")).toBe(0);
  });
});
