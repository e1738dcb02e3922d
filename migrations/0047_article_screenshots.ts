import type { Kysely } from "kysely";

/** An article may come with a screenshot (a stored file), e.g. a Fanpage post. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("articles").addColumn("screenshot_file_id", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("articles").dropColumn("screenshot_file_id").execute();
}
