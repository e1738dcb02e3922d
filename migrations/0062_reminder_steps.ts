import type { Kysely } from "kysely";

/**
 * Ladder steps already planned: (obligation or digest scope, period, step). The planner claims a
 * step by inserting its row in the same transaction as the step's outbox rows, so a step is fanned
 * out to units once, whichever process gets there first; the next tick skips it cheaply.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reminder_steps")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("step", "text", (c) => c.notNull())
    .addColumn("planned_at", "text", (c) => c.notNull())
    /** Messages queued by the step (0 when everyone had submitted). */
    .addColumn("queued", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("reminder_steps_pk", ["scope", "period_key", "step"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("reminder_steps").execute();
}
