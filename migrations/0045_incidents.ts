import type { Kysely } from "kysely";

/**
 * Incident reports (báo cáo đột xuất): one row per incident, open until the office closes it.
 * The answers are those of the first report; follow-ups are incident_updates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("incidents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("obligation_code", "text", (c) => c.notNull())
    .addColumn("form_version", "integer", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("severity", "text")
    .addColumn("reported_by", "text")
    .addColumn("reported_at", "text", (c) => c.notNull())
    /** open | closed */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text")
    /** Draft id + draft start: the same draft sent twice is one incident. */
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex("incidents_unit_idx").on("incidents").columns(["unit_id", "status"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("incidents").execute();
}
