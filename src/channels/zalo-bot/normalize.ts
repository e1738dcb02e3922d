/**
 * Zalo Bot updates → InboundEvent. Updates come bare (`{event_name, message}`) or wrapped in the
 * API envelope (`{ok, result: {…}}`), from getUpdates and from webhooks alike: both are accepted.
 * Text and images are documented; files are not (reference §3): anything that looks like a file,
 * a voice note or an "unsupported" message is reported as `explain`, so the adapter can tell the
 * person where to send evidence instead of staying silent.
 */
import { z } from "zod";
import type { DownloadResult, InboundEvent } from "../types";

const id = z.union([z.string(), z.number()]).transform(String);

const updateSchema = z
  .object({
    event_name: z.string(),
    message: z
      .object({
        message_id: id,
        date: z.union([z.number(), z.string()]).optional(),
        from: z
          .object({ id, display_name: z.string().optional(), is_bot: z.boolean().optional() })
          .passthrough(),
        chat: z.object({ id, chat_type: z.string().optional() }).passthrough(),
        text: z.string().optional(),
        caption: z.string().optional(),
        photo: z.string().optional(),
        photo_url: z.string().optional(),
      })
      .passthrough(),
  })
  .passthrough();

export type BotUpdateOutcome =
  | { readonly kind: "event"; readonly event: InboundEvent }
  | { readonly kind: "explain"; readonly chatId: string; readonly messageId: string }
  | { readonly kind: "ignore" };

export interface BotNormalizeDeps {
  download(url: string, maxBytes: number): Promise<DownloadResult>;
  readonly maxFileBytes: number;
}

/** Unwraps `{ok: true, result: update}`; passes a bare update through. */
export function unwrapUpdate(body: unknown): unknown {
  if (body !== null && typeof body === "object" && "result" in body && !("event_name" in body)) {
    return (body as { result: unknown }).result;
  }
  return body;
}

const FILE_HINTS = ["file", "document", "voice", "video", "audio", "unsupported"];

export function normalizeBotUpdate(body: unknown, now: Date, deps: BotNormalizeDeps): BotUpdateOutcome {
  const parsed = updateSchema.safeParse(unwrapUpdate(body));
  if (!parsed.success) return { kind: "ignore" };
  const { event_name: name, message: m } = parsed.data;
  // Reports are private: group chats (where bots may not even be allowed) are not listened to.
  if (m.from.is_bot || (m.chat.chat_type && m.chat.chat_type !== "PRIVATE")) return { kind: "ignore" };
  const ts = Number(m.date);
  const base = {
    channel: "zalo-bot" as const,
    chat: { channel: "zalo-bot" as const, chatId: m.chat.id },
    sender: { platformUserId: m.from.id, displayName: m.from.display_name },
    platformId: m.message_id,
    receivedAt: Number.isFinite(ts) && ts > 0 ? new Date(ts) : now,
  };
  if (name === "message.text.received") {
    const text = (m.text ?? "").trim();
    return text === "" ? { kind: "ignore" } : { kind: "event", event: { ...base, kind: "text", text } };
  }
  if (name === "message.image.received") {
    const url = m.photo_url ?? m.photo;
    if (!url) return { kind: "explain", chatId: m.chat.id, messageId: m.message_id };
    const caption = m.caption?.trim();
    return {
      kind: "event",
      event: {
        ...base,
        kind: "file",
        caption: caption ? caption : undefined,
        file: {
          name: null,
          mimeType: "image/jpeg",
          sizeBytes: null,
          isPhoto: true,
          download: () => deps.download(url, deps.maxFileBytes),
        },
      },
    };
  }
  if (FILE_HINTS.some((hint) => name.includes(hint))) {
    return { kind: "explain", chatId: m.chat.id, messageId: m.message_id };
  }
  return { kind: "ignore" }; // stickers and future event types
}
