import type { Kysely } from "kysely";

/** Organisation units: a tree of any depth with dated validity (DOMAIN §6). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("units")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("short_name", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("levels", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("parent_id", "text", (c) => c.references("units.id"))
    .addColumn("reports_to_id", "text", (c) => c.references("units.id"))
    .addColumn("valid_from", "text")
    .addColumn("valid_to", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("units_parent_idx").on("units").column("parent_id").execute();
  await db.schema.createIndex("units_reports_to_idx").on("units").column("reports_to_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("units").execute();
}
