import type { Kysely } from "kysely";

/**
 * Files in web chats: uploads (in) and files the bot sent (out). Bytes live on disk under
 * DATA_DIR/webchat/files/<storage_key>; only the owning chat may download them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("web_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("chat_id", "text", (c) => c.notNull())
    /** in | out */
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("web_files_chat_idx").on("web_files").column("chat_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("web_files").execute();
}
