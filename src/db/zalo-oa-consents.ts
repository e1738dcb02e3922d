/**
 * Pending Zalo OA consents: the OAuth state and PKCE verifier, written by whoever builds the
 * consent link (`baocao zalo-oa login`, or the admin alert after a rejected refresh) and read by
 * the callback route on the server.
 */
import type { Db } from "./connect";

/** How long a consent link stays usable (it is sent to admins, who may read it the next day). */
export const ZALO_CONSENT_TTL_MS = 7 * 86_400_000;

export function createZaloOaConsentStore(db: Db, now: () => Date) {
  return {
    async create(state: string, codeVerifier: string): Promise<void> {
      await db
        .insertInto("zalo_oa_consents")
        .values({
          state,
          code_verifier: codeVerifier,
          created_at: now().toISOString(),
          completed_at: null,
          error: null,
        })
        .execute();
    },

    /** The verifier of a pending, unexpired consent. */
    async verifierFor(state: string): Promise<string | undefined> {
      const oldest = new Date(now().getTime() - ZALO_CONSENT_TTL_MS).toISOString();
      const row = await db
        .selectFrom("zalo_oa_consents")
        .select("code_verifier")
        .where("state", "=", state)
        .where("completed_at", "is", null)
        .where("created_at", ">=", oldest)
        .executeTakeFirst();
      return row?.code_verifier;
    },

    async finish(state: string, error: string | null): Promise<void> {
      await db
        .updateTable("zalo_oa_consents")
        .set({ completed_at: now().toISOString(), error })
        .where("state", "=", state)
        .execute();
    },

    async status(state: string): Promise<{ done: boolean; error: string | null } | undefined> {
      const row = await db
        .selectFrom("zalo_oa_consents")
        .select(["completed_at", "error"])
        .where("state", "=", state)
        .executeTakeFirst();
      return row ? { done: row.completed_at !== null, error: row.error } : undefined;
    },
  };
}
