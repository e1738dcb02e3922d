/**
 * OutboundMessage → Zalo OA consultation message bodies. Text is limited to 2,000 characters and
 * split at paragraph/line/space boundaries. Choices are always written as a numbered list (answer
 * "1", "2"…); OA query buttons are attached as well while the API accepts them, because buttons
 * inside v3 `cs` messages are not confirmed by Zalo's documentation (reference §1.2).
 */
import type { Translate } from "../../i18n/index";
import { chunkText, renderPart, renderTextWithChoices } from "../render";
import type { Button, OutboundMessage } from "../types";
import { ZALO_OA_ACTION_PREFIX } from "./normalize";

export const ZALO_TEXT_LIMIT_CHARS = 2000;
/** The official SDK caps text buttons at 5. */
export const ZALO_OA_MAX_BUTTONS = 5;
const ZALO_OA_BUTTON_TITLE_MAX_CHARS = 100;
/** Tapped on a reminder that has no other choice: any tap renews the 48-hour window. */
export const ZALO_ACK_PAYLOAD = "zalo.ack";

export interface OaButton {
  readonly title: string;
  readonly type: "oa.query.hide";
  readonly payload: string;
}

export interface RenderedOaText {
  readonly chunks: readonly string[];
  /** Buttons to attach to the last chunk, or null when there are none or too many. */
  readonly buttons: readonly OaButton[] | null;
}

/** Every reminder asks for a tap: a person who answers stays inside the free window. */
export function withTapRequest(message: OutboundMessage): OutboundMessage {
  if (!message.reminder || (message.buttons && message.buttons.length > 0)) return message;
  const ack: Button = { label: { key: "zalo:oa.ackLabel" }, payload: ZALO_ACK_PAYLOAD };
  return { ...message, buttons: [ack] };
}

export function renderOaText(message: OutboundMessage, t: Translate): RenderedOaText {
  const text = renderTextWithChoices(message, t);
  const chunks = chunkText(text, ZALO_TEXT_LIMIT_CHARS);
  const buttons = message.buttons ?? [];
  if (buttons.length === 0 || buttons.length > ZALO_OA_MAX_BUTTONS) return { chunks, buttons: null };
  return {
    chunks,
    buttons: buttons.map((b) => ({
      title: renderPart(b.label, t).trim().slice(0, ZALO_OA_BUTTON_TITLE_MAX_CHARS),
      type: "oa.query.hide",
      payload: `${ZALO_OA_ACTION_PREFIX}${b.payload}`,
    })),
  };
}

export function textBody(userId: string, text: string, buttons: readonly OaButton[] | null): unknown {
  const message =
    buttons === null
      ? { text }
      : { text, attachment: { type: "template", payload: { template_type: "button", buttons } } };
  return { recipient: { user_id: userId }, message };
}

export function imageBody(userId: string, attachmentId: string): unknown {
  return {
    recipient: { user_id: userId },
    message: {
      attachment: {
        type: "template",
        payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: attachmentId }] },
      },
    },
  };
}

export function fileBody(userId: string, token: string): unknown {
  return { recipient: { user_id: userId }, message: { attachment: { type: "file", payload: { token } } } };
}
