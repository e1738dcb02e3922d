/**
 * resume(): events accepted and never handled (the process stopped) are handled at the next start,
 * in their order; what cannot be rebuilt is answered through onLost; texts are kept only until
 * handled. A "stop" here is a pipeline whose handler never returns, replaced by a new pipeline on
 * the same database, as after a restart (restart.test.ts kills a real process).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundEvent } from "../../src/channels/types";
import { createInboundPipeline, type LostInboundEvent, rememberChoices } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const log = createLogger("silent");
const NOW = new Date("2026-11-10T03:00:00.000Z");

function text(chatId: string, platformId: string, body = platformId): InboundEvent {
  return {
    channel: "zalo-personal",
    chat: { channel: "zalo-personal", chatId },
    sender: { platformUserId: `u${chatId}` },
    platformId,
    receivedAt: new Date("2026-11-10T02:59:00.000Z"),
    kind: "text",
    text: body,
  };
}

const describeEvent = (e: InboundEvent) =>
  e.kind === "text"
    ? `${e.platformId}:${e.text}`
    : e.kind === "action"
      ? `${e.platformId}:action:${e.payload}`
      : e.kind;

/** A pipeline whose handler never finishes: its events stay accepted and unhandled. */
async function acceptAndStop(db: TestDatabase, events: readonly InboundEvent[]): Promise<void> {
  const stuck = createInboundPipeline({
    db: db.db,
    log,
    now: () => NOW,
    handler: () => new Promise(() => undefined),
  });
  for (const e of events) await stuck.sink(e);
}

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.dispose();
});

