/** What the office sees of the sending queue (`baocao outbox list|retry`). */
import type { Db } from "../db/index";

export const OUTBOX_STATUSES = [
  "pending",
  "sending",
  "sent",
  "failed",
  "dead",
  "deferred",
  "cancelled",
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxListRow {
  readonly id: number;
  readonly status: string;
  readonly kind: string;
  readonly channel: string;
  readonly personId: string | null;
  readonly personName: string | null;
  readonly attempts: number;
  readonly notBefore: string;
  readonly sentAt: string | null;
  readonly lastError: string | null;
  readonly dedupeKey: string | null;
  /** Since when an open row has been waiting for its channel (not connected, unreachable…). */
  readonly channelWaitSince: string | null;
}

/** Newest first. Without statuses: everything not sent yet or given up (all but "sent"). */
export async function listOutbox(
  db: Db,
  options: { statuses?: readonly OutboxStatus[]; limit?: number } = {},
): Promise<OutboxListRow[]> {
  const statuses = options.statuses ?? OUTBOX_STATUSES.filter((s) => s !== "sent");
  const rows = await db
    .selectFrom("outbox as o")
    .leftJoin("people as p", "p.id", "o.person_id")
    .select([
      "o.id",
      "o.status",
      "o.kind",
      "o.channel",
      "o.person_id",
      "p.full_name",
      "o.attempts",
      "o.not_before",
      "o.sent_at",
      "o.last_error",
      "o.dedupe_key",
      "o.channel_wait_since",
    ])
    .where("o.status", "in", [...statuses])
    .orderBy("o.id", "desc")
    .limit(options.limit ?? 500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    kind: r.kind,
    channel: r.channel,
    personId: r.person_id,
    personName: r.full_name,
    attempts: r.attempts,
    notBefore: r.not_before,
    sentAt: r.sent_at,
    lastError: r.last_error,
    dedupeKey: r.dedupe_key,
    channelWaitSince: r.channel_wait_since,
  }));
}

export type RetryResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: "not_found" | "already_sent" | "not_retryable";
      readonly status?: string;
      readonly sentAt?: string | null;
    };

/**
 * A failed, dead or cancelled row goes back to the queue now, with a fresh count of attempts and
 * a fresh maximum wait for its channel.
 */
export async function retryOutboxRow(db: Db, id: number, now: Date): Promise<RetryResult> {
  const row = await db
    .selectFrom("outbox")
    .select(["status", "sent_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: "not_found" };
  if (row.status === "sent") return { ok: false, reason: "already_sent", sentAt: row.sent_at };
  if (!["failed", "dead", "cancelled", "deferred"].includes(row.status))
    return { ok: false, reason: "not_retryable", status: row.status };
  await db
    .updateTable("outbox")
    .set({ status: "pending", attempts: 0, not_before: now.toISOString(), channel_wait_since: null })
    .where("id", "=", id)
    .where("status", "=", row.status)
    .execute();
  return { ok: true };
}
