import type { Kysely } from "kysely";

/** Follow-ups of an open incident (what changed, how it is being handled), in order. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("incident_updates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("by_person", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createIndex("incident_updates_incident_idx")
    .on("incident_updates")
    .column("incident_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("incident_updates").execute();
}
