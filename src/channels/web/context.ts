/**
 * What the web chat's routes and adapter share: the injected store and lookups, the file vault,
 * the live hub, limits, and the sink once the adapter is started.
 */
import type { Lang } from "../../i18n/index";
import type { Logger } from "../../log";
import type { InboundSink } from "../types";
import type { LiveHub } from "./hub";
import type { WebChatStore } from "./store";
import type { FileVault } from "./vault";

/** Uploads (evidence photos, scanned PDFs, Office files) up to this size. */
export const WEB_FILE_IN_MAX_BYTES = 20 * 1024 * 1024;
/** Files the bot sends (exports, receipts) up to this size. */
export const WEB_FILE_OUT_MAX_BYTES = 50 * 1024 * 1024;
/** Longer bot texts are split into several bubbles: more than a phone screen is hard to follow. */
export const WEB_TEXT_MAX_CHARS = 4_000;
/** What a person may type in one message. */
export const WEB_TYPED_TEXT_MAX_CHARS = 4_000;
export const WEB_HISTORY_PAGE_MESSAGES = 200;

export interface WebChatDeps {
  readonly store: WebChatStore;
  /** Folder for file bytes, e.g. DATA_DIR/webchat/files. */
  readonly filesDir: string;
  /** HMAC key for the session cookie (see loadOrCreateSessionSecret). */
  readonly sessionSecret: string;
  /** PUBLIC_URL: invite links, the allowed Origin, and Secure cookies when it is https. */
  readonly publicUrl: string;
  /** Whether a person is linked to this web chat (the identity module's channel link lookup). */
  isLinked(chatId: string): Promise<boolean>;
  readonly defaultLang?: Lang | undefined;
  readonly log?: Logger | undefined;
  readonly now?: (() => Date) | undefined;
  /** Upload limit; tests lower it. */
  readonly maxUploadBytes?: number | undefined;
}

export interface WebChatContext {
  readonly store: WebChatStore;
  readonly vault: FileVault;
  readonly hub: LiveHub;
  readonly secret: string;
  readonly publicOrigin: string;
  readonly secureCookies: boolean;
  readonly defaultLang: Lang;
  readonly maxUploadBytes: number;
  readonly log: Logger | undefined;
  isLinked(chatId: string): Promise<boolean>;
  now(): Date;
  /** Set by the adapter's start(); inbound is refused (503) before it. */
  sink: InboundSink | undefined;
}
