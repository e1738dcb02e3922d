/**
 * Telegram Update → InboundEvent. Only private chats are read: reports are collected one person
 * at a time, and in groups privacy mode hides most messages from bots anyway.
 *
 * platformId (the dedupe key with channel "telegram"):
 *   "m:<chat id>:<message id>" for messages, "cb:<callback query id>" for button taps.
 * These stay stable across redeliveries and, unlike update_id, do not restart at a random value
 * after a week without updates.
 */
import type { InboundEvent, InboundFile, InboundSender } from "../types";
import type { Message, Update } from "./bot";
import type { FileDownloader } from "./download";

/** Deep-link payloads are 1–64 characters of A–Z a–z 0–9 _ - (Bot API, "Deep linking"). */
const START_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;
const START_COMMAND = /^\/start(?:@\w+)?(?:\s+(\S+))?\s*$/;
/** "/trangthai@baocao_bot args" → "/trangthai args": the suffix is Telegram's, not the person's. */
const COMMAND_MENTION = /^(\/[A-Za-z0-9_]+)@\w+/;

function senderOf(from: { id: number; first_name: string; last_name?: string | undefined }): InboundSender {
  return {
    platformUserId: String(from.id),
    displayName: [from.first_name, from.last_name].filter(Boolean).join(" ") || undefined,
  };
}

function fileOf(message: Message, download: FileDownloader): InboundFile | null {
  if (message.document) {
    const d = message.document;
    return {
      name: d.file_name ?? null,
      mimeType: d.mime_type ?? null,
      sizeBytes: d.file_size ?? null,
      isPhoto: false,
      download: () => download(d.file_id, d.file_size ?? null),
    };
  }
  if (message.photo && message.photo.length > 0) {
    // Telegram lists the sizes it made of a photo, smallest first; the last is the original.
    const p = message.photo[message.photo.length - 1];
    if (!p) return null;
    return {
      name: null,
      mimeType: "image/jpeg",
      sizeBytes: p.file_size ?? null,
      isPhoto: true,
      download: () => download(p.file_id, p.file_size ?? null),
    };
  }
  return null;
}

export function normalizeUpdate(
  update: Update,
  download: FileDownloader,
  receivedAt: Date,
): InboundEvent | null {
  const query = update.callback_query;
  if (query) {
    const chat = query.message?.chat;
    if (query.data === undefined || (chat && chat.type !== "private")) return null;
    return {
      channel: "telegram",
      chat: { channel: "telegram", chatId: String(chat?.id ?? query.from.id) },
      sender: senderOf(query.from),
      platformId: `cb:${query.id}`,
      receivedAt,
      kind: "action",
      payload: query.data,
    };
  }

  const message = update.message;
  if (message?.chat.type !== "private" || !message.from) return null;
  const base = {
    channel: "telegram" as const,
    chat: { channel: "telegram" as const, chatId: String(message.chat.id) },
    sender: senderOf(message.from),
    platformId: `m:${message.chat.id}:${message.message_id}`,
    receivedAt,
  };

  if (message.text !== undefined) {
    const start = START_COMMAND.exec(message.text);
    if (start) {
      const payload = start[1] !== undefined && START_PAYLOAD.test(start[1]) ? start[1] : null;
      return { ...base, kind: "start", payload };
    }
    return { ...base, kind: "text", text: message.text.replace(COMMAND_MENTION, "$1") };
  }

  const file = fileOf(message, download);
  if (file) return { ...base, kind: "file", file, caption: message.caption };
  return null;
}
