/**
 * The channel contract. Every adapter (web, telegram, zalo-oa, zalo-bot, zalo-personal) implements
 * `ChannelAdapter`; nothing outside src/channels/<id>/ sees a platform type. Inbound updates are
 * normalized at the edge into `InboundEvent`s pushed into a sink; outbound messages are i18n keys
 * (or plan texts) plus optional buttons and file, rendered by each adapter.
 */
import type { Lang } from "../i18n/index";

export const CHANNEL_IDS = ["web", "telegram", "zalo-oa", "zalo-bot", "zalo-personal"] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

/** A conversation on one channel: a private chat with one person (or a group for digests). */
export interface ChatRef {
  readonly channel: ChannelId;
  /** The platform's chat/user id as a string (Telegram chat id, Zalo user id, web session's person). */
  readonly chatId: string;
}

export interface ChannelCapabilities {
  /** Longest text one message may carry; longer texts are split by the adapter. */
  readonly maxTextChars: number;
  /** Tappable buttons, or null: choices are then sent as a numbered list ("1. …") to answer by number. */
  readonly buttons: {
    readonly maxButtons: number;
    readonly maxLabelChars: number;
    readonly maxPayloadBytes: number;
  } | null;
  /** Files people can send us (evidence), or null when the platform gives bots no files. */
  readonly filesIn: { readonly maxBytes: number } | null;
  /** Files we can send (receipts, exports), or null. */
  readonly filesOut: {
    readonly maxBytes: number;
    /** Only files of these MIME types go out (Zalo OA: PDF, Word, CSV, JPEG, PNG); absent = any. */
    readonly mimeTypes?: readonly string[] | undefined;
  } | null;
  /** Can a sent message be edited later. */
  readonly edits: boolean;
  readonly proactive: {
    /** Can we message someone who has not written to us recently. */
    readonly allowed: boolean;
    /** Free-message window after the person's last interaction (Zalo OA: 48 h), or null for none. */
    readonly windowHours: number | null;
    /** Proactive sends cost money or a quota (ZBS templates). */
    readonly costly: boolean;
    /** Overall and per-chat send rates the platform tolerates. */
    readonly maxPerSecond: number;
    readonly maxPerChatPerSecond: number;
  };
}

export interface InboundSender {
  /** The platform's stable user id. */
  readonly platformUserId: string;
  /** As the platform shows it; never logged. */
  readonly displayName?: string | undefined;
}

export type DownloadResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: "too_large" | "unavailable"; readonly limitBytes?: number };

export interface InboundFile {
  readonly name: string | null;
  readonly mimeType: string | null;
  readonly sizeBytes: number | null;
  readonly isPhoto: boolean;
  /** Fetches the bytes; the adapter enforces its platform's limit (Telegram: 20 MB). */
  download(): Promise<DownloadResult>;
}

interface InboundBase {
  readonly channel: ChannelId;
  readonly chat: ChatRef;
  readonly sender: InboundSender;
  /** Platform id of this update/message: (channel, platformId) is unique; used to drop redeliveries. */
  readonly platformId: string;
  readonly receivedAt: Date;
}

export type InboundEvent = InboundBase &
  (
    | { readonly kind: "text"; readonly text: string }
    /** A button tap; payload as sent in `Button.payload`. */
    | { readonly kind: "action"; readonly payload: string }
    | { readonly kind: "file"; readonly file: InboundFile; readonly caption?: string | undefined }
    /** Opening the bot with a payload (Telegram /start <code>, Zalo link) or without (null). */
    | { readonly kind: "start"; readonly payload: string | null }
    /** Zalo OA follow/unfollow; other platforms do not send these. */
    | { readonly kind: "follow" }
    | { readonly kind: "unfollow" }
  );

/** Receives normalized events. Resolves once the event is durably accepted (deduplicated, queued). */
export type InboundSink = (event: InboundEvent) => Promise<void>;

/** A piece of message text: an i18n key with params, or text already in the reader's language. */
export type TextPart =
  | { readonly key: string; readonly params?: Readonly<Record<string, unknown>> | undefined }
  | { readonly text: string };

export interface Button {
  readonly label: TextPart;
  /** Returned as an `action` event when tapped. At most 64 bytes (Telegram's callback_data limit). */
  readonly payload: string;
}

export interface OutboundFile {
  readonly path: string;
  readonly name: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
}

export interface OutboundMessage {
  readonly lang: Lang;
  /** Rendered as paragraphs, separated by a blank line. */
  readonly parts: readonly TextPart[];
  readonly buttons?: readonly Button[] | undefined;
  readonly file?: OutboundFile | undefined;
  /**
   * Set on scheduled reminders: the reminder type (e.g. "overdue") and its values as plain text.
   * A channel that may not send free text outside an interaction window sends an approved
   * template instead (Zalo OA → ZBS template by phone), and asks for a tap to renew the window.
   * Other adapters ignore it.
   */
  readonly reminder?:
    | { readonly type: string; readonly params: Readonly<Record<string, string>> }
    | undefined;
}

export type PermanentReason =
  | "blocked"
  | "chat_not_found"
  | "window_closed"
  | "unsupported"
  | "invalid"
  | "not_configured";

export type SendResult =
  | { readonly status: "sent"; readonly platformMessageId: string }
  | {
      readonly status: "retryable";
      readonly retryAfterMs: number;
      readonly reason: string;
      /**
       * The platform is rate-limiting the bot (Telegram 429, Zalo -32 or 429, zca-js 221): every
       * chat of the channel waits `retryAfterMs`. Otherwise only this message waits (a ZBS template
       * at night must not hold the free replies to everybody else until 06:00). Costs the row no
       * attempt, as `unavailable` below.
       */
      readonly throttled?: boolean | undefined;
      /**
       * The channel cannot take any message right now, through no fault of this one: not
       * connected, the platform's server unreachable (connection refused, DNS, timeout), or our
       * own pacing ceiling. An answer from the platform (even a 5xx) is not this.
       *
       * Like `throttled`, it costs the row no attempt: the dispatcher waits for the channel (at
       * `retryAfterMs`, or its own bounded backoff) up to OUTBOX_MAX_CHANNEL_WAIT_MS, then gives
       * the row up ("channel unavailable for …") so that a reminder falls back to another channel.
       */
      readonly unavailable?: boolean | undefined;
    }
  | { readonly status: "permanent"; readonly reason: PermanentReason; readonly detail?: string | undefined };

/** Fetch-standard webhook handler, mounted by src/web at POST /webhooks/<channel id>. */
export type WebhookHandler = (request: Request) => Promise<Response>;

/** Another HTTP route a platform requires (Zalo OA: the domain-verification file, the OAuth callback). */
export interface ChannelRoute {
  readonly method: "GET" | "POST";
  /** Absolute path on our server, e.g. "/oauth/zalo-oa/callback". */
  readonly path: string;
  readonly handler: WebhookHandler;
}

export interface ChannelAdapter {
  readonly id: ChannelId;
  readonly capabilities: ChannelCapabilities;
  /** Starts receiving (polling, or readiness for webhooks); events go to the sink. */
  start(sink: InboundSink): Promise<void>;
  stop(): Promise<void>;
  send(chat: ChatRef, message: OutboundMessage): Promise<SendResult>;
  /** Present when the platform pushes updates to us over HTTP. */
  readonly webhook?: WebhookHandler | undefined;
  /** Extra routes mounted by src/web as they are, when the platform needs them. */
  readonly routes?: readonly ChannelRoute[] | undefined;
  /** A link that opens a chat with the bot carrying an invite code, where the platform supports it. */
  inviteLink?(code: string): string | undefined;
}
