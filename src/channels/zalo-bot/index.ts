/**
 * Zalo Bot platform adapter (bot.zaloplatforms.com): the Telegram-like Bot API. Long polling by
 * default; webhook mode (POST /webhooks/zalo-bot) when ZALO_BOT_WEBHOOK_URL is set. Text only
 * out (numbered choices, 2,000-character pieces), photos by URL. Quirks: ./README.md.
 */
import type { ZaloBotConfig } from "../../config-zalo";
import { type Lang, type Translate, translator } from "../../i18n/index";
import { createLogger, type Logger } from "../../log";
import { startWithRetry } from "../start-retry";
import type {
  ChannelAdapter,
  ChannelCapabilities,
  ChatRef,
  InboundSink,
  OutboundFile,
  SendResult,
} from "../types";
import { createZaloBotClient, ZaloBotHttpError } from "./client";
import { botSendResult } from "./errors";
import { normalizeBotUpdate } from "./normalize";
import { type Poller, startPolling } from "./poller";
import { renderForZaloBot, ZALO_BOT_TEXT_LIMIT_CHARS } from "./render";
import { createBotWebhook } from "./webhook";

/** Photos people send are fetched up to this size. */
export const ZALO_BOT_INBOUND_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** After a failed setWebhook/deleteWebhook at start, try again this often. */
const ZALO_BOT_INIT_RETRY_MS = 30_000;
/** Remembered message ids of explained file messages, so a redelivery is not explained twice. */
const EXPLAINED_MEMORY = 500;

export interface ZaloBotAdapterDeps {
  readonly log?: Logger | undefined;
  readonly translate?: ((lang: Lang) => Translate) | undefined;
  readonly now?: (() => Date) | undefined;
  readonly fetch?: typeof fetch | undefined;
  /** Where people can send files instead (the web chat), shown when a file cannot be received. */
  readonly webChatUrl: string;
  /** Language of that explanation (the office's default). */
  readonly lang?: Lang | undefined;
  /** A public https URL for a file we send; photos are sent by URL only. Absent: no files out. */
  readonly publicFileUrl?: ((file: OutboundFile) => string | undefined) | undefined;
  /** Long-poll wait per getUpdates call (tests shorten it). */
  readonly pollTimeoutSeconds?: number | undefined;
}

export function zaloBotCapabilities(filesOut: boolean): ChannelCapabilities {
  return {
    maxTextChars: ZALO_BOT_TEXT_LIMIT_CHARS,
    buttons: null,
    // Photos only: Zalo documents no file or document intake for bots.
    filesIn: { maxBytes: ZALO_BOT_INBOUND_FILE_MAX_BYTES },
    filesOut: filesOut ? { maxBytes: ZALO_BOT_INBOUND_FILE_MAX_BYTES } : null,
    edits: false,
    // Sending to a stored chat_id is shown as a use case; no window or quota is documented (429 only).
    proactive: { allowed: true, windowHours: null, costly: false, maxPerSecond: 5, maxPerChatPerSecond: 1 },
  };
}

