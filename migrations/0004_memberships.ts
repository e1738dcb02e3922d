import type { Kysely } from "kysely";

/** Which person holds which role in which unit. One role per person and unit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("memberships")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("valid_from", "text")
    .addColumn("valid_to", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("memberships_person_unit", ["person_id", "unit_id"])
    .execute();
  await db.schema.createIndex("memberships_unit_idx").on("memberships").column("unit_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("memberships").execute();
}
