import type { Kysely } from "kysely";

/**
 * Which stored files (evidence) each revision of a submission, incident or incident update
 * holds, so that files can be listed, exported, and never collected as orphans while referenced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("submission_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    /** submission_revision | incident | incident_update | article */
    .addColumn("owner_kind", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("file_id", "text", (c) => c.notNull().references("stored_files.id"))
    /** "evidence_file" or "issues[1].evidence" (0-based repeat index). */
    .addColumn("question_path", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("submission_files_owner_idx")
    .on("submission_files")
    .columns(["owner_kind", "owner_id"])
    .execute();
  await db.schema.createIndex("submission_files_file_idx").on("submission_files").column("file_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("submission_files").execute();
}
