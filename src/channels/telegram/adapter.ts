/**
 * The Telegram adapter: long polling by default, webhook mode when a webhook URL is configured.
 * Inbound updates are normalized and pushed into the sink; button taps are always answered
 * (otherwise Telegram shows a spinner on the button for a while). Outbound messages are rendered
 * as plain text chunks with an inline keyboard on the last one.
 */
import { type Lang, type Translate, translator } from "../../i18n/index";
import type { Logger } from "../../log";
import { startWithRetry } from "../start-retry";
import type { ChannelAdapter, ChannelCapabilities, InboundSink, SendResult } from "../types";
import { createBot, InputFile, type TelegramAdapterConfig, type Update } from "./bot";
import { telegramCommands } from "./commands";
import { createFileDownloader, TELEGRAM_DOWNLOAD_LIMIT_BYTES } from "./download";
import { toSendResult } from "./errors";
import { normalizeUpdate } from "./normalize";
import { renderForTelegram, TELEGRAM_CALLBACK_DATA_MAX_BYTES, TELEGRAM_TEXT_LIMIT_CHARS } from "./render";
import { createWebhookHandler } from "./webhook";

/** Bots may upload documents up to 50 MB through the hosted Bot API. */
const TELEGRAM_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;
/** Long-poll wait per getUpdates call. */
const TELEGRAM_POLL_TIMEOUT_SECONDS = 25;
/** After a failed getMe/setWebhook at start (Telegram unreachable), try again this often. */
const TELEGRAM_INIT_RETRY_MS = 30_000;
/** We read messages and button taps; everything else (edits, reactions, members) is not asked for. */
const ALLOWED_UPDATES = ["message", "callback_query"] as const;
const INVITE_CODE = /^[A-Za-z0-9_-]{1,64}$/;

export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  maxTextChars: TELEGRAM_TEXT_LIMIT_CHARS,
  buttons: { maxButtons: 100, maxLabelChars: 64, maxPayloadBytes: TELEGRAM_CALLBACK_DATA_MAX_BYTES },
  filesIn: { maxBytes: TELEGRAM_DOWNLOAD_LIMIT_BYTES },
  filesOut: { maxBytes: TELEGRAM_UPLOAD_LIMIT_BYTES },
  edits: true,
  // A bot can write to anyone who has started it; Telegram FAQ: ~30 messages/s overall, 1/s per chat.
  proactive: { allowed: true, windowHours: null, costly: false, maxPerSecond: 30, maxPerChatPerSecond: 1 },
};

export interface TelegramAdapterDeps {
  readonly log: Logger;
  readonly translate?: ((lang: Lang) => Translate) | undefined;
  readonly now?: (() => Date) | undefined;
  /** Used for file downloads (getFile links); defaults to the global fetch. */
  readonly fetch?: typeof fetch | undefined;
}

