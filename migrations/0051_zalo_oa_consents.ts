import type { Kysely } from "kysely";

/**
 * Pending Zalo OA consents started by `baocao zalo-oa login`: the OAuth `state` and its PKCE
 * verifier, so that the callback (served by the running server) can finish the exchange.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("zalo_oa_consents")
    .addColumn("state", "text", (c) => c.primaryKey())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .addColumn("error", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("zalo_oa_consents").execute();
}
