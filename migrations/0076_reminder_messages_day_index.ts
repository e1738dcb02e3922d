import type { Kysely } from "kysely";

/**
 * The daily cap counts reminders from today on at every planning pass: an index on send_day keeps
 * that a range read as the table grows by 60,000 rows a wave (it was a scan of every reminder
 * ever queued). The base_key index goes: copies of a reminder are found through the outbox's
 * unique dedupe_key (a fallback's key is `<base_key>#<channel>`), and each index costs every row
 * of a wave.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("reminder_messages_base_idx").execute();
  await db.schema
    .createIndex("reminder_messages_day_idx")
    .on("reminder_messages")
    .column("send_day")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("reminder_messages_day_idx").execute();
  await db.schema
    .createIndex("reminder_messages_base_idx")
    .on("reminder_messages")
    .column("base_key")
    .execute();
}
