import type { Kysely } from "kysely";

/**
 * When an open outbox row began waiting for its channel (not connected, network unreachable,
 * platform throttling, pacing ceiling), as ISO time; NULL while it is not waiting. Such waits do
 * not count as attempts (src/outbox/dispatcher.ts); this instant bounds them instead. It cannot be
 * derived from created_at or not_before: a reminder may sit deferred overnight before its first
 * try, and not_before moves with every retry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("channel_wait_since", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("channel_wait_since").execute();
}
