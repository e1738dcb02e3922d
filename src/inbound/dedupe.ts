/**
 * The dedupe log: one row per accepted (channel, platform id). Accepting is a single INSERT that
 * either creates the row or hits the primary key; a hit means "already seen, drop it".
 */
import type { InboundEvent } from "../channels/types";
import type { Db } from "../db/index";

export type InboundStatus = "received" | "done" | "failed" | "timed_out";

/**
 * Records the events in one statement; for each, false when (channel, platformId) was accepted
 * before, or appears earlier in the same batch (a redelivery).
 */
export async function acceptInboundEvents(
  db: Db,
  events: readonly InboundEvent[],
  now: Date,
): Promise<boolean[]> {
  if (events.length === 0) return [];
  const at = now.toISOString();
  const inserted = await db
    .insertInto("inbound_events")
    .values(
      events.map((event) => ({
        channel: event.channel,
        platform_id: event.platformId,
        chat_id: event.chat.chatId,
        kind: event.kind,
        status: "received",
        error: null,
        received_at: at,
        processed_at: null,
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

/** Marks handled events done, in one statement per channel. */
export async function finishInboundEventsDone(
  db: Db,
  events: readonly InboundEvent[],
  now: Date,
): Promise<void> {
  const byChannel = new Map<string, string[]>();
  for (const e of events) byChannel.set(e.channel, [...(byChannel.get(e.channel) ?? []), e.platformId]);
  for (const [channel, ids] of byChannel) {
    await db
      .updateTable("inbound_events")
      .set({ status: "done", error: null, processed_at: now.toISOString() })
      .where("channel", "=", channel)
      .where("platform_id", "in", ids)
      .execute();
  }
}

export async function finishInboundEvent(
  db: Db,
  event: InboundEvent,
  status: Exclude<InboundStatus, "received">,
  error: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable("inbound_events")
    .set({ status, error, processed_at: now.toISOString() })
    .where("channel", "=", event.channel)
    .where("platform_id", "=", event.platformId)
    .execute();
}

/**
 * Forgets events received before `before`. Telegram re-randomizes update ids after a week of
 * silence and keeps undelivered updates 24 h, so a 30-day log is far more than dedupe needs.
 */
export async function pruneInboundEvents(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("inbound_events")
    .where("received_at", "<", before.toISOString())
    .where("status", "!=", "received")
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Events accepted but never finished: the process stopped while handling them. */
export async function countUnfinishedInboundEvents(db: Db): Promise<number> {
  const row = await db
    .selectFrom("inbound_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "received")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