export function createTelegramAdapter(
  config: TelegramAdapterConfig,
  deps: TelegramAdapterDeps,
): ChannelAdapter {
  const { log } = deps;
  const translate = deps.translate ?? translator;
  const now = deps.now ?? (() => new Date());
  const bot = createBot(config);
  const download = createFileDownloader({
    apiRoot: config.apiRoot,
    token: config.token,
    getFile: (id) => bot.api.getFile(id),
    fetch: deps.fetch,
  });

  let sink: InboundSink | null = null;
  let stopped = false;
  let polling: Promise<void> | null = null;
  const answering = new Set<Promise<unknown>>();

  const answerCallback = (id: string) => {
    const p = bot.api
      .answerCallbackQuery(id)
      .catch((err: unknown) =>
        log.warn("telegram.answer_callback_failed", { error: String(err).slice(0, 200) }),
      )
      .finally(() => answering.delete(p));
    answering.add(p);
  };

  const accept = async (update: Update): Promise<void> => {
    try {
      let event: ReturnType<typeof normalizeUpdate>;
      try {
        event = normalizeUpdate(update, download, now());
      } catch (err) {
        // A shape we do not understand: drop it (redelivering would not help) and say so.
        log.warn("telegram.malformed_update", {
          updateId: update.update_id,
          error: String(err).slice(0, 200),
        });
        return;
      }
      if (!event) return;
      if (!sink) throw new Error("telegram adapter not started");
      await sink(event);
    } finally {
      if (update.callback_query) answerCallback(update.callback_query.id);
    }
  };

  bot.use(async (ctx) => accept(ctx.update));
  bot.catch((err) => {
    // Polling only: the sink could not accept the update (database down); grammY moves past it.
    log.error("telegram.update_dropped", {
      updateId: err.ctx.update.update_id,
      error: String(err.error).slice(0, 300),
    });
  });

  const setUp = async (): Promise<void> => {
    await bot.init();
    for (const lang of ["vi", "en"] as const) {
      // The Vietnamese list is the default; people whose Telegram speaks English get English.
      const scope = lang === "vi" ? {} : { language_code: "en" as const };
      await bot.api
        .setMyCommands(telegramCommands(translate(lang)), scope)
        .catch((err: unknown) =>
          log.warn("telegram.set_commands_failed", { lang, error: String(err).slice(0, 200) }),
        );
    }
    if (config.webhookUrl) {
      await bot.api.setWebhook(config.webhookUrl, {
        secret_token: config.webhookSecret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      log.info("telegram.webhook_set", { bot: bot.botInfo.username });
      return;
    }
    await new Promise<void>((resolve, reject) => {
      polling = bot
        .start({
          allowed_updates: [...ALLOWED_UPDATES],
          timeout: TELEGRAM_POLL_TIMEOUT_SECONDS,
          onStart: () => resolve(),
        })
        .catch((err: unknown) => {
          log.error("telegram.polling_stopped", { error: String(err).slice(0, 300) });
          reject(err);
        });
    });
    log.info("telegram.polling", { bot: bot.botInfo.username });
  };

  // Telegram may be unreachable (it is blocked by some Vietnamese ISPs): the rest of baocao keeps
  // running and we try again.
  const starting = startWithRetry(setUp, () => stopped, log, {
    event: "telegram.start_failed",
    retryMs: TELEGRAM_INIT_RETRY_MS,
    errorChars: 300,
  });

  const send = async (
    chat: { channel: string; chatId: string },
    message: Parameters<ChannelAdapter["send"]>[1],
  ) => {
    if (chat.channel !== "telegram")
      return { status: "permanent", reason: "invalid", detail: "not a telegram chat" } as const;
    const rendered = renderForTelegram(message, translate(message.lang));
    if (!rendered.ok) return { status: "permanent", reason: "invalid", detail: rendered.detail } as const;
    if (message.file && message.file.sizeBytes > TELEGRAM_UPLOAD_LIMIT_BYTES) {
      return { status: "permanent", reason: "unsupported", detail: "file over 50 MB" } as const;
    }
    try {
      let lastId = "";
      const last = rendered.chunks.length - 1;
      for (const [i, chunk] of rendered.chunks.entries()) {
        const withKeyboard = i === last && !message.file;
        const sent = await bot.api.sendMessage(chat.chatId, chunk, {
          link_preview_options: { is_disabled: true },
          ...(withKeyboard && rendered.keyboard ? { reply_markup: rendered.keyboard } : {}),
        });
        lastId = String(sent.message_id);
      }
      if (message.file) {
        const sent = await bot.api.sendDocument(
          chat.chatId,
          new InputFile(message.file.path, message.file.name),
          {
            ...(rendered.keyboard ? { reply_markup: rendered.keyboard } : {}),
          },
        );
        lastId = String(sent.message_id);
      }
      return { status: "sent", platformMessageId: lastId } as const;
    } catch (err) {
      return toSendResult(err);
    }
  };

  return {
    id: "telegram",
    capabilities: TELEGRAM_CAPABILITIES,
    async start(s) {
      sink = s;
      stopped = false;
      await starting.start();
    },
    async stop() {
      stopped = true;
      starting.cancel();
      if (bot.isRunning()) await bot.stop().catch(() => undefined);
      await polling;
      await Promise.allSettled([...answering]);
    },
    send: (chat, message): Promise<SendResult> => send(chat, message),
    webhook:
      config.webhookUrl && config.webhookSecret
        ? createWebhookHandler({
            secret: config.webhookSecret,
            onUpdate: (u) => accept(u as unknown as Update),
          })
        : undefined,
    inviteLink(code) {
      if (!bot.isInited() || !INVITE_CODE.test(code)) return undefined;
      return `https://t.me/${bot.botInfo.username}?start=${code}`;
    },
  };
}
