/**
 * Waiting for the channel: a retryable answer about the channel rather than the message
 * (`unavailable`: not connected, unreachable, pacing ceiling; `throttled`: the platform's "slow
 * down") costs the row no attempt; the wait is bounded by time instead, then the row is dead with
 * "channel unavailable for …" and onDead runs (the reminders' fallback). Ordinary retryable
 * failures still die after the maximum attempts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SendResult } from "../../src/channels/types";
import { createLogger } from "../../src/log";
import { retryOutboxRow } from "../../src/outbox/admin";
import { durationText } from "../../src/outbox/dispatcher";
import { deferRow } from "../../src/outbox/hold";
import {
  channelWaitBackoffMs,
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
  enqueueMessage,
  OUTBOX_MAX_CHANNEL_WAIT_MS,
} from "../../src/outbox/index";
import { RATE_LIMIT_MAX_SLEEP_MS, rateLimitAdapters } from "../../src/outbox/rate-limit";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type ScriptedAdapter, scriptedAdapter } from "./scripted-adapter";

const log = createLogger("silent");
const T0 = new Date("2026-11-24T02:00:00.000Z");
const HOUR_MS = 3_600_000;
const chat = (id: string) => ({ channel: "telegram" as const, chatId: id });
const say = (text: string) => ({ lang: "vi" as const, parts: [{ text }] });
const notConnected = (ms = 60_000): SendResult => ({
  status: "retryable",
  retryAfterMs: ms,
  reason: "zalo-personal not connected",
  unavailable: true,
});
const unreachable: SendResult = {
  status: "retryable",
  retryAfterMs: 0,
  reason: "network: ECONNREFUSED",
  unavailable: true,
};
const throttled = (ms: number): SendResult => ({
  status: "retryable",
  retryAfterMs: ms,
  reason: "429: Too Many Requests: retry after 30",
  throttled: true,
});
const badGateway: SendResult = { status: "retryable", retryAfterMs: 0, reason: "502: Bad Gateway" };

describe("dispatcher: waiting for the channel", () => {
  let db: TestDatabase;
  let adapter: ScriptedAdapter;
  let clock: Date;
  let dispatcher: Dispatcher;
  const dead: { id: number; reason: string }[] = [];
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const rows = () => db.db.selectFrom("outbox").selectAll().orderBy("id").execute();
  const queue = (chatId: string, text: string) =>
    enqueueMessage(db.db, { chat: chat(chatId), message: say(text), kind: "reminder", now: clock });
  const make = (extra: Partial<DispatcherOptions> = {}) =>
    createDispatcher({
      db: db.db,
      adapters: [adapter],
      log,
      now: () => clock,
      maxAttempts: 4,
      onDead: async (row, result) =>
        void dead.push({ id: row.id, reason: result.status === "retryable" ? result.reason : "" }),
      ...extra,
    });
  /** Runs rounds, moving the clock on to the next retry when nothing is due, until nothing is open. */
  const runUntilSettled = async (limit = 1000) => {
    for (let i = 0; i < limit; i++) {
      if ((await dispatcher.tick()) > 0) continue;
      const open = (await rows()).filter((r) => r.status === "failed" || r.status === "pending");
      const later = open.map((r) => new Date(r.not_before).getTime()).filter((t) => t > clock.getTime());
      if (later.length === 0) return;
      clock = new Date(Math.min(...later));
    }
    throw new Error("not settled");
  };

  beforeEach(async () => {
    db = await createTestDatabase();
    adapter = scriptedAdapter();
    clock = T0;
    dead.length = 0;
    dispatcher = make();
  });
  afterEach(async () => {
    await dispatcher.stop();
    await db.dispose();
  });

  it("a channel that is not connected costs no attempt: 30 minutes of retries, then the message leaves once", async () => {
    adapter.script("1", ...Array.from({ length: 30 }, () => notConnected()));
    await queue("1", "a");
    await dispatcher.tick();
    expect((await rows())[0]).toMatchObject({
      status: "failed",
      attempts: 0,
      not_before: new Date(T0.getTime() + 60_000).toISOString(),
      last_error: "zalo-personal not connected",
      channel_wait_since: T0.toISOString(),
    });
    await runUntilSettled();
    expect(adapter.sends).toHaveLength(31);
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 1, last_error: null });
    expect(dead).toEqual([]);
  });

  it("a platform throttle costs no attempt, and its retryAfterMs is honoured exactly", async () => {
    adapter.script("1", ...Array.from({ length: 10 }, () => throttled(30_000)));
    await queue("1", "a");
    await dispatcher.tick();
    expect((await rows())[0]).toMatchObject({
      attempts: 0,
      not_before: new Date(T0.getTime() + 30_000).toISOString(),
    });
    advance(29_999);
    expect(await dispatcher.tick()).toBe(0);
    await runUntilSettled();
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 1 });
    expect(clock.getTime() - T0.getTime()).toBe(10 * 30_000);
  });

  it("without a delay from the adapter, retries come at half the time waited, from 5 s to at most 5 min", async () => {
    adapter.script("1", ...Array.from({ length: 40 }, () => unreachable));
    await queue("1", "a");
    const waits: number[] = [];
    for (let i = 0; i < 40; i++) {
      await dispatcher.tick();
      const row = (await rows())[0];
      const wait = new Date(row?.not_before ?? "").getTime() - clock.getTime();
      waits.push(wait);
      advance(wait);
    }
    expect(waits.slice(0, 6)).toEqual([5_000, 5_000, 5_000, 7_500, 11_250, 16_875]);
    expect(Math.max(...waits)).toBe(5 * 60_000);
    expect(waits.at(-1)).toBe(5 * 60_000);
    let waited = 0;
    for (const w of waits) {
      expect(w).toBe(channelWaitBackoffMs(waited));
      waited += w;
    }
    await dispatcher.tick();
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a row that waited for its channel longer than the maximum is dead with the reason, and onDead runs once", async () => {
    // 6 h of tries every 5 minutes, the last one at the limit; then the chat's next message leaves.
    const tries = OUTBOX_MAX_CHANNEL_WAIT_MS / 300_000 + 1;
    adapter.script("1", ...Array.from({ length: tries }, () => notConnected(5 * 60_000)));
    await queue("1", "a");
    await queue("1", "b");
    await runUntilSettled();
    const [a, b] = await rows();
    expect(a).toMatchObject({
      status: "dead",
      attempts: 0,
      last_error: "channel unavailable for 6 h: zalo-personal not connected",
      channel_wait_since: T0.toISOString(),
    });
    expect(dead).toEqual([{ id: a?.id, reason: "zalo-personal not connected" }]);
    expect(adapter.sends.filter((s) => s.text === "a")).toHaveLength(tries);
    expect(b).toMatchObject({ status: "sent", attempts: 1, channel_wait_since: null });
  });

  it("a shorter maximum wait, and a platform delay beyond it: dead at the first try after the limit", async () => {
    dispatcher = make({ maxChannelWaitMs: 45 * 60_000 });
    adapter.script("1", throttled(HOUR_MS), throttled(HOUR_MS));
    await queue("1", "a");
    await runUntilSettled();
    expect(adapter.sends).toHaveLength(2);
    expect((await rows())[0]).toMatchObject({
      status: "dead",
      last_error: "channel unavailable for 1 h: 429: Too Many Requests: retry after 30",
    });
  });

  it("ordinary failures still count, between channel waits too, and die after the maximum attempts", async () => {
    adapter.script(
      "1",
      unreachable,
      badGateway,
      notConnected(),
      badGateway,
      badGateway,
      unreachable,
      badGateway,
    );
    await queue("1", "a");
    await runUntilSettled();
    expect(adapter.sends).toHaveLength(7);
    expect((await rows())[0]).toMatchObject({
      status: "dead",
      attempts: 4,
      last_error: "gave up after 4 attempts: 502: Bad Gateway",
    });
    expect(dead).toHaveLength(1);
  });

  it("a waiting row holds its chat's later messages, not other chats", async () => {
    adapter.script("A", notConnected(), notConnected());
    await queue("A", "a1");
    await queue("B", "b1");
    await queue("A", "a2");
    await dispatcher.tick();
    expect(adapter.sends.map((s) => s.text)).toEqual(["a1", "b1"]);
    await runUntilSettled();
    expect(adapter.sends.map((s) => s.text)).toEqual(["a1", "b1", "a1", "a1", "a2"]);
    expect((await rows()).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("the wait starts over when the row is deferred to its next sending moment, or retried by hand", async () => {
    let defer = false;
    dispatcher = make({
      beforeSend: async (row) => {
        if (!defer) return { action: "send" };
        await deferRow(
          db.db,
          row.id,
          new Date(clock.getTime() + 14 * HOUR_MS),
          "deferred:outside_sending_window",
        );
        return { action: "handled" };
      },
    });
    adapter.script("1", ...Array.from({ length: 3 }, () => notConnected(HOUR_MS)));
    const { id } = (await queue("1", "a")) as { id: number };
    await dispatcher.tick();
    advance(HOUR_MS);
    defer = true;
    await dispatcher.tick();
    expect((await rows())[0]).toMatchObject({ status: "deferred", channel_wait_since: null, attempts: 0 });
    // Woken in the morning (the reminders' sweeper), the channel still down: a new wait begins.
    advance(14 * HOUR_MS);
    defer = false;
    await db.db.updateTable("outbox").set({ status: "pending" }).where("id", "=", id).execute();
    await dispatcher.tick();
    expect((await rows())[0]).toMatchObject({ status: "failed", channel_wait_since: clock.toISOString() });
    await dispatcher.tick();
    expect(await retryOutboxRow(db.db, id, clock)).toEqual({ ok: true });
    expect((await rows())[0]).toMatchObject({ status: "pending", channel_wait_since: null, attempts: 0 });
  });

  it("an hour's throttle of one channel holds that channel's rows, not the round nor the other channels", async () => {
    const personal = scriptedAdapter("zalo-personal");
    personal.script("A", {
      status: "retryable",
      retryAfterMs: HOUR_MS,
      reason: "zalo-personal 221 Vượt quá số request cho phép",
      throttled: true,
    });
    // The limiter's clock is the dispatcher's; a long sleep inside send would fail the test.
    const clockForLimiter = {
      now: () => clock.getTime(),
      sleep: async (ms: number) => {
        if (ms > RATE_LIMIT_MAX_SLEEP_MS) throw new Error(`slept ${ms} ms inside send`);
      },
    };
    dispatcher = make({ adapters: rateLimitAdapters([personal, adapter], { clock: clockForLimiter }) });
    const personalChat = (id: string) => ({ channel: "zalo-personal" as const, chatId: id });
    for (const id of ["A", "B"])
      await enqueueMessage(db.db, { chat: personalChat(id), message: say(id), kind: "reply", now: clock });
    await queue("C", "c");
    await dispatcher.tick();
    const [a, b, c] = await rows();
    const inAnHour = new Date(T0.getTime() + HOUR_MS).toISOString();
    expect(a).toMatchObject({ status: "failed", attempts: 0, not_before: inAnHour });
    expect(b).toMatchObject({
      status: "failed",
      attempts: 0,
      not_before: inAnHour,
      last_error: "channel paused by the platform: zalo-personal 221 Vượt quá số request cho phép",
    });
    expect(c).toMatchObject({ status: "sent" });
    expect(personal.sends.map((s) => s.text)).toEqual(["A"]);
    advance(HOUR_MS);
    await dispatcher.tick();
    expect((await rows()).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("says how long a row waited in words the office reads", () => {
    expect(durationText(45_000)).toBe("45 s");
    expect(durationText(12 * 60_000 + 5_000)).toBe("12 min");
    expect(durationText(6 * HOUR_MS)).toBe("6 h");
    expect(durationText(6 * HOUR_MS + 4 * 60_000)).toBe("6 h 4 min");
  });
});
