import type { Kysely } from "kysely";

/**
 * Exemptions (miễn báo cáo): the office releases a unit from one obligation for one period, or for
 * every period ("*"), with a reason. An exempt instance is never reminded and counts as done.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("exemptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("obligation_code", "text", (c) => c.notNull())
    /** A period key ("2026-11"), or "*" for every period of the obligation. */
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    /** "cli" or a person id. */
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("exemptions_instance", ["unit_id", "obligation_code", "period_key"])
    .execute();
  await db.schema
    .createIndex("exemptions_period_idx")
    .on("exemptions")
    .columns(["obligation_code", "period_key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("exemptions").execute();
}
