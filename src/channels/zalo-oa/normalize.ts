/**
 * Zalo OA webhook bodies → InboundEvent. All ids and the timestamp are strings (milliseconds).
 * User→OA events carry the person in `sender`; follow/unfollow carry it in `follower`; OA echoes
 * (`oa_send_*`), delivery receipts and group events are ignored.
 */
import { z } from "zod";
import type { DownloadResult, InboundEvent, InboundFile } from "../types";

/** Our button payloads travel as text (OA query buttons send their payload as a message). */
export const ZALO_OA_ACTION_PREFIX = "#bc:";
/** The payload of a `user_submit_info` answer: the phone number the person chose to share. */
export const ZALO_SHARED_PHONE_PREFIX = "zalo.shared_phone:";

const id = z.union([z.string(), z.number()]).transform(String);

const attachment = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().optional(),
      name: z.string().optional(),
      size: z.union([z.string(), z.number()]).optional(),
      type: z.string().optional(),
      thumbnail: z.string().optional(),
    })
    .passthrough()
    .optional(),
});

export const zaloOaEventSchema = z
  .object({
    event_name: z.string(),
    app_id: id.optional(),
    oa_id: id.optional(),
    timestamp: id,
    sender: z.object({ id }).optional(),
    recipient: z.object({ id }).optional(),
    follower: z.object({ id }).optional(),
    message: z
      .object({
        msg_id: id.optional(),
        text: z.string().optional(),
        attachments: z.array(attachment).optional(),
      })
      .passthrough()
      .optional(),
    info: z.object({ phone: id.optional() }).passthrough().optional(),
  })
  .passthrough();

export type ZaloOaEvent = z.infer<typeof zaloOaEventSchema>;

export interface NormalizeDeps {
  /** Downloads a file Zalo hosts, enforcing the size limit. */
  download(url: string, maxBytes: number): Promise<DownloadResult>;
  readonly maxFileBytes: number;
}

const MIME_BY_KIND: Record<string, string> = { image: "image/jpeg", gif: "image/gif", video: "video/mp4" };
/**
 * `user_send_file` declares the file's extension ("pdf"), not a MIME type: mapped here so that
 * evidence is stored as what it is, not as application/octet-stream.
 */
const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  csv: "text/csv",
  txt: "text/plain",
  zip: "application/zip",
  rar: "application/vnd.rar",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  mp4: "video/mp4",
};

function mimeOf(declaredType: string | undefined, name: string | undefined, kind: string): string | null {
  if (declaredType?.includes("/")) return declaredType;
  const extension = (declaredType ?? /\.([A-Za-z0-9]{1,8})$/.exec(name ?? "")?.[1] ?? "").toLowerCase();
  return MIME_BY_EXTENSION[extension] ?? MIME_BY_KIND[kind] ?? null;
}

function fileOf(a: z.infer<typeof attachment>, kind: string, deps: NormalizeDeps): InboundFile | null {
  const url = a.payload?.url;
  if (!url) return null;
  const size = a.payload?.size === undefined ? Number.NaN : Number(a.payload.size);
  const isPhoto = kind === "image" || kind === "gif";
  return {
    name: a.payload?.name ?? null,
    mimeType: mimeOf(a.payload?.type, a.payload?.name, kind),
    sizeBytes: Number.isFinite(size) ? size : null,
    isPhoto,
    download: () => deps.download(url, deps.maxFileBytes),
  };
}

/** One webhook body → one event, or null for events the bot does not act on. */
export function normalizeZaloOaEvent(raw: ZaloOaEvent, now: Date, deps: NormalizeDeps): InboundEvent | null {
  const name = raw.event_name;
  const person = name === "follow" || name === "unfollow" ? raw.follower?.id : raw.sender?.id;
  if (!person) return null;
  const ts = Number(raw.timestamp);
  const base = {
    channel: "zalo-oa" as const,
    chat: { channel: "zalo-oa" as const, chatId: person },
    sender: { platformUserId: person },
    platformId: raw.message?.msg_id ?? `${name}:${person}:${raw.timestamp}`,
    receivedAt: Number.isFinite(ts) && ts > 0 ? new Date(ts) : now,
  };
  const text = raw.message?.text?.trim() ?? "";
  const attachments = raw.message?.attachments ?? [];

  switch (name) {
    case "user_send_text":
    case "user_click_button": {
      if (text.startsWith(ZALO_OA_ACTION_PREFIX)) {
        return { ...base, kind: "action", payload: text.slice(ZALO_OA_ACTION_PREFIX.length) };
      }
      return text === "" ? null : { ...base, kind: "text", text };
    }
    case "user_send_link": {
      // Article links are what many reports are made of: pass the URL on as text.
      const urls = attachments.map((a) => a.payload?.url).filter((u): u is string => Boolean(u));
      const joined = [text, ...urls.filter((u) => !text.includes(u))].filter((s) => s !== "").join("\n");
      return joined === "" ? null : { ...base, kind: "text", text: joined };
    }
    case "user_send_image":
    case "user_send_gif":
    case "user_send_file":
    case "user_send_video": {
      const kind = name.slice("user_send_".length);
      const first = attachments[0];
      const file = first ? fileOf(first, first.type || kind, deps) : null;
      if (!file) return null;
      return { ...base, kind: "file", file, caption: text === "" ? undefined : text };
    }
    case "follow":
      return { ...base, kind: "follow" };
    case "unfollow":
      return { ...base, kind: "unfollow" };
    case "user_submit_info": {
      const phone = raw.info?.phone?.replace(/\D/g, "") ?? "";
      return phone === ""
        ? null
        : { ...base, kind: "action", payload: `${ZALO_SHARED_PHONE_PREFIX}${phone}` };
    }
    default:
      return null;
  }
}
