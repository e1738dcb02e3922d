/**
 * The web chat's store (interface in src/channels/web/store.ts) over Kysely: sessions, history
 * and file records. Only types cross from the channel folder; rows do not leak past this file.
 */
import type {
  AppendMessage,
  StoredWebMessage,
  WebChatStore,
  WebDirection,
  WebFileRecord,
  WebSession,
} from "../channels/web/store";
import type { Db } from "./connect";
import { newId } from "./ids";
import type { WebFileTable, WebMessageTable, WebSessionTable } from "./schema";

/** Two writers racing for the same next seq (PostgreSQL): the loser retries this many times. */
const APPEND_ATTEMPTS = 5;

const direction = (value: string): WebDirection => (value === "in" ? "in" : "out");

function toSession(row: WebSessionTable): WebSession {
  return {
    id: row.id,
    chatId: row.chat_id,
    linked: row.linked === 1,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

function toMessage(row: WebMessageTable): StoredWebMessage {
  let body: unknown;
  try {
    body = JSON.parse(row.body);
  } catch {
    body = null;
  }
  return {
    id: row.id,
    chatId: row.chat_id,
    seq: Number(row.seq),
    direction: direction(row.direction),
    body,
    clientId: row.client_id,
    createdAt: new Date(row.created_at),
  };
}

function toFile(row: WebFileTable): WebFileRecord {
  return {
    id: row.id,
    chatId: row.chat_id,
    direction: direction(row.direction),
    name: row.name,
    mimeType: row.mime_type,
    sizeBytes: Number(row.size_bytes),
    storageKey: row.storage_key,
    createdAt: new Date(row.created_at),
  };
}

async function appendOnce(
  db: Db,
  input: AppendMessage,
): Promise<{ message: StoredWebMessage; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    if (input.clientId !== undefined) {
      const existing = await trx
        .selectFrom("web_messages")
        .selectAll()
        .where("chat_id", "=", input.chatId)
        .where("client_id", "=", input.clientId)
        .executeTakeFirst();
      if (existing) return { message: toMessage(existing), created: false };
    }
    const last = await trx
      .selectFrom("web_messages")
      .select((eb) => eb.fn.max("seq").as("max_seq"))
      .where("chat_id", "=", input.chatId)
      .executeTakeFirst();
    const row: WebMessageTable = {
      id: newId(),
      chat_id: input.chatId,
      seq: Number(last?.max_seq ?? 0) + 1,
      direction: input.direction,
      body: JSON.stringify(input.body),
      client_id: input.clientId ?? null,
      created_at: input.now.toISOString(),
    };
    await trx.insertInto("web_messages").values(row).execute();
    return { message: toMessage(row), created: true };
  });
}

export function createWebChatStore(db: Db): WebChatStore {
  return {
    async createSession(s) {
      await db
        .insertInto("web_sessions")
        .values({
          id: s.id,
          chat_id: s.chatId,
          linked: s.linked ? 1 : 0,
          created_at: s.createdAt.toISOString(),
          expires_at: s.expiresAt.toISOString(),
          revoked_at: null,
        })
        .execute();
    },
    async findSession(id) {
      const row = await db.selectFrom("web_sessions").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? toSession(row) : undefined;
    },
    async revokeSession(id, now) {
      await db
        .updateTable("web_sessions")
        .set({ revoked_at: now.toISOString() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .execute();
    },
    async deleteExpiredSessions(now) {
      const result = await db
        .deleteFrom("web_sessions")
        .where("expires_at", "<", now.toISOString())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async chatReachable(chatId, now) {
      const row = await db
        .selectFrom("web_sessions")
        .select("id")
        .where("chat_id", "=", chatId)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now.toISOString())
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async appendMessage(input) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await appendOnce(db, input);
        } catch (err) {
          // A unique violation means another writer took this seq (or this client id) first.
          if (attempt >= APPEND_ATTEMPTS || !/unique|duplicate/i.test(String(err))) throw err;
        }
      }
    },
    async listMessages(chatId, { afterSeq, limit }) {
      if (afterSeq !== undefined) {
        const rows = await db
          .selectFrom("web_messages")
          .selectAll()
          .where("chat_id", "=", chatId)
          .where("seq", ">", afterSeq)
          .orderBy("seq", "asc")
          .limit(limit)
          .execute();
        return rows.map(toMessage);
      }
      const rows = await db
        .selectFrom("web_messages")
        .selectAll()
        .where("chat_id", "=", chatId)
        .orderBy("seq", "desc")
        .limit(limit)
        .execute();
      return rows.reverse().map(toMessage);
    },
    async findMessage(chatId, seq) {
      const row = await db
        .selectFrom("web_messages")
        .selectAll()
        .where("chat_id", "=", chatId)
        .where("seq", "=", seq)
        .executeTakeFirst();
      return row ? toMessage(row) : undefined;
    },
    async addFile(f) {
      await db
        .insertInto("web_files")
        .values({
          id: f.id,
          chat_id: f.chatId,
          direction: f.direction,
          name: f.name,
          mime_type: f.mimeType,
          size_bytes: f.sizeBytes,
          storage_key: f.storageKey,
          created_at: f.createdAt.toISOString(),
        })
        .execute();
    },
    async findFile(chatId, id) {
      const row = await db
        .selectFrom("web_files")
        .selectAll()
        .where("id", "=", id)
        .where("chat_id", "=", chatId)
        .executeTakeFirst();
      return row ? toFile(row) : undefined;
    },
  };
}

/**
 * Deletes everything of these web chats (history, file records, sessions) for `people erase`;
 * returns the file vault keys whose bytes the caller removes (removeWebChatFiles).
 */
export async function eraseWebChats(db: Db, chatIds: readonly string[]): Promise<string[]> {
  if (chatIds.length === 0) return [];
  // Called on its own, or inside erasePerson's transaction (Kysely cannot nest transactions).
  const inTransaction = <T>(work: (trx: Db) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  return inTransaction(async (trx) => {
    const files = await trx
      .selectFrom("web_files")
      .select("storage_key")
      .where("chat_id", "in", chatIds)
      .execute();
    await trx.deleteFrom("web_files").where("chat_id", "in", chatIds).execute();
    await trx.deleteFrom("web_messages").where("chat_id", "in", chatIds).execute();
    await trx.deleteFrom("web_sessions").where("chat_id", "in", chatIds).execute();
    return files.map((f) => f.storage_key);
  });
}
