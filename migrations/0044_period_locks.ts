import type { Kysely } from "kysely";

/** Periods the office closed (khóa sổ): no new submission or edit for that obligation and period. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("period_locks")
    .addColumn("obligation_code", "text", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("locked_at", "text", (c) => c.notNull())
    .addColumn("locked_by", "text")
    .addPrimaryKeyConstraint("period_locks_pk", ["obligation_code", "period_key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("period_locks").execute();
}
