import type { Kysely } from "kysely";

/**
 * What every reminder of a step has in common (kind, language, the step, the obligation and the
 * period, as planned), stored once with the step instead of in each of its 60,000 messages: a
 * reminder's own row keeps only whom it addresses, which unit and how many days
 * (src/reminders/spec.ts). NULL for steps whose messages carry their whole spec (escalations,
 * digests) and for steps planned before this column existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("reminder_steps").addColumn("spec", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("reminder_steps").dropColumn("spec").execute();
}
