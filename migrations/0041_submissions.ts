import type { Kysely } from "kysely";

/**
 * The current submission of each obligation instance: one row per (unit, obligation, period),
 * whoever of the unit sent it. Data (answers of the current revision) and review state are kept
 * apart: submitted → returned → resubmitted → accepted. `late` is derived once from due_at and the
 * first submission time and stored for queries. `reference` is the short number people quote.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("submissions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("obligation_code", "text", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("form_version", "integer", (c) => c.notNull())
    /** The current revision's answers (JSON). */
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("nil", "integer", (c) => c.notNull())
    /** submitted | returned | resubmitted | accepted */
    .addColumn("review_state", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("submitted_by", "text")
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("late", "integer", (c) => c.notNull())
    /** Revision key of the first revision (draft id + draft start): a repeated submit finds it. */
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addUniqueConstraint("submissions_instance", ["unit_id", "obligation_code", "period_key"])
    .execute();
  await db.schema
    .createIndex("submissions_period_idx")
    .on("submissions")
    .columns(["obligation_code", "period_key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("submissions").execute();
}
