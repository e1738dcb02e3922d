/**
 * What the Zalo OA adapter needs to know about a recipient, read from channel_links (kept up to
 * date by the bot on every inbound message) and people: the last interaction, which decides
 * whether a free consultation message is allowed, and the phone number for ZBS templates.
 */
import type { Db } from "./connect";

export function createZaloOaRecipients(db: Db) {
  const link = (chatId: string) =>
    db.selectFrom("channel_links").where("channel", "=", "zalo-oa").where("chat_id", "=", chatId);
  return {
    async lastInteractionAt(chatId: string): Promise<Date | null> {
      const row = await link(chatId).select("last_interaction_at").executeTakeFirst();
      return row?.last_interaction_at ? new Date(row.last_interaction_at) : null;
    },
    async phoneOf(chatId: string): Promise<string | null> {
      const row = await link(chatId)
        .innerJoin("people", "people.id", "channel_links.person_id")
        .select("people.phone")
        .executeTakeFirst();
      return row?.phone ?? null;
    },
  };
}
