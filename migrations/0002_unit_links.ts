import type { Kysely } from "kysely";

/** Predecessor/successor links for merges, renames, splits and transfers (DOMAIN §1.6). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("unit_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("from_unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("to_unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("effective_date", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addUniqueConstraint("unit_links_unique", ["from_unit_id", "to_unit_id", "kind"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("unit_links").execute();
}
