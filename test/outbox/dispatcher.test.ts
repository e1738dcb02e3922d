import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SendResult } from "../../src/channels/types";
import { createLogger } from "../../src/log";
import {
  createDispatcher,
  type Dispatcher,
  enqueueMessage,
  exponentialBackoffMs,
} from "../../src/outbox/index";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type ScriptedAdapter, scriptedAdapter } from "./scripted-adapter";

const log = createLogger("silent");
const T0 = new Date("2026-11-24T02:00:00.000Z");
const chat = (id: string) => ({ channel: "telegram" as const, chatId: id });
const say = (text: string) => ({ lang: "vi" as const, parts: [{ text }] });
const retry = (ms: number): SendResult => ({
  status: "retryable",
  retryAfterMs: ms,
  reason: "429: Too Many Requests",
});

describe("dispatcher", () => {
  let db: TestDatabase;
  let adapter: ScriptedAdapter;
  let clock: Date;
  let dispatcher: Dispatcher;
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const rows = () => db.db.selectFrom("outbox").selectAll().orderBy("id").execute();
  const queue = (chatId: string, text: string) =>
    enqueueMessage(db.db, { chat: chat(chatId), message: say(text), kind: "reply", now: clock });

  beforeEach(async () => {
    db = await createTestDatabase();
    adapter = scriptedAdapter();
    clock = T0;
    dispatcher = createDispatcher({ db: db.db, adapters: [adapter], log, now: () => clock, maxAttempts: 4 });
  });
  afterEach(async () => {
    await dispatcher.stop();
    await db.dispose();
  });

  it("sends due messages and records the platform id", async () => {
    await queue("1", "xin chào");
    expect(await dispatcher.tick()).toBe(1);
    expect(await rows()).toMatchObject([
      { status: "sent", attempts: 1, platform_message_id: "p1", sent_at: T0.toISOString(), last_error: null },
    ]);
  });

  it("honours retryAfterMs to the millisecond", async () => {
    adapter.script("1", retry(30_000));
    await queue("1", "a");
    await dispatcher.tick();
    expect(await rows()).toMatchObject([
      {
        status: "failed",
        attempts: 1,
        not_before: new Date(T0.getTime() + 30_000).toISOString(),
        last_error: "429: Too Many Requests",
      },
    ]);
    advance(29_999);
    expect(await dispatcher.tick()).toBe(0);
    advance(1);
    expect(await dispatcher.tick()).toBe(1);
    expect((await rows())[0]?.status).toBe("sent");
  });

  it("backs off exponentially when the platform gives no delay", async () => {
    adapter.script("1", retry(0), retry(0), retry(0));
    await queue("1", "a");
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await dispatcher.tick();
      const row = (await rows())[0];
      const wait = new Date(row?.not_before ?? "").getTime() - clock.getTime();
      waits.push(wait);
      advance(wait);
    }
    expect(waits).toEqual([exponentialBackoffMs(1), exponentialBackoffMs(2), exponentialBackoffMs(3)]);
    expect(waits).toEqual([5_000, 10_000, 20_000]);
    await dispatcher.tick();
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 4 });
  });

  it("gives up after the maximum attempts, keeping the reason", async () => {
    adapter.script("1", retry(1_000), retry(1_000), retry(1_000), retry(1_000), retry(1_000));
    await queue("1", "a");
    for (let i = 0; i < 6; i++) {
      await dispatcher.tick();
      advance(1_000);
    }
    expect(adapter.sends).toHaveLength(4);
    expect((await rows())[0]).toMatchObject({
      status: "dead",
      attempts: 4,
      last_error: "gave up after 4 attempts: 429: Too Many Requests",
    });
  });

  it("marks a permanent failure dead at once, tells onDead, and moves on to the chat's next message", async () => {
    const dead: string[] = [];
    dispatcher = createDispatcher({
      db: db.db,
      adapters: [adapter],
      log,
      now: () => clock,
      onDead: async (row, result) => void dead.push(`${row.id}:${result.status}`),
    });
    adapter.script("1", {
      status: "permanent",
      reason: "blocked",
      detail: "Forbidden: bot was blocked by the user",
    });
    await queue("1", "a");
    await queue("1", "b");
    await dispatcher.tick();
    expect(await rows()).toMatchObject([
      {
        status: "dead",
        attempts: 1,
        last_error: "permanent:blocked: Forbidden: bot was blocked by the user",
      },
      { status: "sent" },
    ]);
    expect(dead).toEqual(["1:permanent"]);
  });

  it("keeps each chat's order while one chat waits for a retry and others go on", async () => {
    adapter.script("A", retry(60_000));
    await queue("A", "a1");
    await queue("B", "b1");
    await queue("A", "a2");
    await queue("B", "b2");
    await dispatcher.tick();
    expect(adapter.sends.map((s) => s.text)).toEqual(["a1", "b1", "b2"]);
    advance(60_000);
    await dispatcher.tick();
    expect(adapter.sends.map((s) => s.text)).toEqual(["a1", "b1", "b2", "a1", "a2"]);
  });

  it("sends nothing before not_before, and a dedupe key queues a message only once", async () => {
    const first = await enqueueMessage(db.db, {
      chat: chat("1"),
      message: say("nhắc"),
      kind: "reminder",
      now: clock,
      dedupeKey: "reminder:u1:o1:2026-11:1",
      notBefore: new Date(T0.getTime() + 3_600_000),
    });
    const again = await enqueueMessage(db.db, {
      chat: chat("1"),
      message: say("nhắc"),
      kind: "reminder",
      now: clock,
      dedupeKey: "reminder:u1:o1:2026-11:1",
    });
    expect(first.queued).toBe(true);
    expect(again).toEqual({ queued: false });
    expect(await dispatcher.tick()).toBe(0);
    advance(3_600_000);
    expect(await dispatcher.tick()).toBe(1);
  });

  it("queues nothing when the caller's transaction rolls back", async () => {
    await expect(
      db.db.transaction().execute(async (trx) => {
        await enqueueMessage(trx, { chat: chat("1"), message: say("a"), kind: "reply", now: clock });
        throw new Error("state change failed");
      }),
    ).rejects.toThrow("state change failed");
    expect(await rows()).toEqual([]);
  });

  it("marks messages for a channel that is not configured dead", async () => {
    await enqueueMessage(db.db, {
      chat: { channel: "zalo-oa", chatId: "z" },
      message: say("a"),
      kind: "reply",
      now: clock,
    });
    await dispatcher.tick();
    expect((await rows())[0]).toMatchObject({ status: "dead", last_error: "permanent:not_configured" });
  });

  it("after a restart, retries a message left 'sending', and sends promptly on kick()", async () => {
    clock = new Date(); // this dispatcher runs on the real clock and real timers
    const { id } = (await queue("1", "a")) as { id: number };
    await db.db.updateTable("outbox").set({ status: "sending", attempts: 1 }).where("id", "=", id).execute();
    const live = createDispatcher({ db: db.db, adapters: [adapter], log, pollIntervalMs: 60_000 });
    await live.start();
    await adapter.sendsReached(1);
    await queue("2", "b");
    live.kick();
    await adapter.sendsReached(2);
    await live.stop();
    expect(adapter.sends.map((s) => s.text)).toEqual(["a", "b"]);
    await expect.poll(async () => (await rows()).map((r) => r.status)).toEqual(["sent", "sent"]);
  });
});
