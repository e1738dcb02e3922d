/**
 * Turns an outbound message into the bubble the page shows: texts in the reader's language, one
 * paragraph per part (a part's own blank lines also start paragraphs), buttons with their payloads.
 * The page wraps long texts itself, so nothing is split into several bubbles.
 */
import { translator } from "../../i18n/index";
import { renderPart } from "../render";
import type { OutboundMessage } from "../types";
import type { WebButton } from "./store";

export interface RenderedBotMessage {
  readonly paragraphs: string[];
  readonly buttons: WebButton[];
}

export function renderForWeb(message: OutboundMessage): RenderedBotMessage {
  const t = translator(message.lang);
  const paragraphs = message.parts
    .flatMap((part) => renderPart(part, t).split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const buttons = (message.buttons ?? []).map((b) => ({
    label: renderPart(b.label, t).trim(),
    payload: b.payload,
  }));
  return { paragraphs, buttons };
}
