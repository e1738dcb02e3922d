/**
 * Turns an outbound message into the bubbles the page shows: texts in the reader's language, one
 * paragraph per part (a part's own blank lines also start paragraphs), buttons with their payloads.
 * A text over the limit becomes several bubbles split at paragraph/line/word boundaries; the
 * buttons and the file go with the last one, under the text they answer.
 */
import { translator } from "../../i18n/index";
import { chunkText, renderPart, renderText } from "../render";
import type { OutboundMessage } from "../types";
import type { WebButton } from "./store";

export interface RenderedBubble {
  readonly paragraphs: string[];
  readonly buttons: WebButton[];
}

const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");

export function renderForWeb(message: OutboundMessage, maxTextChars: number): RenderedBubble[] {
  const t = translator(message.lang);
  const text = renderText(message, t);
  const buttons = (message.buttons ?? []).map((b) => ({
    label: renderPart(b.label, t).trim(),
    payload: b.payload,
  }));
  const chunks = text.length > maxTextChars ? chunkText(text, maxTextChars) : [text];
  return chunks.map((chunk, i) => ({
    paragraphs: paragraphsOf(chunk),
    buttons: i === chunks.length - 1 ? buttons : [],
  }));
}
