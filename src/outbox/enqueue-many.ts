/**
 * Queuing many messages at once (the reminder planner's waves: tens of thousands of rows in one
 * transaction). Same rows and the same dedupe rule as enqueueMessage; multi-row INSERTs compiled
 * once (src/db/bulk-insert.ts) instead of one statement per message. A row may start "deferred":
 * it is not due and blocks nobody's chat until it is woken (status back to "pending") at its
 * not_before.
 */
import type { ChatRef, OutboundMessage } from "../channels/types";
import { bulkStatement, placeholders } from "../db/bulk-insert";
import type { Db } from "../db/index";
import type { OutboxKind } from "./enqueue";

export interface EnqueueManyInput {
  readonly chat: ChatRef;
  /** The message, or its JSON when the caller already has it. */
  readonly message: OutboundMessage | string;
  readonly kind: OutboxKind;
  readonly personId: string | null;
  readonly dedupeKey: string;
  readonly notBefore: Date;
  readonly deferred: boolean;
}

type Row = EnqueueManyInput & { readonly created: string };

const insertOutbox = bulkStatement<Row, { id: number; dedupe_key: string | null }>({
  columns: [
    "person_id",
    "channel",
    "chat_id",
    "message",
    "kind",
    "dedupe_key",
    "not_before",
    "status",
    "created_at",
  ],
  push(m, v) {
    v.push(
      m.personId,
      m.chat.channel,
      m.chat.chatId,
      typeof m.message === "string" ? m.message : JSON.stringify(m.message),
      m.kind,
      m.dedupeKey,
      m.notBefore.toISOString(),
      m.deferred ? "deferred" : "pending",
      m.created,
    );
  },
  build: (db, n) =>
    db
      .insertInto("outbox")
      .values(
        placeholders(
          {
            person_id: "",
            channel: "",
            chat_id: "",
            message: "",
            kind: "",
            dedupe_key: "",
            not_before: "",
            status: "",
            created_at: "",
          },
          n,
        ),
      )
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning(["id", "dedupe_key"]),
});

/** Inserts the rows whose dedupe key is new; returns the id of each inserted key. */
export async function enqueueMany(
  db: Db,
  inputs: readonly EnqueueManyInput[],
  now: Date,
): Promise<Map<string, number>> {
  const created = now.toISOString();
  const rows = await insertOutbox.run(
    db,
    inputs.map((m) => ({ ...m, created })),
  );
  const ids = new Map<string, number>();
  for (const r of rows) if (r.dedupe_key !== null) ids.set(r.dedupe_key, r.id);
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
