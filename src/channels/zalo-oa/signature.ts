/**
 * X-ZEvent-Signature verification. Zalo sends `mac=<hex>`; the documented MAC is a plain SHA-256
 * (not an HMAC) of appId + raw body + timestamp + OA secret key, over the exact bytes received.
 * Sources disagree on details (reference §1.7), so the accepted formulas are configurable.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { ZaloSignatureFormula } from "../../config-zalo";

/** Zalo retries for hours, but a signed body older than this is treated as a replay. */
export const ZALO_WEBHOOK_MAX_SKEW_MS = 5 * 60_000;

export interface SignatureKeys {
  readonly appId: string;
  readonly oaId: string | undefined;
  readonly secretKey: string;
  readonly appSecret: string;
}

function macFor(formula: ZaloSignatureFormula, keys: SignatureKeys, raw: Buffer, timestamp: string): string {
  const sha = (first: string, secret: string) =>
    createHash("sha256").update(first).update(raw).update(timestamp).update(secret).digest("hex");
  switch (formula) {
    case "app_id":
      return sha(keys.appId, keys.secretKey);
    case "oa_id":
      return sha(keys.oaId ?? "", keys.secretKey);
    case "app_secret":
      return sha(keys.appId, keys.appSecret);
    case "hmac":
      return createHmac("sha256", keys.secretKey).update(raw).digest("hex");
  }
}

/** Computes the header value Zalo would send (used by the fake server and tests). */
export function signZaloEvent(
  formula: ZaloSignatureFormula,
  keys: SignatureKeys,
  raw: Buffer,
  timestamp: string,
): string {
  return `mac=${macFor(formula, keys, raw, timestamp)}`;
}

/** True when the header matches any accepted formula; compared in constant time. */
export function verifyZaloSignature(
  header: string | null,
  formulas: readonly ZaloSignatureFormula[],
  keys: SignatureKeys,
  raw: Buffer,
  timestamp: string,
): boolean {
  if (!header) return false;
  const given = Buffer.from(header.trim().replace(/^mac=/i, "").toLowerCase(), "utf8");
  let ok = false;
  for (const formula of formulas) {
    if (formula === "oa_id" && !keys.oaId) continue;
    const expected = Buffer.from(macFor(formula, keys, raw, timestamp), "utf8");
    // Every formula is checked (no early exit) so timing does not reveal which one matched.
    if (expected.length === given.length && timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}

/** Zalo timestamps are milliseconds as a string; a stale or missing one is rejected. */
export function isFreshTimestamp(timestamp: string, now: Date): boolean {
  if (!/^\d{1,16}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() - Number(timestamp)) <= ZALO_WEBHOOK_MAX_SKEW_MS;
}
