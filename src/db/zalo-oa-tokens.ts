/**
 * Storage of the Zalo OA token pair (one row per app). Every write is a single statement: the
 * rotation is a compare-and-swap on the old refresh token, so two writers can never both win.
 */
import type { Db } from "./connect";

export interface ZaloTokenRow {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessExpiresAt: Date;
  readonly refreshExpiresAt: Date | null;
}

export function createZaloOaTokenStore(db: Db, appId: string, now: () => Date) {
  return {
    async load(): Promise<(ZaloTokenRow & { version: number }) | undefined> {
      const row = await db
        .selectFrom("zalo_oa_tokens")
        .selectAll()
        .where("app_id", "=", appId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        accessToken: row.access_token,
        refreshToken: row.refresh_token,
        accessExpiresAt: new Date(row.access_expires_at),
        refreshExpiresAt: row.refresh_expires_at ? new Date(row.refresh_expires_at) : null,
        version: Number(row.version),
      };
    },

    async save(next: ZaloTokenRow, expect: { refreshToken: string } | "absent" | "any"): Promise<boolean> {
      const values = {
        access_token: next.accessToken,
        refresh_token: next.refreshToken,
        access_expires_at: next.accessExpiresAt.toISOString(),
        refresh_expires_at: next.refreshExpiresAt?.toISOString() ?? null,
        updated_at: now().toISOString(),
      };
      if (expect === "absent" || expect === "any") {
        const result = await db
          .insertInto("zalo_oa_tokens")
          .values({ app_id: appId, version: 1, ...values })
          .onConflict((oc) =>
            expect === "absent"
              ? oc.column("app_id").doNothing()
              : oc
                  .column("app_id")
                  .doUpdateSet((eb) => ({ ...values, version: eb("zalo_oa_tokens.version", "+", 1) })),
          )
          .executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      }
      const result = await db
        .updateTable("zalo_oa_tokens")
        .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
        .where("app_id", "=", appId)
        .where("refresh_token", "=", expect.refreshToken)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
