import type { Kysely } from "kysely";

/**
 * The numbered choices last shown in a chat whose channel has no buttons: an answer "2" (or the
 * label) is turned back into the button's payload. One row per chat, replaced by newer choices.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("chat_choices")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    /** [{label, payload}] with labels already rendered in the reader's language. */
    .addColumn("choices", "text", (c) => c.notNull())
    .addColumn("outbox_id", "integer")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("chat_choices_pk", ["channel", "chat_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("chat_choices").execute();
}
