/**
 * The links printed next to a code: the web chat (always) and the Telegram deep link when the
 * Telegram adapter has recorded the bot's username (setting "telegram.username", written after
 * getMe). Zalo links join here when those channels exist.
 */
import { type Db, getSetting } from "../db/index";

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
