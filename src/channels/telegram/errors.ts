/**
 * Bot API failures → SendResult. grammY throws GrammyError when Telegram answered ok:false (with
 * error_code, description and parameters.retry_after) and HttpError when the call itself failed:
 * the server unreachable or silent (the channel is `unavailable`, the row waits without spending
 * attempts), or an answer that is not the Bot API's JSON (an ordinary retryable failure, as 5xx).
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
  if (err instanceof HttpError) {
    const cause = unreachable(err.error);
    // The server was not reached, or did not answer in time: the channel waits, the message has
    // not failed. Anything else (an answer that is not JSON, e.g. a proxy's 502 page) counts.
    return cause
      ? { status: "retryable", retryAfterMs: 0, reason: `network: ${cause}`, unavailable: true }
      : { status: "retryable", retryAfterMs: 0, reason: `network: ${err.message}` };
  }
  throw err;
}

/**
 * Why the Bot API server could not be reached, from the error grammY wrapped: node-fetch's
 * FetchError of type "system" (ECONNREFUSED, ENOTFOUND, ECONNRESET…) or a timeout, grammY's own
 * timeout, an abort, or the WHATWG fetch's "fetch failed"; null when the server did answer. Only
 * codes and types are kept: fetch errors' messages carry the URL, and the URL the bot token.
 */
function unreachable(inner: unknown): string | null {
  if (typeof inner !== "object" || inner === null) return null;
  const e = inner as { type?: unknown; code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  const code = (c: unknown) => (typeof c === "string" && /^[A-Z_]+$/.test(c) ? c : null);
  if (e.type === "system") return code(e.code) ?? "connection failed";
  if (e.type === "request-timeout" || e.type === "body-timeout") return "timeout";
  if (e.name === "AbortError" || e.name === "TimeoutError") return "timeout";
  if (typeof e.message !== "string") return null;
  if (/^Request to '\w+' timed out after \d+ seconds$/.test(e.message)) return "timeout";
  if (e.message === "fetch failed")
    return code((e.cause as { code?: unknown } | undefined)?.code) ?? "connection failed";
  return null;
}
