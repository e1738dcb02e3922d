import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundEvent } from "../../src/channels/types";
import {
  countUnfinishedInboundEvents,
  createInboundPipeline,
  pruneInboundEvents,
} from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const log = createLogger("silent");

function text(chatId: string, platformId: string, body = platformId): InboundEvent {
  return {
    channel: "telegram",
    chat: { channel: "telegram", chatId },
    sender: { platformUserId: chatId },
    platformId,
    receivedAt: new Date(),
    kind: "text",
    text: body,
  };
}

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((r) => {
    release = r;
  });
  return { promise, release };
}

describe("inbound pipeline", () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.dispose();
  });

  it("handles an event once however many times, and however concurrently, it is delivered", async () => {
    const seen: string[] = [];
    const p = createInboundPipeline({ db: db.db, log, handler: async (e) => void seen.push(e.platformId) });
    await Promise.all(Array.from({ length: 20 }, () => p.sink(text("c1", "m:1"))));
    await p.sink(text("c1", "m:1"));
    await p.drain();
    expect(seen).toEqual(["m:1"]);
    const rows = await db.db.selectFrom("inbound_events").selectAll().execute();
    expect(rows).toMatchObject([
      { channel: "telegram", platform_id: "m:1", chat_id: "c1", kind: "text", status: "done" },
    ]);
  });

  it("accepts many concurrent deliveries in batches: each event once, each chat in order", async () => {
    const seen: string[] = [];
    const p = createInboundPipeline({ db: db.db, log, handler: async (e) => void seen.push(e.platformId) });
    const deliveries = Array.from({ length: 30 }, (_, c) =>
      Array.from({ length: 10 }, (_, k) => text(`c${c}`, `c${c}:${k}`)),
    );
    // Every chat's events in order, all chats at once, each event delivered twice.
    await Promise.all(
      deliveries.map(async (events) => {
        for (const e of events) await Promise.all([p.sink(e), p.sink(e)]);
      }),
    );
    await p.drain();
    expect(seen).toHaveLength(300);
    for (const [c, events] of deliveries.entries()) {
      expect(seen.filter((id) => id.startsWith(`c${c}:`))).toEqual(events.map((e) => e.platformId));
    }
    const statuses = await db.db.selectFrom("inbound_events").select("status").distinct().execute();
    expect(statuses).toEqual([{ status: "done" }]);
  });

  it("keeps one chat's events in order and lets other chats run meanwhile", async () => {
    const gate = deferred();
    const log_: string[] = [];
    const p = createInboundPipeline({
      db: db.db,
      log,
      handler: async (e) => {
        log_.push(`start ${e.platformId}`);
        if (e.platformId === "a1") await gate.promise;
        log_.push(`end ${e.platformId}`);
      },
    });
    await p.sink(text("A", "a1"));
    await p.sink(text("A", "a2"));
    await p.sink(text("B", "b1"));
    // b1 completes while a1 is still blocked; a2 has not started.
    while (!log_.includes("end b1")) await new Promise((r) => setImmediate(r));
    expect(log_).not.toContain("start a2");
    gate.release();
    await p.drain();
    expect(log_.filter((l) => l.endsWith("a1") || l.endsWith("a2"))).toEqual([
      "start a1",
      "end a1",
      "start a2",
      "end a2",
    ]);
  });

  it("records a failing handler and goes on with the chat's next event", async () => {
    const seen: string[] = [];
    const p = createInboundPipeline({
      db: db.db,
      log,
      handler: async (e) => {
        if (e.platformId === "x1") throw new TypeError("boom");
        seen.push(e.platformId);
      },
    });
    await p.sink(text("C", "x1"));
    await p.sink(text("C", "x2"));
    await p.drain();
    expect(seen).toEqual(["x2"]);
    const failed = await db.db
      .selectFrom("inbound_events")
      .selectAll()
      .where("platform_id", "=", "x1")
      .executeTakeFirst();
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed?.error).toContain("TypeError: boom");
  });

  it("lets a chat move on when a handler hangs (watchdog), marking it timed out", async () => {
    const never = new Promise<void>(() => undefined);
    const seen: string[] = [];
    const p = createInboundPipeline({
      db: db.db,
      log,
      handlerTimeoutMs: 20,
      handler: async (e) => {
        if (e.platformId === "h1") return never;
        seen.push(e.platformId);
      },
    });
    await p.sink(text("H", "h1"));
    await p.sink(text("H", "h2"));
    await p.drain();
    expect(seen).toEqual(["h2"]);
    const rows = await db.db
      .selectFrom("inbound_events")
      .select(["platform_id", "status"])
      .orderBy("platform_id")
      .execute();
    expect(rows).toEqual([
      { platform_id: "h1", status: "timed_out" },
      { platform_id: "h2", status: "done" },
    ]);
  });

  it("prunes finished events older than a date, keeping unfinished ones", async () => {
    const p = createInboundPipeline({
      db: db.db,
      log,
      now: () => new Date("2026-01-01T00:00:00Z"),
      handler: async () => undefined,
    });
    await p.sink(text("P", "old"));
    await p.drain();
    await db.db
      .insertInto("inbound_events")
      .values({
        channel: "web",
        platform_id: "stuck",
        chat_id: "w",
        kind: "text",
        status: "received",
        error: null,
        received_at: "2025-12-01T00:00:00.000Z",
        processed_at: null,
      })
      .execute();
    expect(await countUnfinishedInboundEvents(db.db)).toBe(1);
    expect(await pruneInboundEvents(db.db, new Date("2026-02-01T00:00:00Z"))).toBe(1);
    expect(await db.db.selectFrom("inbound_events").select("platform_id").execute()).toEqual([
      { platform_id: "stuck" },
    ]);
  });
});
