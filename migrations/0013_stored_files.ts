import type { Kysely } from "kysely";

/** Files people sent us (evidence), stored once per content hash under DATA_DIR/files. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("stored_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("sha256", "text", (c) => c.notNull())
    /** Relative to DATA_DIR, with forward slashes: files/2026/11/<sha256>.pdf */
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("mime_type", "text", (c) => c.notNull())
    .addColumn("original_name", "text")
    .addColumn("channel", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stored_files_sha_idx").on("stored_files").column("sha256").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("stored_files").execute();
}
