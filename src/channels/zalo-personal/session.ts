/**
 * Our own narrow view of a logged-in personal Zalo account: the few things baocao does with it.
 * zca-client.ts implements it over zca-js (the only file that imports zca-js); tests implement it
 * with a fake. Nothing here is a zca-js type.
 */
import type { DownloadResult } from "../types";

/** What a QR login must keep to log in again without a new scan. Opaque to baocao. */
export interface PersonalCredentials {
  readonly cookie: unknown;
  readonly imei: string;
  readonly userAgent: string;
}

export interface PersonalAttachment {
  readonly url: string;
  readonly name: string | null;
  readonly sizeBytes: number | null;
  readonly isPhoto: boolean;
}

export interface PersonalMessage {
  /** The other person's uid for a direct chat; the group id for a group. */
  readonly threadId: string;
  readonly isGroup: boolean;
  /** Sent by the logged-in account itself (from another device). */
  readonly isSelf: boolean;
  readonly msgId: string;
  readonly fromId: string;
  readonly fromName: string | undefined;
  readonly timestampMs: number;
  readonly text: string | null;
  readonly attachment: PersonalAttachment | null;
}

export interface PersonalGroup {
  readonly id: string;
  readonly name: string;
  readonly memberCount: number;
}

/** Zalo closed the listener: 1000 we asked, 1006 network, 3000 another Zalo Web session, 3003 kicked. */
export interface PersonalClose {
  readonly code: number;
  readonly reason: string;
}

export interface PersonalListeners {
  connected(): void;
  message(message: PersonalMessage): void;
  closed(info: PersonalClose): void;
  error(error: unknown): void;
}

/** A failure reported by Zalo for one call, with its code when it gave one. */
export class PersonalZaloError extends Error {
  readonly code = "ZALO_PERSONAL";
  constructor(
    message: string,
    readonly zaloCode: number | null,
  ) {
    super(message);
    this.name = "PersonalZaloError";
  }
}

export interface PersonalSession {
  readonly ownId: string;
  sendText(threadId: string, text: string, isGroup: boolean): Promise<{ messageId: string }>;
  sendFile(threadId: string, path: string, caption: string, isGroup: boolean): Promise<{ messageId: string }>;
  listGroups(): Promise<PersonalGroup[]>;
  /** Starts the (single) web listener of the account. */
  listen(listeners: PersonalListeners): void;
  stop(): void;
  download(url: string, maxBytes: number): Promise<DownloadResult>;
}

export type QrLoginEvent =
  | { readonly type: "qr"; readonly pngBase64: string }
  | { readonly type: "expired" }
  | { readonly type: "scanned"; readonly displayName: string }
  | { readonly type: "declined" };

export interface PersonalLogin {
  withCredentials(credentials: PersonalCredentials): Promise<PersonalSession>;
  withQr(
    onEvent: (event: QrLoginEvent) => void,
  ): Promise<{ session: PersonalSession; credentials: PersonalCredentials }>;
}
