/**
 * Runs one OA/ZBS call with the current access token; when Zalo says the token is invalid or
 * expired (-216/-220/-124), renews it (single flight) and retries exactly once.
 */
import type { SendResult } from "../types";
import type { ZaloResult } from "./client";
import { classifyZaloError } from "./errors";
import type { AccessTokenResult, TokenManager } from "./tokens";

export type Authorized<T> =
  | ZaloResult<T>
  | { readonly ok: false; readonly token: AccessTokenResult & { ok: false } };

export async function withAccessToken<T>(
  tokens: TokenManager,
  op: (accessToken: string) => Promise<ZaloResult<T>>,
): Promise<Authorized<T>> {
  const first = await tokens.get();
  if (!first.ok) return { ok: false, token: first };
  const result = await op(first.token);
  if (result.ok || classifyZaloError(result.code).kind !== "token") return result;
  const renewed = await tokens.renew(first.token);
  if (!renewed.ok) return { ok: false, token: renewed };
  return op(renewed.token);
}

/** No usable token: a permanent failure until an admin consents, or a pause while Zalo is down. */
export function sendResultForToken(failure: AccessTokenResult & { ok: false }): SendResult {
  if (failure.reason === "unavailable") {
    // Unreachable: no message can leave the OA until it is back; a refusal or a 5xx counts.
    return failure.unreachable
      ? { status: "retryable", retryAfterMs: 0, reason: "zalo oauth unreachable", unavailable: true }
      : { status: "retryable", retryAfterMs: 60_000, reason: "zalo oauth unavailable" };
  }
  return { status: "permanent", reason: "not_configured", detail: `zalo-oa token: ${failure.reason}` };
}
