/**
 * Rendering shared by every adapter: an OutboundMessage's parts become paragraphs of plain text,
 * long texts are split at natural boundaries, and channels without buttons show choices as a
 * numbered list that people answer with "1", "2"… (mapped back to payloads by src/inbound/choices).
 */
import type { Translate } from "../i18n/index";
import type { Button, OutboundMessage, TextPart } from "./types";

export function renderPart(part: TextPart, t: Translate): string {
  return "key" in part ? t(part.key, part.params ? { ...part.params } : undefined) : part.text;
}

/** Parts → paragraphs separated by a blank line. */
export function renderText(message: OutboundMessage, t: Translate): string {
  return message.parts
    .map((p) => renderPart(p, t).trim())
    .filter((p) => p !== "")
    .join("\n\n");
}

/** "1. Có\n2. Không": one line per button, numbered from 1 in the order given. */
export function numberedChoices(buttons: readonly Button[], t: Translate): string {
  return buttons.map((b, i) => `${i + 1}. ${renderPart(b.label, t).trim()}`).join("\n");
}

/** Text, then the numbered choices and how to answer them: the whole message for a text-only channel. */
export function renderTextWithChoices(message: OutboundMessage, t: Translate): string {
  const text = renderText(message, t);
  if (!message.buttons || message.buttons.length === 0) return text;
  const choices = `${numberedChoices(message.buttons, t)}\n${t("channels:choices.hint")}`;
  return text === "" ? choices : `${text}\n\n${choices}`;
}

const BREAKS = ["\n\n", "\n", " "] as const;

/**
 * Splits text into pieces of at most `maxChars` UTF-16 units (the unit Telegram and Zalo count),
 * preferring a paragraph break, then a line break, then a space. A word is cut only when it alone
 * is longer than the limit, and never between the two halves of a surrogate pair (emoji).
 */
export function chunkText(text: string, maxChars: number): string[] {
  if (maxChars < 2) throw new RangeError("chunkText: maxChars must be at least 2");
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    let cut = -1;
    for (const sep of BREAKS) {
      const at = window.lastIndexOf(sep);
      if (at > 0) {
        cut = at;
        break;
      }
    }
    if (cut <= 0) {
      cut = maxChars;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // keep a surrogate pair together
    }
    const piece = rest.slice(0, cut).trimEnd();
    if (piece !== "") chunks.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== "") chunks.push(rest);
  return chunks;
}
