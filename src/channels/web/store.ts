/**
 * What the web chat needs from persistence, as a small interface: the adapter and routes never
 * import the database (src/db/web-chat.ts implements this over Kysely). Message bodies are the
 * rendered form the page shows, so history survives reloads and restarts without the engine.
 */
import { z } from "zod";

export interface WebFileRef {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
}

export interface WebButton {
  readonly label: string;
  readonly payload: string;
}

const fileRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
});

/** The stored (and sent-to-page) body of one bubble. */
export const webMessageBodySchema = z.discriminatedUnion("kind", [
  /** From the bot: paragraphs, buttons under them, an optional file. */
  z.object({
    kind: z.literal("bot"),
    paragraphs: z.array(z.string()),
    buttons: z.array(z.object({ label: z.string(), payload: z.string() })),
    file: fileRefSchema.optional(),
  }),
  z.object({ kind: z.literal("text"), text: z.string() }),
  /** A button tap; `replyTo` is the seq of the bot message whose button was tapped. */
  z.object({ kind: z.literal("action"), label: z.string(), payload: z.string(), replyTo: z.number() }),
  z.object({ kind: z.literal("file"), file: fileRefSchema, caption: z.string().optional() }),
  /** An invite code was sent; the code itself is not kept in history. */
  z.object({ kind: z.literal("start") }),
]);

export type WebMessageBody = z.infer<typeof webMessageBodySchema>;

export type WebDirection = "in" | "out";

/** A history row as stored; `body` is parsed JSON, checked by the web chat (parseWebMessage). */
export interface StoredWebMessage {
  readonly id: string;
  readonly chatId: string;
  readonly seq: number;
  readonly direction: WebDirection;
  readonly body: unknown;
  /** The page's id of an inbound message (lets the page match its pending bubble), else null. */
  readonly clientId: string | null;
  readonly createdAt: Date;
}

export interface WebMessage extends StoredWebMessage {
  readonly body: WebMessageBody;
}

/** Checks a stored row's body; a row written by an older version that no longer parses is skipped. */
export function parseWebMessage(row: StoredWebMessage): WebMessage | undefined {
  const parsed = webMessageBodySchema.safeParse(row.body);
  return parsed.success ? { ...row, body: parsed.data } : undefined;
}

export interface WebSession {
  readonly id: string;
  readonly chatId: string;
  readonly linked: boolean;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export interface WebFileRecord extends WebFileRef {
  readonly chatId: string;
  readonly direction: WebDirection;
  /** Name of the bytes in the file vault (never derived from user input). */
  readonly storageKey: string;
  readonly createdAt: Date;
}

export interface AppendMessage {
  readonly chatId: string;
  readonly direction: WebDirection;
  readonly body: WebMessageBody;
  /** The page's id for an inbound message: a second append with the same id returns the first. */
  readonly clientId?: string | undefined;
  readonly now: Date;
}

export interface WebChatStore {
  createSession(session: Omit<WebSession, "revokedAt">): Promise<void>;
  findSession(id: string): Promise<WebSession | undefined>;
  revokeSession(id: string, now: Date): Promise<void>;
  /** Removes sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: Date): Promise<number>;
  /**
   * True while the chat has a live session (not revoked, not expired): someone can still open it.
   * After logout or expiry nobody can, and a send says so (chat_not_found) instead of piling up.
   */
  chatReachable(chatId: string, now: Date): Promise<boolean>;
  appendMessage(
    input: AppendMessage,
  ): Promise<{ readonly message: StoredWebMessage; readonly created: boolean }>;
  /** Messages with seq > afterSeq, oldest first; without afterSeq, the latest `limit`. */
  listMessages(
    chatId: string,
    options: { readonly afterSeq?: number | undefined; readonly limit: number },
  ): Promise<StoredWebMessage[]>;
  findMessage(chatId: string, seq: number): Promise<StoredWebMessage | undefined>;
  addFile(file: WebFileRecord): Promise<void>;
  /** A file of this chat only: another chat's id gives undefined. */
  findFile(chatId: string, id: string): Promise<WebFileRecord | undefined>;
}
