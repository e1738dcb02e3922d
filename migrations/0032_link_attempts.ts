import type { Kysely } from "kysely";

/** Failed invite-code attempts per chat, for the lockout (5 wrong codes in an hour). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("link_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("link_attempts_chat_idx")
    .on("link_attempts")
    .columns(["channel", "chat_id", "at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("link_attempts").execute();
}
