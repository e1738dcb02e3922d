/**
 * Personal-account messages → InboundEvent. Only direct messages from other people are taken in:
 * the account's own messages (from its other devices) and group chatter are not ours to process;
 * groups only receive the digests the office chose to post there.
 */
import type { DownloadResult, InboundEvent } from "../types";
import type { PersonalMessage } from "./session";

/** Group chats are addressed as "group:<id>" so one ChatRef names both kinds of thread. */
export const ZALO_GROUP_PREFIX = "group:";

export interface PersonalNormalizeDeps {
  download(url: string, maxBytes: number): Promise<DownloadResult>;
  readonly maxFileBytes: number;
}

export function normalizePersonalMessage(
  m: PersonalMessage,
  now: Date,
  deps: PersonalNormalizeDeps,
): InboundEvent | null {
  if (m.isSelf || m.isGroup) return null;
  const base = {
    channel: "zalo-personal" as const,
    chat: { channel: "zalo-personal" as const, chatId: m.threadId },
    sender: { platformUserId: m.fromId, displayName: m.fromName },
    platformId: m.msgId,
    receivedAt: m.timestampMs > 0 ? new Date(m.timestampMs) : now,
  };
  const attachment = m.attachment;
  if (attachment) {
    return {
      ...base,
      kind: "file",
      file: {
        name: attachment.name,
        mimeType: attachment.isPhoto ? "image/jpeg" : null,
        sizeBytes: attachment.sizeBytes,
        isPhoto: attachment.isPhoto,
        download: () => deps.download(attachment.url, deps.maxFileBytes),
      },
    };
  }
  const text = m.text?.trim() ?? "";
  return text === "" ? null : { ...base, kind: "text", text };
}
