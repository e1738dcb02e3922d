import type { Kysely } from "kysely";

/** Published articles (tin bài) declared by units; they count toward quota obligations. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("articles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("url_key", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("outlet", "text")
    .addColumn("topic", "text")
    .addColumn("published_on", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("articles_unit_url", ["unit_id", "url_key"])
    .execute();
  await db.schema
    .createIndex("articles_unit_published_idx")
    .on("articles")
    .columns(["unit_id", "published_on"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("articles").execute();
}
