/**
 * POST /webhooks/zalo-oa. Zalo wants HTTP 200 within 2 seconds and disables a webhook that keeps
 * failing, so the handler only verifies, normalizes and hands the event to the sink (which
 * deduplicates by msg_id in the database and queues it); the work happens after the answer.
 * Forged or unsigned → 401; signed but stale (±5 min) → 403; nothing reaches the sink.
 */
import type { ZaloSignatureFormula } from "../../config-zalo";
import type { Logger } from "../../log";
import type { InboundSink, WebhookHandler } from "../types";
import { type NormalizeDeps, normalizeZaloOaEvent, zaloOaEventSchema } from "./normalize";
import { isFreshTimestamp, type SignatureKeys, verifyZaloSignature } from "./signature";

/** Zalo's event bodies are small JSON; anything larger is not from Zalo. */
export const ZALO_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

export interface OaWebhookOptions {
  readonly keys: SignatureKeys;
  readonly formulas: readonly ZaloSignatureFormula[];
  readonly now: () => Date;
  readonly sink: () => InboundSink | undefined;
  readonly normalize: NormalizeDeps;
  readonly log: Logger;
}

const reply = (status: number, body: string) =>
  new Response(JSON.stringify({ ok: status === 200, message: body }), {
    status,
    headers: { "content-type": "application/json" },
  });

export function createOaWebhook(options: OaWebhookOptions): WebhookHandler {
  const { log } = options;
  return async (request) => {
    if (Number(request.headers.get("content-length") ?? "0") > ZALO_WEBHOOK_MAX_BODY_BYTES) {
      return reply(413, "too large");
    }
    const raw = Buffer.from(await request.arrayBuffer());
    if (raw.byteLength > ZALO_WEBHOOK_MAX_BODY_BYTES) return reply(413, "too large");
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      log.warn("zalo-oa.webhook.bad_json", { bytes: raw.byteLength });
      return reply(400, "bad json");
    }
    const timestamp =
      body !== null && typeof body === "object" && "timestamp" in body ? String(body.timestamp) : "";
    const signature = request.headers.get("x-zevent-signature");
    if (!verifyZaloSignature(signature, options.formulas, options.keys, raw, timestamp)) {
      log.warn("zalo-oa.webhook.bad_signature", { present: signature !== null });
      return reply(401, "bad signature");
    }
    const now = options.now();
    if (!isFreshTimestamp(timestamp, now)) {
      log.warn("zalo-oa.webhook.stale", { timestamp, now: now.getTime() });
      return reply(403, "stale");
    }
    const parsed = zaloOaEventSchema.safeParse(body);
    if (!parsed.success) {
      log.info("zalo-oa.webhook.ignored_shape", { issues: parsed.error.issues.length });
      return reply(200, "ignored");
    }
    const event = normalizeZaloOaEvent(parsed.data, now, options.normalize);
    if (!event) return reply(200, "ignored");
    const sink = options.sink();
    // Not started yet: a non-200 makes Zalo deliver again later.
    if (!sink) return reply(503, "not ready");
    try {
      await sink(event);
    } catch (err) {
      log.error("zalo-oa.webhook.sink_failed", { platformId: event.platformId, error: String(err) });
      return reply(500, "retry");
    }
    return reply(200, "ok");
  };
}
