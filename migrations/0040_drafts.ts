import { type Kysely, sql } from "kysely";

/**
 * Conversation drafts: the form engine's state (JSON, carrying its form version) for one person
 * filling one thing — a report instance, an article, an incident or an incident update. Written in
 * the same transaction as the answer and the queued reply, so a restart loses nothing.
 * `active` marks the one draft a person is answering now (at most one, partial unique index);
 * `revision` is bumped by every step (optimistic check: two workers never both apply a step).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    /** report | article | incident | incident_update */
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("obligation_code", "text", (c) => c.notNull())
    /** The instance's period key; "" for articles and incidents. */
    .addColumn("period_key", "text", (c) => c.notNull())
    /** Editing after sending: the submission this draft will revise. */
    .addColumn("submission_id", "text")
    /** Incident follow-up: the incident this draft updates. */
    .addColumn("incident_id", "text")
    .addColumn("form_version", "integer", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    /** open | submitted | expired | discarded */
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    /** What to call the draft without the plan: obligation name and period label (JSON). */
    .addColumn("label", "text", (c) => c.notNull())
    /** Where the last step came from: warnings before expiry go there. */
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("chat_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("warned_at", "text")
    .execute();
  await db.schema.createIndex("drafts_person_idx").on("drafts").columns(["person_id", "status"]).execute();
  await db.schema.createIndex("drafts_expiry_idx").on("drafts").columns(["status", "expires_at"]).execute();
  await db.schema
    .createIndex("drafts_one_active")
    .on("drafts")
    .column("person_id")
    .unique()
    .where(sql.ref("active"), "=", 1)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("drafts").execute();
}
