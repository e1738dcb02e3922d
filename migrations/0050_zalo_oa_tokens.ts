import type { Kysely } from "kysely";

/**
 * The Zalo OA token pair, one row per app. Zalo's refresh token is single-use and rotates on every
 * refresh, so the new pair replaces the old in one UPDATE guarded by the old refresh token
 * (compare-and-swap); `version` counts rotations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("zalo_oa_tokens")
    .addColumn("app_id", "text", (c) => c.primaryKey())
    .addColumn("access_token", "text", (c) => c.notNull())
    .addColumn("refresh_token", "text", (c) => c.notNull())
    .addColumn("access_expires_at", "text", (c) => c.notNull())
    .addColumn("refresh_expires_at", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("zalo_oa_tokens").execute();
}
