import type { Kysely } from "kysely";

/**
 * Web chat sessions: the signed cookie names a row here, so logout and rotation revoke it on the
 * server too (a copied cookie stops working). One chat (chat_id) may have several sessions over time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("web_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("chat_id", "text", (c) => c.notNull())
    /** 1 once the session was issued for a chat already linked to a person (rotation happened). */
    .addColumn("linked", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("web_sessions_chat_idx").on("web_sessions").column("chat_id").execute();
  await db.schema.createIndex("web_sessions_expires_idx").on("web_sessions").column("expires_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("web_sessions").execute();
}
