import type { Kysely } from "kysely";

/** What the office did with a submission (return with a note, accept) and when a unit reopened it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("submission_id", "text", (c) => c.notNull().references("submissions.id"))
    /** return | accept | reopen */
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("note", "text")
    /** A person id, or null when done from the command line. */
    .addColumn("by_person", "text")
    /** chat | cli */
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reviews_submission_idx").on("reviews").column("submission_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("reviews").execute();
}
