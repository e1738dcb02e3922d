/**
 * Queuing many messages at once (the reminder planner's waves: tens of thousands of rows in one
 * transaction). Same rows and the same dedupe rule as enqueueMessage; multi-row INSERTs instead of
 * one statement per message. A row may start "deferred": it is not due and blocks nobody's chat
 * until it is woken (status back to "pending") at its not_before.
 */
import type { ChatRef, OutboundMessage } from "../channels/types";
import type { Db } from "../db/index";
import type { OutboxKind } from "./enqueue";

export interface EnqueueManyInput {
  readonly chat: ChatRef;
  readonly message: OutboundMessage;
  readonly kind: OutboxKind;
  readonly personId: string | null;
  readonly dedupeKey: string;
  readonly notBefore: Date;
  readonly deferred: boolean;
}

/** 12 bound values per row: 500 rows stay far below SQLite's and PostgreSQL's parameter caps. */
const OUTBOX_INSERT_CHUNK_ROWS = 500;

/** Inserts the rows whose dedupe key is new; returns the id of each inserted key. */
export async function enqueueMany(
  db: Db,
  inputs: readonly EnqueueManyInput[],
  now: Date,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const created = now.toISOString();
  for (let i = 0; i < inputs.length; i += OUTBOX_INSERT_CHUNK_ROWS) {
    const chunk = inputs.slice(i, i + OUTBOX_INSERT_CHUNK_ROWS);
    const rows = await db
      .insertInto("outbox")
      .values(
        chunk.map((m) => ({
          person_id: m.personId,
          channel: m.chat.channel,
          chat_id: m.chat.chatId,
          message: JSON.stringify(m.message),
          kind: m.kind,
          dedupe_key: m.dedupeKey,
          not_before: m.notBefore.toISOString(),
          status: m.deferred ? "deferred" : "pending",
          last_error: null,
          platform_message_id: null,
          created_at: created,
          sent_at: null,
        })),
      )
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning(["id", "dedupe_key"])
      .execute();
    for (const r of rows) if (r.dedupe_key !== null) ids.set(r.dedupe_key, r.id);
  }
  return ids;
}

/** Deferred rows whose moment has come go back to the queue; returns how many. */
export async function wakeDeferred(db: Db, now: Date): Promise<number> {
  const r = await db
    .updateTable("outbox")
    .set({ status: "pending" })
    .where("status", "=", "deferred")
    .where("not_before", "<=", now.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
