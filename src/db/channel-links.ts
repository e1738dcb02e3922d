/**
 * Which chat belongs to which person. A chat belongs to one person; a person has at most one chat
 * per channel, so linking again on a channel moves the link (a new phone, a new Telegram account).
 */
import type { Kysely, Selectable } from "kysely";
import { CHANNEL_IDS, type ChannelId } from "../channels/types";
import { newId } from "./ids";
import type { ChannelLinkTable, Database } from "./schema";

type Conn = Kysely<Database>;

export interface ChannelLink {
  readonly id: string;
  readonly personId: string;
  readonly channel: ChannelId;
  readonly chatId: string;
  readonly platformUserId: string;
  readonly linkedAt: Date;
  readonly lastInteractionAt: Date | null;
  readonly unreachableAt: Date | null;
}

function toChannelId(value: string): ChannelId {
  const found = CHANNEL_IDS.find((c) => c === value);
  if (found === undefined) throw new Error(`channel_links holds an unknown channel "${value}"`);
  return found;
}

const date = (v: string | null): Date | null => (v === null ? null : new Date(v));

function toLink(row: Selectable<ChannelLinkTable>): ChannelLink {
  return {
    id: row.id,
    personId: row.person_id,
    channel: toChannelId(row.channel),
    chatId: row.chat_id,
    platformUserId: row.platform_user_id,
    linkedAt: new Date(row.linked_at),
    lastInteractionAt: date(row.last_interaction_at),
    unreachableAt: date(row.unreachable_at),
  };
}

export async function findLinkByChat(
  db: Conn,
  channel: ChannelId,
  chatId: string,
): Promise<ChannelLink | undefined> {
  const row = await db
    .selectFrom("channel_links")
    .selectAll()
    .where("channel", "=", channel)
    .where("chat_id", "=", chatId)
    .executeTakeFirst();
  return row ? toLink(row) : undefined;
}

export async function listLinksOfPerson(db: Conn, personId: string): Promise<ChannelLink[]> {
  const rows = await db
    .selectFrom("channel_links")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("channel")
    .execute();
  return rows.map(toLink);
}

export interface LinkChatInput {
  readonly personId: string;
  readonly channel: ChannelId;
  readonly chatId: string;
  readonly platformUserId: string;
  readonly at: Date;
}

export interface LinkChatResult {
  readonly link: ChannelLink;
  /** The person this chat belonged to before, when it was someone else. */
  readonly movedFromPersonId: string | null;
  /** The person's previous chat on this channel, now unlinked. */
  readonly replacedChatId: string | null;
}

/** Links the chat to the person, moving whatever link stood in the way. Call inside a transaction. */
export async function linkChat(db: Conn, input: LinkChatInput): Promise<LinkChatResult> {
  const previousOfChat = await findLinkByChat(db, input.channel, input.chatId);
  const previousOfPerson = await db
    .selectFrom("channel_links")
    .select(["id", "chat_id"])
    .where("person_id", "=", input.personId)
    .where("channel", "=", input.channel)
    .executeTakeFirst();
  await db
    .deleteFrom("channel_links")
    .where((eb) =>
      eb.or([
        eb.and([eb("channel", "=", input.channel), eb("chat_id", "=", input.chatId)]),
        eb.and([eb("person_id", "=", input.personId), eb("channel", "=", input.channel)]),
      ]),
    )
    .execute();
  const at = input.at.toISOString();
  const row = {
    id: newId(),
    person_id: input.personId,
    channel: input.channel,
    chat_id: input.chatId,
    platform_user_id: input.platformUserId,
    linked_at: at,
    last_interaction_at: at,
    unreachable_at: null,
  };
  await db.insertInto("channel_links").values(row).execute();
  return {
    link: toLink(row),
    movedFromPersonId:
      previousOfChat && previousOfChat.personId !== input.personId ? previousOfChat.personId : null,
    replacedChatId:
      previousOfPerson && previousOfPerson.chat_id !== input.chatId ? previousOfPerson.chat_id : null,
  };
}

export async function unlinkChat(db: Conn, channel: ChannelId, chatId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("channel_links")
    .where("channel", "=", channel)
    .where("chat_id", "=", chatId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The person wrote to us: the free-message window (Zalo OA) restarts, and the chat is reachable. */
export async function touchLink(db: Conn, linkId: string, at: Date): Promise<void> {
  await db
    .updateTable("channel_links")
    .set({ last_interaction_at: at.toISOString(), unreachable_at: null })
    .where("id", "=", linkId)
    .execute();
}

/** The platform said the chat is gone (blocked the bot, deleted the account). */
export async function markLinkUnreachable(
  db: Conn,
  channel: ChannelId,
  chatId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable("channel_links")
    .set({ unreachable_at: at.toISOString() })
    .where("channel", "=", channel)
    .where("chat_id", "=", chatId)
    .execute();
}

export async function deleteLinksOfPerson(db: Conn, personId: string): Promise<ChannelLink[]> {
  const links = await listLinksOfPerson(db, personId);
  await db.deleteFrom("channel_links").where("person_id", "=", personId).execute();
  return links;
}
