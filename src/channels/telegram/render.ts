/**
 * OutboundMessage → what we hand the Bot API: plain-text chunks of at most 4096 UTF-16 units
 * (no parse_mode, so nothing needs escaping) and an inline keyboard for the buttons.
 */
import type { Translate } from "../../i18n/index";
import { chunkText, renderPart, renderText } from "../render";
import type { OutboundMessage } from "../types";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "./bot";

export const TELEGRAM_TEXT_LIMIT_CHARS = 4096;
/** callback_data is 1–64 bytes (Bot API). */
export const TELEGRAM_CALLBACK_DATA_MAX_BYTES = 64;
/** Labels up to this length sit two per row ("Có" | "Không"); longer ones get a row each. */
const TELEGRAM_SHORT_LABEL_CHARS = 14;

export type TelegramRendering =
  | {
      readonly ok: true;
      readonly chunks: readonly string[];
      readonly keyboard: InlineKeyboardMarkup | undefined;
    }
  | { readonly ok: false; readonly detail: string };

export function renderForTelegram(message: OutboundMessage, t: Translate): TelegramRendering {
  const chunks = chunkText(renderText(message, t), TELEGRAM_TEXT_LIMIT_CHARS);
  const buttons = message.buttons ?? [];
  for (const b of buttons) {
    const bytes = Buffer.byteLength(b.payload, "utf8");
    if (bytes < 1 || bytes > TELEGRAM_CALLBACK_DATA_MAX_BYTES) {
      return { ok: false, detail: `button payload of ${bytes} bytes (Telegram allows 1-64)` };
    }
  }
  if (chunks.length === 0 && !message.file) return { ok: false, detail: "empty message" };
  if (buttons.length === 0) return { ok: true, chunks, keyboard: undefined };

  const labelled: InlineKeyboardButton[] = buttons.map((b) => ({
    text: renderPart(b.label, t).trim(),
    callback_data: b.payload,
  }));
  const perRow = labelled.every((b) => b.text.length <= TELEGRAM_SHORT_LABEL_CHARS) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < labelled.length; i += perRow) rows.push(labelled.slice(i, i + perRow));
  return { ok: true, chunks, keyboard: { inline_keyboard: rows } };
}
