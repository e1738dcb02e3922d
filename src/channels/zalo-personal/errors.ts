/**
 * zca-js failures → SendResult. Codes seen in zca-js issues (reference §4): 221 "too many
 * requests", -69 "retry limit", 123 and "Không thể nhận tin nhắn" when Zalo stops the account
 * from messaging non-friends for a while. All are waited out, never hammered.
 */
import type { SendResult } from "../types";
import { PersonalZaloError } from "./session";

const RATE_LIMITED = new Set([221, -69, 123]);

export function personalSendResult(err: unknown): SendResult {
  if (!(err instanceof PersonalZaloError)) throw err;
  const detail = `zalo-personal ${err.zaloCode ?? "?"} ${err.message}`.slice(0, 300);
  if (
    (err.zaloCode !== null && RATE_LIMITED.has(err.zaloCode)) ||
    /không thể nhận tin nhắn/i.test(err.message)
  ) {
    return { status: "retryable", retryAfterMs: 60 * 60_000, reason: detail, throttled: true };
  }
  return { status: "retryable", retryAfterMs: 60_000, reason: detail };
}
