/**
 * The inbound log: one row per accepted (channel, platform id). Accepting is a single INSERT that
 * either creates the row or hits the primary key; a hit means "already seen, drop it". Until the
 * event is handled the row keeps what rebuilds it (record.ts); marking it handled clears that.
 */
import type { InboundEvent } from "../channels/types";
import type { Db } from "../db/index";
import { serializeEvent, type UnhandledRow } from "./record";

export type InboundStatus = "received" | "done" | "failed" | "timed_out";

/** Which event a row is about. */
export interface InboundRef {
  readonly channel: string;
  readonly platformId: string;
}

/** The accept order of the next event: one more than any stored. */
export async function nextInboundSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom("inbound_events")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

/**
 * Records the events in one statement; for each, false when (channel, platformId) was accepted
 * before, or appears earlier in the same batch (a redelivery). `firstSeq` numbers them in order
 * (default: after the highest stored).
 */
export async function acceptInboundEvents(
  db: Db,
  events: readonly InboundEvent[],
  now: Date,
  firstSeq?: number,
): Promise<boolean[]> {
  if (events.length === 0) return [];
  const at = now.toISOString();
  const seq = firstSeq ?? (await nextInboundSeq(db));
  const inserted = await db
    .insertInto("inbound_events")
    .values(
      events.map((event, i) => ({
        channel: event.channel,
        platform_id: event.platformId,
        chat_id: event.chat.chatId,
        kind: event.kind,
        status: "received",
        error: null,
        received_at: at,
        processed_at: null,
        seq: seq + i,
        body: serializeEvent(event),
      })),
    )
    .onConflict((oc) => oc.columns(["channel", "platform_id"]).doNothing())
    .returning(["channel", "platform_id"])
    .execute();
  const fresh = new Set(inserted.map((r) => `${r.channel}\u0000${r.platform_id}`));
  return events.map((e) => fresh.delete(`${e.channel}\u0000${e.platformId}`));
}

/** Records the event; false when (channel, platformId) was accepted before (a redelivery). */
export async function acceptInboundEvent(db: Db, event: InboundEvent, now: Date): Promise<boolean> {
  const [fresh] = await acceptInboundEvents(db, [event], now);
  return fresh === true;
}

/**
 * Marks one event handled and forgets its text. Called by the handler inside the transaction that
 * writes the event's effects, so that "handled" and the effects commit (or roll back) together.
 */
export async function markInboundHandled(db: Db, ref: InboundRef, now: Date): Promise<void> {
  await db
    .updateTable("inbound_events")
    .set({ status: "done", error: null, processed_at: now.toISOString(), body: null })
    .where("channel", "=", ref.channel)
    .where("platform_id", "=", ref.platformId)
    .execute();
}

/** Marks handled events done, in one statement per channel (handlers that do not mark themselves). */
export async function finishInboundEventsDone(
  db: Db,
  events: readonly InboundRef[],
  now: Date,
): Promise<void> {
  const byChannel = new Map<string, string[]>();
  for (const e of events) byChannel.set(e.channel, [...(byChannel.get(e.channel) ?? []), e.platformId]);
  for (const [channel, ids] of byChannel) {
    await db
      .updateTable("inbound_events")
      .set({ status: "done", error: null, processed_at: now.toISOString(), body: null })
      .where("channel", "=", channel)
      .where("platform_id", "in", ids)
      .execute();
  }
}

/**
 * Gives up on an event (failed, timed out). Only a row still `received` changes: a hung handler
 * that commits after its watchdog fired has marked it done, and done it stays.
 */
export async function finishInboundEvent(
  db: Db,
  event: InboundRef,
  status: Exclude<InboundStatus, "received">,
  error: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable("inbound_events")
    .set({ status, error, processed_at: now.toISOString(), body: null })
    .where("channel", "=", event.channel)
    .where("platform_id", "=", event.platformId)
    .where("status", "=", "received")
    .execute();
}

/** Accepted and never handled (the process stopped first), in accept order. */
export async function listUnhandledInboundEvents(db: Db): Promise<UnhandledRow[]> {
  return db
    .selectFrom("inbound_events")
    .select(["channel", "platform_id", "chat_id", "kind", "received_at", "body"])
    .where("status", "=", "received")
    .orderBy("seq")
    .orderBy("received_at")
    .execute();
}

/**
 * Forgets events received before `before`. Telegram re-randomizes update ids after a week of
 * silence and keeps undelivered updates 24 h, so a 30-day log is far more than dedupe needs.
 * Unhandled rows stay: they are handled at the next start.
 */
export async function pruneInboundEvents(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("inbound_events")
    .where("received_at", "<", before.toISOString())
    .where("status", "!=", "received")
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Events accepted but not handled yet (still queued, or left by a stop and handled at the next start). */
export async function countUnfinishedInboundEvents(db: Db): Promise<number> {
  const row = await db
    .selectFrom("inbound_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "received")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
