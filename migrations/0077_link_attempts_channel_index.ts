import type { Kysely } from "kysely";

/**
 * Wrong invite codes counted per channel over the last minutes (src/identity/lockout.ts: a web
 * chat is free to open, so the per-chat lockout alone does not bound guessing): an index on
 * (channel, at) keeps that count a range read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("link_attempts_channel_idx")
    .on("link_attempts")
    .columns(["channel", "at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("link_attempts_channel_idx").execute();
}
