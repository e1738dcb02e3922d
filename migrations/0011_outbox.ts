import { type Kysely, PostgresAdapter } from "kysely";

/**
 * Messages waiting to leave, written in the same transaction as the change that caused them.
 * The integer id gives a total order: the dispatcher sends the rows of one chat in id order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("outbox")
    .addColumn("id", postgres ? "serial" : "integer", (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("person_id", "text")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    /** OutboundMessage as JSON. */
    .addColumn("message", "text", (c) => c.notNull())
    /** reply | reminder | alert | digest */
    .addColumn("kind", "text", (c) => c.notNull())
    /** e.g. reminder:<unit>:<obligation>:<period>:<step>; NULLs do not collide. */
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("not_before", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    /** pending → sending → sent | failed (will retry) | dead (gave up) */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("platform_message_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outbox_status_idx").on("outbox").columns(["status", "not_before"]).execute();
  await db.schema
    .createIndex("outbox_chat_idx")
    .on("outbox")
    .columns(["channel", "chat_id", "status"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("outbox").execute();
}
