/**
 * The grammY seam: the only file of baocao that imports grammY. Everything else in this folder
 * uses what is re-exported here, so swapping or upgrading the SDK touches one file.
 */
import { Bot, GrammyError, HttpError, InputFile } from "grammy";

export type {
  BotCommand,
  CallbackQuery,
  File,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  PhotoSize,
  Update,
  UserFromGetMe,
} from "grammy/types";
export { GrammyError, HttpError, InputFile };
export type TelegramBot = Bot;

export interface TelegramAdapterConfig {
  readonly token: string;
  /** Webhook mode when set: the public URL Telegram posts to (our POST /webhooks/telegram). */
  readonly webhookUrl: string | undefined;
  readonly webhookSecret: string | undefined;
  /** Bot API server, without a trailing slash (tests: a fake server on 127.0.0.1). */
  readonly apiRoot: string;
  /** Overrides TELEGRAM_API_TIMEOUT_SECONDS, whole seconds (tests: a server that never answers). */
  readonly apiTimeoutSeconds?: number | undefined;
}

/**
 * Every Bot API call gives up after this long (grammY's default is 500 s). Long polling asks for
 * TELEGRAM_POLL_TIMEOUT_SECONDS, well below it.
 */
const TELEGRAM_API_TIMEOUT_SECONDS = 60;

export function createBot(config: TelegramAdapterConfig): Bot {
  return new Bot(config.token, {
    client: {
      apiRoot: config.apiRoot.replace(/\/+$/, ""),
      timeoutSeconds: config.apiTimeoutSeconds ?? TELEGRAM_API_TIMEOUT_SECONDS,
    },
  });
}
