/**
 * Zalo OA / ZBS error codes (reference §6, §1.4, §2) mapped to what the dispatcher must do.
 * Errors come back with HTTP 200 and a non-zero `error` field.
 */
import type { PermanentReason, SendResult } from "../types";

export type ZaloErrorClass =
  /** The access token is invalid or expired: refresh once and retry once. */
  | { readonly kind: "token" }
  | { readonly kind: "retryable"; readonly retryAfterMs: number; readonly throttled?: boolean }
  /** Sending is forbidden at night (22:00–06:00): try again in the morning. */
  | { readonly kind: "night" }
  | { readonly kind: "permanent"; readonly reason: PermanentReason };

/** -216 invalid, -220 expired/removed; -124 is ZBS's "invalid token"; goclaw also saw 216/-401. */
const TOKEN = new Set([-216, -220, -124, 216, 401, -401]);

/** The person cannot be reached with a free consultation message: fall back to another channel. */
const WINDOW = new Set([
  -230, // no interaction in the past 7 days
  -232, // has not interacted / interaction expired
  -227, // banned or inactive more than 45 days
  -217, // blocked invitations from the OA (goclaw reads it as a token error: kept permanent, never retried)
  -244, // restricted this message type
  -218, // the recipient's receive quota is used up
  -211, // out of quota
  // ZBS template messages:
  -108, // invalid phone
  -114, // user cannot receive
  -119,
  -139, // user refused
  -141,
  -144, // daily limit
  -115, // out of quota/balance
  -137,
  -136,
  -146, // template disabled for low quality
  -131, // template not approved
  -117, // no permission for the template
  -127, // development template sent to a non-admin
  -249, // template does not support UID sending
]);

const NIGHT = new Set([-234, -133]);

/** The OA or app is misconfigured; retrying will not help until an admin acts. */
const CONFIG = new Set([-204, -205, -209, -212, -219, -221, -223, -224, -240, -242, -320, -321, -135]);

const INVALID = new Set([-201, -210, -100, -1121, -1122, -248]);

export function classifyZaloError(code: number): ZaloErrorClass {
  if (TOKEN.has(code)) return { kind: "token" };
  if (NIGHT.has(code)) return { kind: "night" };
  if (code === -213) return { kind: "permanent", reason: "blocked" }; // no longer follows the OA
  if (WINDOW.has(code)) return { kind: "permanent", reason: "window_closed" };
  if (CONFIG.has(code)) return { kind: "permanent", reason: "not_configured" };
  if (INVALID.has(code)) return { kind: "permanent", reason: "invalid" };
  if (code === -32) return { kind: "retryable", retryAfterMs: 60_000, throttled: true }; // app/OA rate limit
  return { kind: "retryable", retryAfterMs: 30_000 };
}

/** Refresh-token rejections: only a new consent by an OA admin helps. */
export const REFRESH_REJECTED_CODES: ReadonlySet<number> = new Set([-118, -14014, -14002, -14003]);

/** Milliseconds until 06:00 local time, for night-banned sends (-234, -133). */
export type MsUntilMorning = (now: Date) => number;

/** A Zalo error code as the dispatcher's SendResult. */
export function sendResultForError(
  code: number,
  message: string,
  now: Date,
  msUntilMorning: MsUntilMorning,
): SendResult {
  const c = classifyZaloError(code);
  const detail = `zalo ${code}${message ? ` ${message}` : ""}`;
  switch (c.kind) {
    case "token":
      return {
        status: "retryable",
        retryAfterMs: 60_000,
        reason: `token rejected after refresh (${detail})`,
      };
    case "night":
      return { status: "retryable", retryAfterMs: Math.max(msUntilMorning(now), 60_000), reason: detail };
    case "retryable":
      return { status: "retryable", retryAfterMs: c.retryAfterMs, reason: detail, throttled: c.throttled };
    case "permanent":
      return { status: "permanent", reason: c.reason, detail };
  }
}
