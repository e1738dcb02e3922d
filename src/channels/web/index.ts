/**
 * The built-in web chat: the default channel (npm start with no token), the training tool for
 * principals, and the fallback for someone without Zalo or Telegram. `send()` appends the rendered
 * message to the person's history and pushes it to any open page; a closed page shows it on next
 * open, so proactive messages are always allowed. The routes are mounted on the app with `mount`.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Hono } from "hono";
import { DEFAULT_LANG } from "../../i18n/index";
import type { ChannelAdapter, ChannelCapabilities, ChatRef, OutboundMessage, SendResult } from "../types";
import {
  WEB_FILE_IN_MAX_BYTES,
  WEB_FILE_OUT_MAX_BYTES,
  WEB_TEXT_MAX_CHARS,
  type WebChatContext,
  type WebChatDeps,
} from "./context";
import { createLiveHub } from "./hub";
import { renderForWeb } from "./render";
import { createChatRoutes } from "./routes";
import { parseWebMessage, type WebFileRef } from "./store";
import { createFileVault } from "./vault";

export { WEB_FILE_IN_MAX_BYTES, type WebChatDeps } from "./context";
export { loadOrCreateSessionSecret } from "./session";
export type { WebChatStore } from "./store";
export { removeWebChatFiles } from "./vault";

/** Where web chat uploads live under DATA_DIR (shared by the adapter and `people erase`). */
export const webChatFilesDir = (dataDir: string): string => path.join(dataDir, "webchat", "files");

/** A failed store write is tried again by the dispatcher after this long. */
const RETRY_AFTER_MS = 5_000;

export const WEB_CAPABILITIES: ChannelCapabilities = {
  maxTextChars: WEB_TEXT_MAX_CHARS,
  buttons: { maxButtons: 12, maxLabelChars: 80, maxPayloadBytes: 64 },
  filesIn: { maxBytes: WEB_FILE_IN_MAX_BYTES },
  filesOut: { maxBytes: WEB_FILE_OUT_MAX_BYTES },
  edits: false,
  // Messages wait in history: sending to a closed page costs nothing and is shown on next open.
  proactive: { allowed: true, windowHours: null, costly: false, maxPerSecond: 200, maxPerChatPerSecond: 20 },
};

export interface WebAdapter extends ChannelAdapter {
  readonly id: "web";
  /** Mounts GET /chat, /chat/history, /chat/events, /chat/files/:id and POST /chat/send, /upload, /logout. */
  mount(app: Hono): void;
}

export function createWebAdapter(deps: WebChatDeps): WebAdapter {
  const ctx: WebChatContext = {
    store: deps.store,
    vault: createFileVault(deps.filesDir),
    hub: createLiveHub(),
    secret: deps.sessionSecret,
    publicOrigin: new URL(deps.publicUrl).origin,
    secureCookies: deps.publicUrl.startsWith("https:"),
    defaultLang: deps.defaultLang ?? DEFAULT_LANG,
    maxUploadBytes: Math.min(deps.maxUploadBytes ?? WEB_FILE_IN_MAX_BYTES, WEB_FILE_IN_MAX_BYTES),
    log: deps.log,
    isLinked: (chatId) => deps.isLinked(chatId),
    now: deps.now ?? (() => new Date()),
    sink: undefined,
  };

  async function attachFile(chatId: string, message: OutboundMessage): Promise<WebFileRef | SendResult> {
    const file = message.file;
    if (!file) return { status: "permanent", reason: "invalid" };
    if (file.sizeBytes > WEB_FILE_OUT_MAX_BYTES) {
      return { status: "permanent", reason: "invalid", detail: "file too large for the web chat" };
    }
    let storageKey: string;
    try {
      storageKey = await ctx.vault.copyFrom(file.path);
    } catch {
      return { status: "permanent", reason: "invalid", detail: "file to send is missing" };
    }
    const ref: WebFileRef = {
      id: randomUUID(),
      name: path.basename(file.name),
      mimeType: file.mimeType,
      sizeBytes: file.sizeBytes,
    };
    await ctx.store.addFile({ ...ref, chatId, direction: "out", storageKey, createdAt: ctx.now() });
    return ref;
  }

  async function send(chat: ChatRef, message: OutboundMessage): Promise<SendResult> {
    if (chat.channel !== "web") return { status: "permanent", reason: "invalid", detail: "not a web chat" };
    try {
      if (!(await ctx.store.chatReachable(chat.chatId, ctx.now())))
        return { status: "permanent", reason: "chat_not_found" };
      let file: WebFileRef | undefined;
      if (message.file) {
        const attached = await attachFile(chat.chatId, message);
        if ("status" in attached) return attached;
        file = attached;
      }
      const bubbles = renderForWeb(message, WEB_TEXT_MAX_CHARS);
      let lastId = "";
      for (const [i, bubble] of bubbles.entries()) {
        const last = i === bubbles.length - 1;
        const { message: row } = await ctx.store.appendMessage({
          chatId: chat.chatId,
          direction: "out",
          body: { kind: "bot", ...bubble, ...(file && last ? { file } : {}) },
          now: ctx.now(),
        });
        const stored = parseWebMessage(row);
        if (stored) ctx.hub.publish(stored);
        lastId = row.id;
      }
      return { status: "sent", platformMessageId: lastId };
    } catch (err) {
      ctx.log?.error("webchat.send_failed", { chatId: chat.chatId, error: String(err) });
      return { status: "retryable", retryAfterMs: RETRY_AFTER_MS, reason: "store unavailable" };
    }
  }

  return {
    id: "web",
    capabilities: WEB_CAPABILITIES,
    async start(sink) {
      ctx.sink = sink;
      const removed = await ctx.store.deleteExpiredSessions(ctx.now());
      if (removed > 0) ctx.log?.info("webchat.sessions_expired", { removed });
    },
    async stop() {
      ctx.sink = undefined;
      ctx.hub.closeAll();
    },
    send,
    inviteLink: (code) => `${deps.publicUrl}/chat?code=${encodeURIComponent(code)}`,
    mount(app) {
      app.route("/chat", createChatRoutes(ctx));
    },
  };
}

/** Mounts the web chat's routes on the app (same as `adapter.mount(app)`). */
export function mountWebChat(app: Hono, adapter: WebAdapter): void {
  adapter.mount(app);
}
