/**
 * POST /chat/upload (evidence from the person) and GET /chat/files/:id (a file of this chat only).
 * Served files never run as our page: raster images inline, anything else as a download, all
 * under a sandboxing CSP with nosniff (an uploaded SVG or HTML must not script our origin).
 */
import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import type { WebEnv } from "./auth";
import type { WebChatContext } from "./context";
import { acceptInbound, clientIdSchema } from "./inbound";
import type { WebFileRef } from "./store";

const INLINE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
const MAX_NAME_CHARS = 200;
const MAX_CAPTION_CHARS = 1_000;

export const tooLarge = (c: Context, limitBytes: number): Response =>
  c.json({ error: "too_large", limitBytes }, 413);

/** A display name only: control characters and path separators removed, length capped. */
export function cleanFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim();
  return cleaned === "" ? "file" : cleaned.slice(-MAX_NAME_CHARS);
}

const cleanMime = (type: string): string =>
  /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i.test(type) ? type.toLowerCase() : "application/octet-stream";

export async function handleUpload(ctx: WebChatContext, c: Context<WebEnv>): Promise<Response> {
  const session = c.get("session");
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody();
  } catch {
    return c.json({ error: "invalid" }, 400);
  }
  const file = form.file;
  const id = clientIdSchema.safeParse(form.id);
  const caption = typeof form.caption === "string" ? form.caption.trim().slice(0, MAX_CAPTION_CHARS) : "";
  if (!(file instanceof File) || !id.success) return c.json({ error: "invalid" }, 400);
  if (file.size > ctx.maxUploadBytes) return tooLarge(c, ctx.maxUploadBytes);
  if (file.size === 0) return c.json({ error: "empty" }, 400);

  const storageKey = await ctx.vault.save(new Uint8Array(await file.arrayBuffer()));
  const ref: WebFileRef = {
    id: randomUUID(),
    name: cleanFileName(file.name),
    mimeType: cleanMime(file.type),
    sizeBytes: file.size,
  };
  await ctx.store.addFile({
    ...ref,
    chatId: session.chatId,
    direction: "in",
    storageKey,
    createdAt: ctx.now(),
  });
  const limitBytes = ctx.maxUploadBytes;
  return acceptInbound(
    ctx,
    c,
    session,
    id.data,
    { kind: "file", file: ref, ...(caption ? { caption } : {}) },
    {
      kind: "file",
      caption: caption || undefined,
      file: {
        name: ref.name,
        mimeType: ref.mimeType,
        sizeBytes: ref.sizeBytes,
        isPhoto: INLINE_TYPES.has(ref.mimeType),
        async download() {
          if (ref.sizeBytes > limitBytes) return { ok: false, reason: "too_large", limitBytes };
          try {
            return { ok: true, bytes: await ctx.vault.read(storageKey) };
          } catch {
            return { ok: false, reason: "unavailable" };
          }
        },
      },
    },
  );
}

export async function handleFile(ctx: WebChatContext, c: Context<WebEnv>): Promise<Response> {
  const session = c.get("session");
  const id = clientIdSchema.safeParse(c.req.param("id"));
  const record = id.success ? await ctx.store.findFile(session.chatId, id.data) : undefined;
  if (!record) return c.json({ error: "not_found" }, 404);
  let bytes: Uint8Array;
  try {
    bytes = await ctx.vault.read(record.storageKey);
  } catch {
    return c.json({ error: "not_found" }, 404);
  }
  const inline = INLINE_TYPES.has(record.mimeType);
  const encoded = encodeURIComponent(record.name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16)}`,
  );
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type":
        inline || record.mimeType === "application/pdf" ? record.mimeType : "application/octet-stream",
      "content-length": String(bytes.byteLength),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encoded}`,
      "content-security-policy": "default-src 'none'; img-src 'self'; sandbox",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
