/**
 * ZBS template messages sent per Asia/Ho_Chi_Minh day. A send first reserves one unit under the
 * daily ceiling (one UPDATE … WHERE sent < limit, so concurrent senders cannot overshoot), and
 * gives it back when Zalo did not charge it.
 */
import { sql } from "kysely";
import type { Db } from "./connect";

export function createZbsUsageStore(db: Db, now: () => Date) {
  return {
    async reserve(day: string, limit: number): Promise<boolean> {
      const at = now().toISOString();
      await db
        .insertInto("zalo_zbs_usage")
        .values({ day, sent: 0, zalo_remaining: null, updated_at: at })
        .onConflict((oc) => oc.column("day").doNothing())
        .execute();
      const result = await db
        .updateTable("zalo_zbs_usage")
        .set({ sent: sql`sent + 1`, updated_at: at })
        .where("day", "=", day)
        .where("sent", "<", limit)
        .where((eb) => eb.or([eb("zalo_remaining", "is", null), eb("zalo_remaining", ">", 0)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async release(day: string): Promise<void> {
      await db
        .updateTable("zalo_zbs_usage")
        .set({ sent: sql`sent - 1`, updated_at: now().toISOString() })
        .where("day", "=", day)
        .where("sent", ">", 0)
        .execute();
    },

    async recordRemaining(day: string, remaining: number): Promise<void> {
      await db
        .updateTable("zalo_zbs_usage")
        .set({ zalo_remaining: remaining, updated_at: now().toISOString() })
        .where("day", "=", day)
        .execute();
    },

    async sentOn(day: string): Promise<number> {
      const row = await db
        .selectFrom("zalo_zbs_usage")
        .select("sent")
        .where("day", "=", day)
        .executeTakeFirst();
      return Number(row?.sent ?? 0);
    },
  };
}
