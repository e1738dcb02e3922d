import type { Kysely } from "kysely";

/**
 * People and units a reminder could not reach (no linked chat, every channel failed): what the
 * office sees with `baocao reminders unreachable`, to phone them instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reminder_undelivered")
    /** The reminder's base dedupe key: one line per reminder and person. */
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text")
    .addColumn("unit_id", "text")
    .addColumn("obligation_code", "text")
    .addColumn("period_key", "text")
    /** no_link | all_channels_failed | no_recipient */
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("detail", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("reminder_undelivered_at_idx")
    .on("reminder_undelivered")
    .column("at")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("reminder_undelivered").execute();
}
