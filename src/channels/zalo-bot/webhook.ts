/**
 * POST /webhooks/zalo-bot. Zalo sends the secret given to setWebhook in X-Bot-Api-Secret-Token
 * (no HMAC, no timestamp); it is compared in constant time before the body is read. A wrong or
 * missing secret gets 401 and nothing is processed.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { WebhookHandler } from "../types";

export const ZALO_BOT_SECRET_HEADER = "x-bot-api-secret-token";
const ZALO_BOT_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/** Equal-length digests: the comparison time depends neither on where nor on how long the strings differ. */
export function botSecretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export function createBotWebhook(secret: string, onUpdate: (body: unknown) => Promise<void>): WebhookHandler {
  return async (request) => {
    if (!botSecretMatches(request.headers.get(ZALO_BOT_SECRET_HEADER), secret))
      return text("unauthorized", 401);
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
