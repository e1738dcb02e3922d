/** Outbox queries used by the dispatcher. Row shapes stay inside src/outbox. */
import type { ChannelId, OutboundMessage } from "../channels/types";
import type { Db } from "../db/index";

export interface OutboxRow {
  readonly id: number;
  readonly personId: string | null;
  readonly channel: ChannelId;
  readonly chatId: string;
  readonly message: OutboundMessage | null;
  readonly kind: string;
  readonly attempts: number;
  /** Since when the row has been waiting for its channel (unavailable, throttled), or null. */
  readonly channelWaitSince: Date | null;
}

const OPEN = ["pending", "failed"] as const;

function parseMessage(json: string): OutboundMessage | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null) return null;
    const v = value as Record<string, unknown>;
    if ((v.lang !== "vi" && v.lang !== "en") || !Array.isArray(v.parts)) return null;
    return value as OutboundMessage;
  } catch {
    return null;
  }
}

/**
 * The oldest open row of each chat, if it is due. A later row of a chat waits while an earlier
 * one is open or being sent, so a chat's messages leave strictly in id order.
 */
export async function selectDueHeads(db: Db, now: Date, limit: number): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom("outbox as o")
    .select([
      "o.id",
      "o.person_id",
      "o.channel",
      "o.chat_id",
      "o.message",
      "o.kind",
      "o.attempts",
      "o.channel_wait_since",
    ])
    .where("o.status", "in", OPEN)
    .where("o.not_before", "<=", now.toISOString())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("outbox as p")
            .select("p.id")
            .whereRef("p.channel", "=", "o.channel")
            .whereRef("p.chat_id", "=", "o.chat_id")
            .where("p.status", "in", [...OPEN, "sending"])
            .whereRef("p.id", "<", "o.id"),
        ),
      ),
    )
    .orderBy("o.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    channel: r.channel as ChannelId,
    chatId: r.chat_id,
    message: parseMessage(r.message),
    kind: r.kind,
    attempts: r.attempts,
    channelWaitSince: r.channel_wait_since ? new Date(r.channel_wait_since) : null,
  }));
}

/** Takes the row for sending; false when another dispatcher got it first. */
export async function claimRow(db: Db, id: number): Promise<boolean> {
  const r = await db
    .updateTable("outbox")
    .set((eb) => ({ status: "sending", attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("status", "in", OPEN)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markSent(db: Db, id: number, platformMessageId: string, now: Date): Promise<void> {
  await db
    .updateTable("outbox")
    .set({
      status: "sent",
      platform_message_id: platformMessageId,
      sent_at: now.toISOString(),
      last_error: null,
    })
    .where("id", "=", id)
    .execute();
}

export async function markRetry(db: Db, id: number, notBefore: Date, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "failed", not_before: notBefore.toISOString(), last_error: error })
    .where("id", "=", id)
    .execute();
}

/**
 * The row waits for its channel (not connected, unreachable, throttled): retried at `notBefore`,
 * and the claim's attempt is given back, since the message itself did not fail. `since` is when
 * this wait began (kept across retries, bounded by the dispatcher's maximum channel wait).
 */
export async function markChannelWait(
  db: Db,
  id: number,
  notBefore: Date,
  error: string,
  since: Date,
): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({
      status: "failed",
      not_before: notBefore.toISOString(),
      last_error: error,
      attempts: eb("attempts", "-", 1),
      channel_wait_since: since.toISOString(),
    }))
    .where("id", "=", id)
    .execute();
}

/** Given up; `giveBackAttempt` when the last try was a channel wait, which is no attempt. */
export async function markDead(db: Db, id: number, error: string, giveBackAttempt = false): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({
      status: "dead",
      last_error: error,
      ...(giveBackAttempt ? { attempts: eb("attempts", "-", 1) } : {}),
    }))
    .where("id", "=", id)
    .execute();
}

/**
 * Rows left "sending" by a process that stopped mid-send go back to the queue. The platform may
 * have received the message already: outbound delivery is at-least-once.
 */
export async function requeueInterrupted(db: Db): Promise<number> {
  const r = await db
    .updateTable("outbox")
    .set({ status: "failed", last_error: "interrupted while sending" })
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** When the next open row becomes due, or null when nothing waits. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.min("not_before").as("at"))
    .where("status", "in", OPEN)
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}
