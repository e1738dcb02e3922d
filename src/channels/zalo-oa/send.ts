/**
 * Sending to a Zalo OA follower: choose the door (free consultation message or ZBS template, see
 * window.ts), then send the text in 2,000-character pieces and the file, if any, after it.
 */
import type { Lang, Translate } from "../../i18n/index";
import type { ChatRef, OutboundFile, OutboundMessage, SendResult } from "../types";
import { type Authorized, sendResultForToken, withAccessToken } from "./authorized";
import { ZaloHttpError, type ZaloOaClient, type ZaloResult } from "./client";
import { sendResultForError } from "./errors";
import { fileBody, imageBody, renderOaText, textBody, withTapRequest } from "./render";
import type { TokenManager } from "./tokens";
import { chooseOaRoute, insideFreeWindow, msUntilZbsAllowed } from "./window";
import type { ZbsSendRequest } from "./zbs";

/** Upload limits (reference §1.2): images jpg/png ≤ 1 MB, files PDF/DOC/DOCX/CSV ≤ 5 MB. */
export const ZALO_OA_IMAGE_MAX_BYTES = 1 * 1024 * 1024;
export const ZALO_OA_FILE_MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = new Set(["image/jpeg", "image/png"]);
const FILE_TYPES = new Set([
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "text/csv",
]);
/** Every type the OA can send as a file or an image (an .xlsx cannot go out through Zalo OA). */
export const ZALO_OA_FILE_OUT_TYPES: readonly string[] = [...FILE_TYPES, ...IMAGE_TYPES];

/** What the adapter needs to know about a recipient; src/db/zalo-oa-recipients.ts implements it. */
export interface OaRecipients {
  lastInteractionAt(chatId: string): Promise<Date | null>;
  phoneOf(chatId: string): Promise<string | null>;
}

export interface OaSenderOptions {
  readonly client: ZaloOaClient;
  readonly tokens: TokenManager;
  readonly recipients: OaRecipients;
  readonly templates: Readonly<Record<string, string>>;
  readonly sendZbs: (request: ZbsSendRequest) => Promise<SendResult>;
  readonly translate: (lang: Lang) => Translate;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly now: () => Date;
}

function uploadKind(file: OutboundFile): "image" | "file" | null {
  if (IMAGE_TYPES.has(file.mimeType) && file.sizeBytes <= ZALO_OA_IMAGE_MAX_BYTES) return "image";
  if (
    (FILE_TYPES.has(file.mimeType) || IMAGE_TYPES.has(file.mimeType)) &&
    file.sizeBytes <= ZALO_OA_FILE_MAX_BYTES
  ) {
    return "file";
  }
  return null;
}

export function createOaSender(options: OaSenderOptions) {
  const { client, tokens, now } = options;
  /** Buttons inside `cs` messages are unconfirmed: after one refusal, numbered text only. */
  let buttonsAccepted = true;

  const failure = (result: Authorized<unknown> & { ok: false }): SendResult =>
    "token" in result
      ? sendResultForToken(result.token)
      : sendResultForError(result.code, result.message, now(), msUntilZbsAllowed);

  const cs = (body: unknown) =>
    withAccessToken(
      tokens,
      (token): Promise<ZaloResult<{ messageId: string }>> => client.sendCs(token, body),
    );

  async function sendFile(userId: string, file: OutboundFile, kind: "image" | "file"): Promise<SendResult> {
    const bytes = await options.readFile(file.path);
    const uploaded = await withAccessToken(tokens, (token) =>
      client.upload(token, kind, { bytes, name: file.name, mimeType: file.mimeType }),
    );
    if (!uploaded.ok) return failure(uploaded);
    const ref = kind === "image" ? uploaded.data.attachmentId : uploaded.data.token;
    if (!ref) return { status: "retryable", retryAfterMs: 30_000, reason: "zalo upload returned no id" };
    const sent = await cs(kind === "image" ? imageBody(userId, ref) : fileBody(userId, ref));
    return sent.ok ? { status: "sent", platformMessageId: sent.data.messageId } : failure(sent);
  }

  async function sendCs(chat: ChatRef, message: OutboundMessage): Promise<SendResult> {
    const kind = message.file ? uploadKind(message.file) : undefined;
    if (kind === null) {
      return {
        status: "permanent",
        reason: "unsupported",
        detail: "zalo-oa accepts jpg/png ≤ 1 MB, pdf/doc/docx/csv ≤ 5 MB",
      };
    }
    const t = options.translate(message.lang);
    const { chunks, buttons } = renderOaText(message, t);
    let last: SendResult | undefined;
    for (const [i, chunk] of chunks.entries()) {
      const attach = i === chunks.length - 1 && buttonsAccepted ? buttons : null;
      let sent = await cs(textBody(chat.chatId, chunk, attach));
      if (!sent.ok && attach !== null && !("token" in sent) && sent.code === -201) {
        buttonsAccepted = false;
        sent = await cs(textBody(chat.chatId, chunk, null));
      }
      if (!sent.ok) return failure(sent);
      last = { status: "sent", platformMessageId: sent.data.messageId };
    }
    if (message.file && kind) last = await sendFile(chat.chatId, message.file, kind);
    return last ?? { status: "permanent", reason: "invalid", detail: "empty message" };
  }

  return async function send(chat: ChatRef, original: OutboundMessage): Promise<SendResult> {
    const message = withTapRequest(original);
    try {
      const reminderType = message.reminder?.type ?? null;
      const lastInteractionAt =
        reminderType === null ? null : await options.recipients.lastInteractionAt(chat.chatId);
      const needsPhone = reminderType !== null && !insideFreeWindow(lastInteractionAt, now());
      const route = chooseOaRoute({
        reminderType,
        lastInteractionAt,
        now: now(),
        templates: options.templates,
        phone: needsPhone ? await options.recipients.phoneOf(chat.chatId) : null,
      });
      if (route.kind === "closed")
        return { status: "permanent", reason: "window_closed", detail: route.detail };
      if (route.kind === "zbs") {
        return await options.sendZbs({
          phone: route.phone,
          templateId: route.templateId,
          params: message.reminder?.params ?? {},
        });
      }
      return await sendCs(chat, message);
    } catch (err) {
      if (err instanceof ZaloHttpError) {
        // Unreachable or silent: the channel waits (no attempt spent, the dispatcher's backoff).
        return err.unreachable
          ? { status: "retryable", retryAfterMs: 0, reason: err.message, unavailable: true }
          : { status: "retryable", retryAfterMs: 30_000, reason: err.message };
      }
      throw err;
    }
  };
}
