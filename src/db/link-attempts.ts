/** Wrong invite codes per chat, kept only as long as the lockout can need them. */
import type { Kysely } from "kysely";
import type { ChannelId } from "../channels/types";
import { newId } from "./ids";
import type { Database } from "./schema";

type Conn = Kysely<Database>;

export async function recordLinkAttempt(
  db: Conn,
  channel: ChannelId,
  chatId: string,
  at: Date,
): Promise<void> {
  await db
    .insertInto("link_attempts")
    .values({ id: newId(), channel, chat_id: chatId, at: at.toISOString() })
    .execute();
}

/** Wrong attempts of this chat since `since`, oldest first. */
export async function linkAttemptsSince(
  db: Conn,
  channel: ChannelId,
  chatId: string,
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .selectFrom("link_attempts")
    .select("at")
    .where("channel", "=", channel)
    .where("chat_id", "=", chatId)
    .where("at", ">=", since.toISOString())
    .orderBy("at")
    .execute();
  return rows.map((r) => new Date(r.at));
}

/** Forgets attempts older than `before` (chat ids are personal data: keep them no longer than needed). */
export async function pruneLinkAttempts(db: Conn, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("link_attempts")
    .where("at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteLinkAttemptsOfChat(db: Conn, channel: ChannelId, chatId: string): Promise<void> {
  await db.deleteFrom("link_attempts").where("channel", "=", channel).where("chat_id", "=", chatId).execute();
}

/** Wrong attempts on a whole channel since `since`: how many, and the oldest of them. */
export async function channelLinkAttemptsSince(
  db: Conn,
  channel: ChannelId,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom("link_attempts")
    .select((eb) => [eb.fn.countAll<string | number>().as("count"), eb.fn.min("at").as("oldest")])
    .where("channel", "=", channel)
    .where("at", ">=", since.toISOString())
    .executeTakeFirst();
  const oldest = row?.oldest;
  return { count: Number(row?.count ?? 0), oldest: typeof oldest === "string" ? new Date(oldest) : null };
}
