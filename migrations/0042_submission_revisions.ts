import type { Kysely } from "kysely";

/**
 * Every version of a submission, never updated or deleted: who sent which answers when. The
 * revision key (draft id + draft start) is unique, so the same draft sent twice is one revision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("submission_revisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("submission_id", "text", (c) => c.notNull().references("submissions.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("form_version", "integer", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("nil", "integer", (c) => c.notNull())
    .addColumn("revision_key", "text", (c) => c.notNull().unique())
    .addColumn("by_person", "text")
    /** chat | cli */
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addUniqueConstraint("submission_revisions_number", ["submission_id", "revision"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("submission_revisions").execute();
}
