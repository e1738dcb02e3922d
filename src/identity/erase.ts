/**
 * Erasing a person (Law 91/2025, right to erasure). The row stays as a nameless stub so that what
 * the unit submitted stays attributed to the unit (articles, and issue 4's submissions, point at
 * the unit; their submitted_by now names nobody). Gone: name, phone, e-mail, form of address,
 * roles, channel links, invites, lockout records of their chats, and messages queued or sent to them.
 */
import type { ChannelId } from "../channels/types";
import { deleteLinksOfPerson } from "../db/channel-links";
import type { Db } from "../db/index";
import { deleteInvitesOfPerson } from "../db/invites";
import { deleteLinkAttemptsOfChat } from "../db/link-attempts";

/** What an erased person's name becomes. Stored data, not a UI text: it is the same in every language. */
export const ERASED_NAME = "(đã xoá)";

/**
 * Personal data other modules keep per chat (e.g. web chat history): they add an eraser here via
 * the composition root, called in the same transaction with the chats the person had.
 */
export type PersonalDataEraser = (
  trx: Db,
  erased: { readonly personId: string; readonly chats: readonly { channel: ChannelId; chatId: string }[] },
) => Promise<void>;

export interface EraseSummary {
  readonly channelLinks: number;
  readonly invites: number;
  readonly memberships: number;
  readonly messages: number;
}

export async function erasePerson(
  db: Db,
  personId: string,
  now: Date,
  erasers: readonly PersonalDataEraser[] = [],
): Promise<EraseSummary> {
  return db.transaction().execute(async (trx) => {
    const links = await deleteLinksOfPerson(trx, personId);
    const chats = links.map((l) => ({ channel: l.channel, chatId: l.chatId }));
    for (const chat of chats) await deleteLinkAttemptsOfChat(trx, chat.channel, chat.chatId);
    const invites = await deleteInvitesOfPerson(trx, personId);
    const memberships = await trx
      .deleteFrom("memberships")
      .where("person_id", "=", personId)
      .executeTakeFirst();
    // Queued and sent messages carry the person's name in their parameters.
    const messages = await trx.deleteFrom("outbox").where("person_id", "=", personId).executeTakeFirst();
    await trx
      .updateTable("people")
      .set({
        full_name: ERASED_NAME,
        phone: null,
        email: null,
        address_as: null,
        updated_at: now.toISOString(),
      })
      .where("id", "=", personId)
      .execute();
    for (const erase of erasers) await erase(trx, { personId, chats });
    return {
      channelLinks: links.length,
      invites,
      memberships: Number(memberships.numDeletedRows),
      messages: Number(messages.numDeletedRows),
    };
  });
}
