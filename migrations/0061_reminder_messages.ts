import type { Kysely } from "kysely";

/**
 * What a queued reminder, escalation or digest is about, next to its outbox row (same id). The
 * dispatcher reads it just before sending to check that the instance is still missing, that the
 * moment is allowed, and to rebuild lists without the units that submitted in the meantime.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reminder_messages")
    .addColumn("outbox_id", "integer", (c) => c.primaryKey())
    /** reminder | escalation | digest_missing | digest_weekly */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("unit_id", "text")
    .addColumn("obligation_code", "text")
    .addColumn("period_key", "text")
    .addColumn("step", "text", (c) => c.notNull())
    .addColumn("person_id", "text")
    /** The dedupe key without a channel-fallback suffix: one reminder, whatever the channel. */
    .addColumn("base_key", "text", (c) => c.notNull())
    /** Local day (Asia/Ho_Chi_Minh) the message is planned to leave: the per-person daily cap. */
    .addColumn("send_day", "text", (c) => c.notNull())
    /** 1 when it counts toward max_reminders_per_person_per_day. */
    .addColumn("counted", "integer", (c) => c.notNull())
    /** MessageSpec as JSON (src/reminders/types.ts). */
    .addColumn("spec", "text", (c) => c.notNull())
    /** Set once a dead row's fallback (next channel, other recipients) has been queued. */
    .addColumn("fallback_at", "text")
    .execute();
  await db.schema
    .createIndex("reminder_messages_person_day_idx")
    .on("reminder_messages")
    .columns(["person_id", "send_day"])
    .execute();
  await db.schema
    .createIndex("reminder_messages_base_idx")
    .on("reminder_messages")
    .column("base_key")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("reminder_messages").execute();
}
