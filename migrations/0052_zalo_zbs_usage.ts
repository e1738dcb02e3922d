import type { Kysely } from "kysely";

/**
 * ZBS template messages sent per day (Asia/Ho_Chi_Minh calendar day): they cost money, so a
 * daily ceiling is reserved atomically before each send. `zalo_remaining` is Zalo's own
 * remainingQuota from the last response.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("zalo_zbs_usage")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("sent", "integer", (c) => c.notNull())
    .addColumn("zalo_remaining", "integer")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("zalo_zbs_usage").execute();
}
