/**
 * Bot API failures → SendResult. grammY throws GrammyError when Telegram answered ok:false (with
 * error_code, description and parameters.retry_after) and HttpError when the call itself failed.
 */
import type { SendResult } from "../types";
import { GrammyError, HttpError } from "./bot";

/** When a 429 carries no retry_after (it always should), wait this long. */
const TELEGRAM_DEFAULT_RETRY_AFTER_MS = 1_000;

export function toSendResult(err: unknown): SendResult {
  if (err instanceof GrammyError) {
    const code = err.error_code;
    const description = err.description;
    if (code === 429) {
      const seconds = err.parameters.retry_after;
      return {
        status: "retryable",
        retryAfterMs: seconds !== undefined ? seconds * 1000 : TELEGRAM_DEFAULT_RETRY_AFTER_MS,
        reason: `429: ${description}`,
        throttled: true,
      };
    }
    // "Forbidden: bot was blocked by the user", "user is deactivated", "bot was kicked from the
    // group chat", "bot can't initiate conversation with a user": nobody will read this chat.
    if (code === 403) return { status: "permanent", reason: "blocked", detail: description };
    if (code === 400 && /chat not found|user not found|chat_id is empty/i.test(description)) {
      return { status: "permanent", reason: "chat_not_found", detail: description };
    }
    if (code === 400 && err.parameters.migrate_to_chat_id !== undefined) {
      return {
        status: "permanent",
        reason: "chat_not_found",
        detail: `migrated to ${err.parameters.migrate_to_chat_id}`,
      };
    }
    // 401 Unauthorized / 404 Not Found: the token is wrong or revoked.
    if (code === 401 || code === 404)
      return { status: "permanent", reason: "not_configured", detail: description };
    if (code >= 500 || code === 409)
      return { status: "retryable", retryAfterMs: 0, reason: `${code}: ${description}` };
    return { status: "permanent", reason: "invalid", detail: `${code}: ${description}` };
  }
  if (err instanceof HttpError)
    return { status: "retryable", retryAfterMs: 0, reason: `network: ${err.message}` };
  throw err;
}
