import type { Kysely } from "kysely";

/**
 * Exactly-once inbound handling: an accepted event keeps what is needed to rebuild it (`body`,
 * JSON: sender id, platform time, text or payload, file details) until the handler's transaction
 * marks it handled, which also clears the body (texts are personal data). `seq` is the accept
 * order, so that events left unhandled by a crash are handled again in their original order.
 * Rows accepted before this migration have no body: they cannot be rebuilt (see src/inbound).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("inbound_events").addColumn("seq", "integer").execute();
  await db.schema.alterTable("inbound_events").addColumn("body", "text").execute();
  await db.schema.createIndex("inbound_events_seq_idx").on("inbound_events").column("seq").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("inbound_events_seq_idx").execute();
  await db.schema.alterTable("inbound_events").dropColumn("body").execute();
  await db.schema.alterTable("inbound_events").dropColumn("seq").execute();
}
