/**
 * What an accepted event keeps until it is handled: enough to hand it to the bot again after a
 * crash (sender id, platform time, text or payload). Display names are not kept (not needed).
 * A file cannot be rebuilt: its download() belongs to the adapter that received it, so only its
 * details are kept, for the "please send it again" reply.
 */
import { z } from "zod";
import { CHANNEL_IDS, type ChannelId, type InboundEvent } from "../channels/types";

const fileSchema = z.object({
  name: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  isPhoto: z.boolean(),
});

const bodySchema = z.object({
  sender: z.string(),
  at: z.string(),
  text: z.string().optional(),
  payload: z.string().nullable().optional(),
  caption: z.string().optional(),
  file: fileSchema.optional(),
});

type StoredBody = z.infer<typeof bodySchema>;

export function serializeEvent(event: InboundEvent): string {
  const body: StoredBody = { sender: event.sender.platformUserId, at: event.receivedAt.toISOString() };
  if (event.kind === "text") body.text = event.text;
  else if (event.kind === "action") body.payload = event.payload;
  else if (event.kind === "start") body.payload = event.payload;
  else if (event.kind === "file") {
    const { name, mimeType, sizeBytes, isPhoto } = event.file;
    body.file = { name, mimeType, sizeBytes, isPhoto };
    if (event.caption !== undefined) body.caption = event.caption;
  }
  return JSON.stringify(body);
}

/** An accepted row that has not been handled, as read back at start. */
export interface UnhandledRow {
  readonly channel: string;
  readonly platform_id: string;
  readonly chat_id: string;
  readonly kind: string;
  readonly received_at: string;
  readonly body: string | null;
}

/** An event that cannot be handed to the bot again: a file, or a row without its body. */
export interface LostInboundEvent {
  readonly channel: ChannelId;
  readonly chat: { readonly channel: ChannelId; readonly chatId: string };
  readonly platformId: string;
  readonly kind: string;
  /** When the platform says it was sent (or when we accepted it, for rows without a body). */
  readonly receivedAt: Date;
  /** The file's name, when the platform gave one. */
  readonly fileName: string | null;
}

export type Rebuilt =
  | { readonly ok: true; readonly event: InboundEvent }
  | { readonly ok: false; readonly lost: LostInboundEvent }
  /** A row naming a channel this version does not know: nothing can be done with it. */
  | { readonly ok: false; readonly lost: null };

function parseBody(json: string | null): StoredBody | null {
  if (json === null) return null;
  try {
    const parsed = bodySchema.safeParse(JSON.parse(json) as unknown);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rebuildEvent(row: UnhandledRow): Rebuilt {
  const channel = CHANNEL_IDS.find((c) => c === row.channel);
  if (channel === undefined) return { ok: false, lost: null };
  const body = parseBody(row.body);
  const chat = { channel, chatId: row.chat_id };
  const lost = (at: string, fileName: string | null): Rebuilt => ({
    ok: false,
    lost: { channel, chat, platformId: row.platform_id, kind: row.kind, receivedAt: new Date(at), fileName },
  });
  if (body === null) return lost(row.received_at, null);
  const base = {
    channel,
    chat,
    sender: { platformUserId: body.sender },
    platformId: row.platform_id,
    receivedAt: new Date(body.at),
  };
  switch (row.kind) {
    case "text":
      return body.text === undefined
        ? lost(body.at, null)
        : { ok: true, event: { ...base, kind: "text", text: body.text } };
    case "action":
      return typeof body.payload === "string"
        ? { ok: true, event: { ...base, kind: "action", payload: body.payload } }
        : lost(body.at, null);
    case "start":
      return { ok: true, event: { ...base, kind: "start", payload: body.payload ?? null } };
    case "follow":
      return { ok: true, event: { ...base, kind: "follow" } };
    case "unfollow":
      return { ok: true, event: { ...base, kind: "unfollow" } };
    default:
      return lost(body.at, body.file?.name ?? null);
  }
}
