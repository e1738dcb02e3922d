/**
 * Webhooks authenticated by a shared secret in a header (Telegram's X-Telegram-Bot-Api-Secret-Token,
 * the Zalo Bot platform's X-Bot-Api-Secret-Token; no HMAC, no timestamp). The header is compared in
 * constant time before the body is read; a wrong or missing secret gets 401 and nothing is parsed
 * or processed.
 */
import { createHash, timingSafeEqual } from "node:crypto";

/** Equal-length digests make the comparison independent of where the strings differ and of their lengths. */
export function secretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A short plain-text answer to a webhook request. */
export function webhookText(body: string, status: number): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** The 401 answer when the request's `header` does not carry `secret`; undefined when it does. */
export function refuseWrongSecret(request: Request, header: string, secret: string): Response | undefined {
  return secretMatches(request.headers.get(header), secret) ? undefined : webhookText("unauthorized", 401);
}
