import type { Kysely } from "kysely";

/**
 * One-time invite codes. Only a hash of the normalised code is kept: whoever reads the database
 * cannot link a chat with it. Single use (used_at), expiring (expires_at), revocable (revoked_at).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("invites")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("created_by", "text")
    .execute();
  await db.schema.createIndex("invites_person_idx").on("invites").column("person_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("invites").execute();
}
