import type { Kysely } from "kysely";

/**
 * Every inbound update we accepted, keyed by (channel, platform_id): a redelivered webhook or a
 * re-fetched polling batch hits the primary key and is dropped before anything else runs.
 * No message text is kept here (personal data stays out of the dedupe log).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("inbound_events")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("platform_id", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    /** received → done | failed | timed_out */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("processed_at", "text")
    .addPrimaryKeyConstraint("inbound_events_pk", ["channel", "platform_id"])
    .execute();
  await db.schema
    .createIndex("inbound_events_received_idx")
    .on("inbound_events")
    .column("received_at")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("inbound_events").execute();
}
