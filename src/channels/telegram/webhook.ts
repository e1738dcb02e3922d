/**
 * POST /webhooks/telegram. The secret header is compared in constant time before the body is
 * read; a wrong or missing secret gets 401 and nothing is parsed or processed. A good update is
 * handed on and answered 200 as soon as it is durably accepted (deduplicated and queued), well
 * inside Telegram's patience: a slow answer makes Telegram deliver the update again.
 */
import type { WebhookHandler } from "../types";
import { refuseWrongSecret, webhookText as text } from "../webhook-secret";

export const TELEGRAM_SECRET_HEADER = "x-telegram-bot-api-secret-token";
/** Updates are a few kilobytes; anything far bigger is not from Telegram. */
const TELEGRAM_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookOptions {
  readonly secret: string;
  /** Accepts one raw update; rejects when it could not be accepted (then Telegram retries). */
  readonly onUpdate: (update: { update_id: number } & Record<string, unknown>) => Promise<void>;
}

export function createWebhookHandler(options: WebhookOptions): WebhookHandler {
  return async (request) => {
    const refused = refuseWrongSecret(request, TELEGRAM_SECRET_HEADER, options.secret);
    if (refused) return refused;
    if (request.method !== "POST") return text("method not allowed", 405);
    if (Number(request.headers.get("content-length") ?? 0) > TELEGRAM_WEBHOOK_MAX_BODY_BYTES) {
      return text("too large", 413);
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return text("bad request", 400);
    }
    if (
      typeof body !== "object" ||
      body === null ||
      typeof (body as { update_id?: unknown }).update_id !== "number"
    ) {
      return text("bad request", 400);
    }
    try {
      await options.onUpdate(body as { update_id: number } & Record<string, unknown>);
    } catch {
      return text("retry later", 500);
    }
    return text("ok", 200);
  };
}