export function createZaloBotAdapter(config: ZaloBotConfig, deps: ZaloBotAdapterDeps): ChannelAdapter {
  const log = deps.log ?? createLogger("silent");
  const translate = deps.translate ?? translator;
  const now = deps.now ?? (() => new Date());
  const client = createZaloBotClient({ apiRoot: config.apiRoot, token: config.token, fetch: deps.fetch });
  const explained: string[] = [];
  let sink: InboundSink | undefined;
  let poller: Poller | undefined;
  let stopped = true;

  const explain = async (chatId: string, messageId: string) => {
    if (explained.includes(messageId)) return;
    explained.push(messageId);
    if (explained.length > EXPLAINED_MEMORY) explained.shift();
    const t = translate(deps.lang ?? "vi");
    const r = await client.sendMessage(chatId, t("zalo:bot.fileUnsupported", { link: deps.webChatUrl }));
    if (!r.ok) log.warn("zalo-bot.explain_failed", { errorCode: r.errorCode });
  };

  const accept = async (body: unknown): Promise<void> => {
    const outcome = normalizeBotUpdate(body, now(), {
      download: (url, max) => client.download(url, max),
      maxFileBytes: ZALO_BOT_INBOUND_FILE_MAX_BYTES,
    });
    if (outcome.kind === "ignore") return;
    if (outcome.kind === "explain") return explain(outcome.chatId, outcome.messageId);
    if (!sink) throw new Error("zalo-bot adapter not started");
    await sink(outcome.event);
  };

  const setUp = async (): Promise<void> => {
    if (config.webhookUrl && config.webhookSecret) {
      const r = await client.setWebhook(config.webhookUrl, config.webhookSecret);
      if (!r.ok) throw new Error(`setWebhook: ${r.errorCode} ${r.description}`);
      log.info("zalo-bot.webhook_set");
      return;
    }
    // Zalo refuses getUpdates while a webhook is set.
    const r = await client.deleteWebhook();
    if (!r.ok) log.warn("zalo-bot.delete_webhook_failed", { errorCode: r.errorCode });
    if (stopped) return;
    poller = startPolling(client, accept, log, deps.pollTimeoutSeconds);
    log.info("zalo-bot.polling");
  };

  const starting = startWithRetry(setUp, () => stopped, log, {
    event: "zalo-bot.start_failed",
    retryMs: ZALO_BOT_INIT_RETRY_MS,
    errorChars: 200,
  });

  async function sendFile(chat: ChatRef, file: OutboundFile, caption: string): Promise<SendResult> {
    const url = deps.publicFileUrl?.(file);
    if (!url)
      return {
        status: "permanent",
        reason: "unsupported",
        detail: "zalo-bot sends files by public URL only",
      };
    const r = file.mimeType.startsWith("image/")
      ? await client.sendPhoto(chat.chatId, url, caption)
      : await client.sendMessage(chat.chatId, `${caption}\n${file.name}: ${url}`.trim());
    return r.ok
      ? { status: "sent", platformMessageId: String(r.result?.message_id ?? "") }
      : botSendResult(r.errorCode, r.description);
  }

  return {
    id: "zalo-bot",
    capabilities: zaloBotCapabilities(Boolean(deps.publicFileUrl)),
    async start(s) {
      sink = s;
      stopped = false;
      await starting.start();
    },
    async stop() {
      stopped = true;
      starting.cancel();
      await poller?.stop();
      poller = undefined;
      sink = undefined;
    },
    async send(chat, message) {
      if (chat.channel !== "zalo-bot")
        return { status: "permanent", reason: "invalid", detail: "not a zalo-bot chat" };
      if (message.file && !deps.publicFileUrl?.(message.file)) {
        return {
          status: "permanent",
          reason: "unsupported",
          detail: "zalo-bot sends files by public URL only",
        };
      }
      const chunks = renderForZaloBot(message, translate(message.lang));
      try {
        let last: SendResult = { status: "permanent", reason: "invalid", detail: "empty message" };
        for (const chunk of chunks) {
          const r = await client.sendMessage(chat.chatId, chunk);
          if (!r.ok) return botSendResult(r.errorCode, r.description);
          last = { status: "sent", platformMessageId: String(r.result?.message_id ?? "") };
        }
        if (message.file) last = await sendFile(chat, message.file, "");
        return last;
      } catch (err) {
        if (err instanceof ZaloBotHttpError) {
          // Unreachable or silent: the channel waits (no attempt spent, the dispatcher's backoff).
          return err.unreachable
            ? { status: "retryable", retryAfterMs: 0, reason: err.message, unavailable: true }
            : { status: "retryable", retryAfterMs: 30_000, reason: err.message };
        }
        throw err;
      }
    },
    webhook:
      config.webhookUrl && config.webhookSecret ? createBotWebhook(config.webhookSecret, accept) : undefined,
    // The Bot platform has no deep links carrying a payload: people send the invite code as text.
    inviteLink: () => undefined,
  };
}
