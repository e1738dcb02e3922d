/**
 * POST /webhooks/zalo-bot. Zalo sends the secret given to setWebhook in X-Bot-Api-Secret-Token
 * (no HMAC, no timestamp); it is compared in constant time before the body is read. A wrong or
 * missing secret gets 401 and nothing is processed.
 */
import type { WebhookHandler } from "../types";
import { refuseWrongSecret, webhookText as text } from "../webhook-secret";

export const ZALO_BOT_SECRET_HEADER = "x-bot-api-secret-token";
const ZALO_BOT_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

export function createBotWebhook(secret: string, onUpdate: (body: unknown) => Promise<void>): WebhookHandler {
  return async (request) => {
    const refused = refuseWrongSecret(request, ZALO_BOT_SECRET_HEADER, secret);
    if (refused) return refused;
    if (Number(request.headers.get("content-length") ?? 0) > ZALO_BOT_WEBHOOK_MAX_BODY_BYTES) {
      return text("too large", 413);
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return text("bad request", 400);
    }
    try {
      await onUpdate(body);
    } catch {
      return text("retry later", 500);
    }
    return text("ok", 200);
  };
}
