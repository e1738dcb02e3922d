/**
 * OutboundMessage → Zalo Bot texts: no buttons on this platform, so choices are a numbered list;
 * at most 2,000 characters per message, split at paragraph/line/space boundaries.
 */
import type { Translate } from "../../i18n/index";
import { chunkText, renderTextWithChoices } from "../render";
import type { OutboundMessage } from "../types";

export const ZALO_BOT_TEXT_LIMIT_CHARS = 2000;

export function renderForZaloBot(message: OutboundMessage, t: Translate): string[] {
  return chunkText(renderTextWithChoices(message, t), ZALO_BOT_TEXT_LIMIT_CHARS);
}
