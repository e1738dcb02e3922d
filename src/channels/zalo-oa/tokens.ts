/**
 * The OA access token. Zalo's refresh token is single-use and rotates on every refresh: using it
 * twice, or losing the new one, means an OA admin must consent again. So (1) one refresh at a time
 * per process (single flight), (2) the new pair is persisted, guarded by the old refresh token,
 * before the new access token is used, and (3) a refresh that another writer already did is
 * picked up from the store instead of being repeated.
 */
import type { ZaloOaClient } from "./client";
import { ZaloHttpError } from "./client";
import { REFRESH_REJECTED_CODES } from "./errors";

/** Refresh this long before the access token expires (Zalo: 25 h, older docs: 1 h). */
export const ZALO_TOKEN_REFRESH_AHEAD_MS = 10 * 60_000;
/** A seeded access token of unknown age is trusted this long, then refreshed. */
const SEEDED_TOKEN_TRUST_MS = 60 * 60_000;

export interface ZaloTokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessExpiresAt: Date;
  readonly refreshExpiresAt: Date | null;
}

export interface StoredZaloTokens extends ZaloTokenPair {
  readonly version: number;
}

/** Storage of the pair; implemented over the database in src/db/zalo-oa-tokens.ts. */
export interface ZaloOaTokenStore {
  load(): Promise<StoredZaloTokens | undefined>;
  /**
   * Writes the pair in one statement. `expect`: the refresh token that must still be stored
   * (compare-and-swap), "absent" (insert only), or "any" (a new consent replaces whatever is there).
   * Returns false when the expectation did not hold.
   */
  save(next: ZaloTokenPair, expect: { refreshToken: string } | "absent" | "any"): Promise<boolean>;
}

export type AccessTokenResult =
  | { readonly ok: true; readonly token: string }
  | {
      readonly ok: false;
      readonly reason: "no_tokens" | "refresh_rejected" | "unavailable";
      /** "unavailable" because Zalo's OAuth server could not be reached (not: it refused). */
      readonly unreachable?: boolean | undefined;
    };

export interface TokenManager {
  /** A valid access token, refreshing ahead of expiry. */
  get(): Promise<AccessTokenResult>;
  /** Zalo rejected `usedToken` (-216/-220): refresh unless someone already did. */
  renew(usedToken: string): Promise<AccessTokenResult>;
  /** Pair obtained from a consent: stored as is. */
  adopt(pair: ZaloTokenPair): Promise<void>;
}

export interface TokenManagerOptions {
  readonly store: ZaloOaTokenStore;
  readonly client: Pick<ZaloOaClient, "refresh">;
  readonly now: () => Date;
  readonly seed?: { readonly accessToken: string; readonly refreshToken: string } | undefined;
  /** Called once per rejected refresh token: the admins must follow a consent link. */
  readonly onRefreshRejected: (detail: string) => Promise<void>;
}

export function pairFromGrant(
  grant: {
    accessToken: string;
    refreshToken: string;
    expiresInSeconds: number;
    refreshExpiresInSeconds: number | null;
  },
  now: Date,
): ZaloTokenPair {
  return {
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    accessExpiresAt: new Date(now.getTime() + grant.expiresInSeconds * 1000),
    refreshExpiresAt:
      grant.refreshExpiresInSeconds === null
        ? null
        : new Date(now.getTime() + grant.refreshExpiresInSeconds * 1000),
  };
}

export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { store, client, now } = options;
  let inflight: Promise<AccessTokenResult> | undefined;
  /** The refresh token Zalo refused; not offered again until the store holds another one. */
  let rejectedRefreshToken: string | undefined;

  const expiringSoon = (t: StoredZaloTokens) =>
    t.accessExpiresAt.getTime() - now().getTime() <= ZALO_TOKEN_REFRESH_AHEAD_MS;

  async function current(): Promise<StoredZaloTokens | undefined> {
    const stored = await store.load();
    if (stored || !options.seed) return stored;
    await store.save(
      {
        ...options.seed,
        accessExpiresAt: new Date(now().getTime() + SEEDED_TOKEN_TRUST_MS),
        refreshExpiresAt: null,
      },
      "absent",
    );
    return store.load();
  }

  async function refresh(staleAccessToken: string | undefined): Promise<AccessTokenResult> {
    const stored = await current();
    if (!stored) return { ok: false, reason: "no_tokens" };
    // Already rotated by an earlier flight or another process: use the stored token.
    const alreadyRenewed = staleAccessToken !== undefined && stored.accessToken !== staleAccessToken;
    if ((alreadyRenewed || staleAccessToken === undefined) && !expiringSoon(stored)) {
      return { ok: true, token: stored.accessToken };
    }
    if (stored.refreshToken === rejectedRefreshToken) return { ok: false, reason: "refresh_rejected" };

    let grant: Awaited<ReturnType<ZaloOaClient["refresh"]>>;
    try {
      grant = await client.refresh(stored.refreshToken);
    } catch (err) {
      if (err instanceof ZaloHttpError)
        return { ok: false, reason: "unavailable", unreachable: err.unreachable };
      throw err;
    }
    if (!grant.ok) {
      if (!REFRESH_REJECTED_CODES.has(grant.code)) return { ok: false, reason: "unavailable" };
      rejectedRefreshToken = stored.refreshToken;
      await options.onRefreshRejected(`${grant.code} ${grant.message}`.trim());
      return { ok: false, reason: "refresh_rejected" };
    }
    const next = pairFromGrant(grant.data, now());
    // Persist before use: if this write is lost, so is the only valid refresh token.
    const saved = await store.save(next, { refreshToken: stored.refreshToken });
    if (!saved) {
      const winner = await store.load();
      return winner ? { ok: true, token: winner.accessToken } : { ok: false, reason: "no_tokens" };
    }
    return { ok: true, token: next.accessToken };
  }

  function singleFlight(staleAccessToken: string | undefined): Promise<AccessTokenResult> {
    if (!inflight) {
      inflight = refresh(staleAccessToken).finally(() => {
        inflight = undefined;
      });
    }
    return inflight;
  }

  return {
    async get() {
      const stored = await current();
      if (!stored) return { ok: false, reason: "no_tokens" };
      if (!expiringSoon(stored)) return { ok: true, token: stored.accessToken };
      return singleFlight(undefined);
    },
    renew: (usedToken) => singleFlight(usedToken),
    async adopt(pair) {
      await store.save(pair, "any");
      rejectedRefreshToken = undefined;
    },
  };
}
