import type { Kysely } from "kysely";

/**
 * Web chat history, both directions. `seq` orders a chat's messages (the page asks for "after seq");
 * `client_id` is the page's UUID for an inbound message, so a double submit stores one bubble.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("web_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    /** in | out */
    .addColumn("direction", "text", (c) => c.notNull())
    /** The rendered message as JSON (see src/channels/web/store.ts). */
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("client_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("web_messages_chat_seq", ["chat_id", "seq"])
    .addUniqueConstraint("web_messages_chat_client", ["chat_id", "client_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("web_messages").execute();
}
