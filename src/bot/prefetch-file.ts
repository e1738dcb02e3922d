/**
 * A file's bytes are fetched before the event's transaction opens. On SQLite a transaction holds
 * the one write lock: a 20 MB download inside it would hold every other chat's reply for as long.
 * Only a linked chat's file is fetched (a stranger's never is); the download runs once and its
 * result, or its error, is given to whoever asks for it inside the transaction.
 */
import type { DownloadResult, InboundEvent } from "../channels/types";
import { findLinkByChat } from "../db/channel-links";
import type { Db } from "../db/index";

export async function withPrefetchedFile(db: Db, event: InboundEvent): Promise<InboundEvent> {
  if (event.kind !== "file") return event;
  const link = await findLinkByChat(db, event.chat.channel, event.chat.chatId);
  if (!link) return event;
  let result: DownloadResult | undefined;
  let failure: unknown;
  try {
    result = await event.file.download();
  } catch (err) {
    failure = err;
  }
  const download = async (): Promise<DownloadResult> => {
    if (result === undefined) throw failure;
    return result;
  };
  return { ...event, file: { ...event.file, download } };
}
