/**
 * Zalo Bot API error codes (bot.zapps.me/docs/error-code, via goclaw's docs) → SendResult.
 * 403 is documented as "internal server error", so it is retried.
 */
import type { SendResult } from "../types";

export function botSendResult(errorCode: number, description: string): SendResult {
  const detail = `zalo-bot ${errorCode}${description ? ` ${description}` : ""}`;
  switch (errorCode) {
    case 401:
      return { status: "permanent", reason: "not_configured", detail };
    case 404:
      return { status: "permanent", reason: "chat_not_found", detail };
    case 400:
      return { status: "permanent", reason: "invalid", detail };
    case 429:
      return { status: "retryable", retryAfterMs: 60_000, reason: detail, throttled: true };
    default:
      return { status: "retryable", retryAfterMs: 30_000, reason: detail };
  }
}
