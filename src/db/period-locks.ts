/** Periods the office has closed (khóa sổ) per obligation. */
import type { Kysely } from "kysely";
import type { Database } from "./schema";

type Conn = Kysely<Database>;

export async function isPeriodLocked(db: Conn, obligationCode: string, periodKey: string): Promise<boolean> {
  const row = await db
    .selectFrom("period_locks")
    .select("locked_at")
    .where("obligation_code", "=", obligationCode)
    .where("period_key", "=", periodKey)
    .executeTakeFirst();
  return row !== undefined;
}

/** Locks the period; false when it was already locked (nothing changes). */
export async function lockPeriod(
  db: Conn,
  input: { obligationCode: string; periodKey: string; by: string | null; now: Date },
): Promise<boolean> {
  const result = await db
    .insertInto("period_locks")
    .values({
      obligation_code: input.obligationCode,
      period_key: input.periodKey,
      locked_at: input.now.toISOString(),
      locked_by: input.by,
    })
    .onConflict((oc) => oc.columns(["obligation_code", "period_key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
