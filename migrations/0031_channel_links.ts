import type { Kysely } from "kysely";

/**
 * Which chat on which channel belongs to which person. A chat belongs to one person
 * (unique channel + chat_id); a person has at most one chat per channel (relinking moves it).
 * last_interaction_at feeds Zalo OA's 48-hour free-message window; unreachable_at is set when a
 * platform says the chat is gone (blocked, not found).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("channel_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("platform_user_id", "text", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addColumn("last_interaction_at", "text")
    .addColumn("unreachable_at", "text")
    .addUniqueConstraint("channel_links_chat", ["channel", "chat_id"])
    .addUniqueConstraint("channel_links_person_channel", ["person_id", "channel"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("channel_links").execute();
}
