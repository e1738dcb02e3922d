/**
 * Updates for tests, built from the recorded-shape fixtures in test/fixtures/telegram with the ids
 * a test needs (update_id and message ids drive dedupe; file ids drive downloads).
 */
import fs from "node:fs";
import path from "node:path";

type Json = Record<string, unknown>;
export type TestUpdate = { update_id: number } & Json;

const FIXTURES = path.resolve(__dirname, "../../fixtures/telegram");

export function fixture(name: string): TestUpdate {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as TestUpdate;
}

function withChat(message: Json, chatId: number): Json {
  return {
    ...message,
    from: { ...(message.from as Json), id: chatId },
    chat: { ...(message.chat as Json), id: chatId },
  };
}

export interface Ids {
  readonly updateId: number;
  readonly chatId: number;
  readonly messageId?: number;
}

function message(name: string, ids: Ids, patch: Json): TestUpdate {
  const base = fixture(name);
  const m = withChat(base.message as Json, ids.chatId);
  return {
    update_id: ids.updateId,
    message: { ...m, message_id: ids.messageId ?? ids.updateId, ...patch },
  };
}

export const textUpdate = (ids: Ids, text: string): TestUpdate => message("text", ids, { text });

export const startUpdate = (ids: Ids, payload: string | null): TestUpdate =>
  message("start-payload", ids, { text: payload === null ? "/start" : `/start ${payload}` });

export function callbackUpdate(ids: Ids & { readonly queryId: string }, data: string): TestUpdate {
  const base = fixture("callback-query");
  const q = base.callback_query as Json;
  return {
    update_id: ids.updateId,
    callback_query: {
      ...q,
      id: ids.queryId,
      from: { ...(q.from as Json), id: ids.chatId },
      message: { ...(q.message as Json), chat: { ...((q.message as Json).chat as Json), id: ids.chatId } },
      data,
    },
  };
}

export function documentUpdate(
  ids: Ids,
  doc: {
    readonly fileId: string;
    readonly sizeBytes: number;
    readonly name: string;
    readonly mimeType: string;
  },
): TestUpdate {
  const base = fixture("document");
  const d = (base.message as Json).document as Json;
  return message("document", ids, {
    document: {
      ...d,
      file_id: doc.fileId,
      file_size: doc.sizeBytes,
      file_name: doc.name,
      mime_type: doc.mimeType,
    },
  });
}

export function photoUpdate(ids: Ids, fileId: string, sizeBytes: number): TestUpdate {
  const base = fixture("photo");
  const sizes = (base.message as Json).photo as Json[];
  const largest = sizes[sizes.length - 1] as Json;
  return message("photo", ids, {
    photo: [...sizes.slice(0, -1), { ...largest, file_id: fileId, file_size: sizeBytes }],
  });
}