describe("resume", () => {
  it("handles unhandled events again in each chat's order, before the chat's new events", async () => {
    await acceptAndStop(db, [text("A", "a1"), text("B", "b1"), text("A", "a2")]);
    const stored = await db.db
      .selectFrom("inbound_events")
      .select(["platform_id", "body"])
      .orderBy("seq")
      .execute();
    expect(stored.map((r) => r.platform_id)).toEqual(["a1", "b1", "a2"]);
    expect(stored.every((r) => r.body?.includes(r.platform_id))).toBe(true);

    const seen: string[] = [];
    const p = createInboundPipeline({
      db: db.db,
      log,
      now: () => NOW,
      handler: async (e) => void seen.push(describeEvent(e)),
    });
    const resuming = p.resume();
    await p.sink(text("A", "a3")); // arrives while resuming: waits, then goes after a1, a2
    expect(await resuming).toEqual({ requeued: 3, lost: 0 });
    await p.drain();
    expect(seen.filter((s) => s.startsWith("a"))).toEqual(["a1:a1", "a2:a2", "a3:a3"]);
    expect(seen).toContain("b1:b1");
    const rows = await db.db.selectFrom("inbound_events").select(["status", "body"]).distinct().execute();
    expect(rows).toEqual([{ status: "done", body: null }]);
  });

  it("reads an interrupted numbered answer as the tap it was: the choice is used only when handled", async () => {
    const chat = { channel: "zalo-personal" as const, chatId: "C" };
    const choices = [
      { label: "Có", payload: "yes" },
      { label: "Không", payload: "no" },
    ];
    await rememberChoices(db.db, chat, choices, null, NOW);
    await acceptAndStop(db, [text("C", "c1", "2")]);
    const seen: string[] = [];
    const p = createInboundPipeline({
      db: db.db,
      log,
      now: () => NOW,
      handler: async (e) => void seen.push(describeEvent(e)),
    });
    await p.resume();
    await p.sink(text("C", "c2", "2"));
    await p.drain();
    expect(seen).toEqual(["c1:action:no", "c2:2"]);
    expect(await db.db.selectFrom("chat_choices").selectAll().execute()).toEqual([]);
  });

  it("marks the event handled in the handler's transaction: a rollback leaves the choice and the row", async () => {
    const chat = { channel: "zalo-personal" as const, chatId: "R" };
    await rememberChoices(db.db, chat, [{ label: "Có", payload: "yes" }], null, NOW);
    let rolledBack!: () => void;
    const afterRollback = new Promise<void>((resolve) => {
      rolledBack = resolve;
    });
    const p = createInboundPipeline({
      db: db.db,
      log,
      now: () => NOW,
      handler: async (_e, receipt) => {
        await db.db
          .transaction()
          .execute(async (trx) => {
            await receipt.markHandled(trx);
            throw new Error("process died");
          })
          .catch(() => undefined);
        rolledBack();
        return new Promise(() => undefined); // and never comes back, like a dead process
      },
    });
    await p.sink(text("R", "r1", "1"));
    await afterRollback;
    expect(await db.db.selectFrom("inbound_events").select(["status", "body"]).execute()).toEqual([
      { status: "received", body: expect.stringContaining("uR") },
    ]);
    expect(await db.db.selectFrom("chat_choices").select("chat_id").execute()).toEqual([{ chat_id: "R" }]);
  });

  it("must run before the first event is accepted", async () => {
    const p = createInboundPipeline({ db: db.db, log, handler: async () => undefined });
    await p.sink(text("Z", "z1"));
    await expect(p.resume()).rejects.toThrow(/before the first event/);
  });

  it("gives a file to onLost (once), records old lost events without an answer", async () => {
    const file: InboundEvent = {
      ...text("F", "f1"),
      kind: "file",
      file: {
        name: "anh.jpg",
        mimeType: "image/jpeg",
        sizeBytes: 10,
        isPhoto: true,
        download: async () => ({ ok: false, reason: "unavailable" }),
      },
    };
    await acceptAndStop(db, [file]);
    // A row from before bodies were kept, long ago.
    await db.db
      .insertInto("inbound_events")
      .values({
        channel: "telegram",
        platform_id: "old",
        chat_id: "O",
        kind: "text",
        status: "received",
        error: null,
        received_at: "2026-10-01T00:00:00.000Z",
        processed_at: null,
      })
      .execute();
    const lost: LostInboundEvent[] = [];
    const p = createInboundPipeline({
      db: db.db,
      log,
      now: () => NOW,
      handler: async () => undefined,
      onLost: async (event, receipt) => {
        lost.push(event);
        await db.db.transaction().execute((trx) => receipt.markHandled(trx));
      },
    });
    expect(await p.resume()).toEqual({ requeued: 0, lost: 2 });
    await p.drain();
    expect(lost).toEqual([
      {
        channel: "zalo-personal",
        chat: { channel: "zalo-personal", chatId: "F" },
        platformId: "f1",
        kind: "file",
        receivedAt: new Date("2026-11-10T02:59:00.000Z"),
        fileName: "anh.jpg",
      },
    ]);
    const rows = await db.db
      .selectFrom("inbound_events")
      .select(["platform_id", "status", "body"])
      .orderBy("platform_id")
      .execute();
    expect(rows).toEqual([
      { platform_id: "f1", status: "done", body: null },
      { platform_id: "old", status: "failed", body: null },
    ]);
  });

  it("forgets texts of failed and timed-out events too", async () => {
    const p = createInboundPipeline({
      db: db.db,
      log,
      handlerTimeoutMs: 20,
      handler: async (e) => {
        if (e.platformId === "x") throw new Error("boom");
        return new Promise(() => undefined);
      },
    });
    await p.sink(text("X", "x", "bí mật"));
    await p.sink(text("Y", "y", "bí mật"));
    await p.drain();
    const rows = await db.db
      .selectFrom("inbound_events")
      .select(["platform_id", "status", "body"])
      .orderBy("platform_id")
      .execute();
    expect(rows).toEqual([
      { platform_id: "x", status: "failed", body: null },
      { platform_id: "y", status: "timed_out", body: null },
    ]);
  });
});
