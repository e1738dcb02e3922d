/**
 * The links printed next to a code: the web chat (always) and the Telegram deep link when the
 * Telegram adapter has recorded the bot's username (setting "telegram.username", written after
 * getMe). Zalo links join here when those channels exist.
 */
import type { ChannelAdapter } from "../channels/types";
import { type Db, getSetting, setSetting } from "../db/index";

export const TELEGRAM_USERNAME_SETTING = "telegram.username";

export interface InviteLinks {
  readonly web: string;
  readonly telegram: string | undefined;
}

export interface LinkTargets {
  readonly publicUrl: string;
  /** Without "@"; undefined when Telegram is not configured or its username is not known yet. */
  readonly telegramUsername: string | undefined;
}

export function inviteLinks(code: string, targets: LinkTargets): InviteLinks {
  const encoded = encodeURIComponent(code);
  return {
    web: `${targets.publicUrl}/chat?code=${encoded}`,
    telegram:
      targets.telegramUsername === undefined
        ? undefined
        : `https://t.me/${targets.telegramUsername}?start=${encoded}`,
  };
}

/** Where links point, from config and the stored Telegram username. */
export async function linkTargets(
  db: Db,
  config: { readonly publicUrl: string; readonly telegram: unknown },
): Promise<LinkTargets> {
  const stored = config.telegram === undefined ? undefined : await getSetting(db, TELEGRAM_USERNAME_SETTING);
  const username = stored?.trim().replace(/^@/, "");
  return { publicUrl: config.publicUrl, telegramUsername: username ? username : undefined };
}

/**
 * Stores the Telegram bot's username, read from the running adapter's invite link, so that the CLI
 * (which does not start adapters) can print t.me links. Call once after the adapter started.
 */
export async function recordTelegramUsername(
  db: Db,
  adapter: ChannelAdapter,
  now: Date,
): Promise<string | undefined> {
  const link = adapter.inviteLink?.("X");
  const username = link ? /^https:\/\/t\.me\/([A-Za-z0-9_]+)\?start=X$/.exec(link)?.[1] : undefined;
  if (username) await setSetting(db, TELEGRAM_USERNAME_SETTING, username, now);
  return username;
}
