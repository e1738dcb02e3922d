/**
 * Event → person → roles → units: who is writing, resolved from the chat before any handler runs.
 * An unknown chat resolves to nothing, and then gets only the explanation of how to link.
 */
import type { ChatRef } from "../channels/types";
import { type ChannelLink, findLinkByChat } from "../db/channel-links";
import type { Db } from "../db/index";
import { getPersonById, listMemberships } from "../db/people";
import { listUnits, type StoredUnit } from "../db/units";
import { type Actor, buildActor } from "./actor";

export interface ResolvedChat {
  readonly link: ChannelLink;
  readonly actor: Actor;
  /** Every unit by id (authorization and names). */
  readonly units: ReadonlyMap<string, StoredUnit>;
}

export async function resolveChat(db: Db, chat: ChatRef): Promise<ResolvedChat | undefined> {
  const link = await findLinkByChat(db, chat.channel, chat.chatId);
  if (!link) return undefined;
  const person = await getPersonById(db, link.personId);
  if (!person) return undefined;
  const memberships = await listMemberships(db, { personId: person.id });
  // All units: supervision walks the tree, and a payload may name any unit id. A province has a
  // few thousand units at most, read from one indexed table.
  const units = await listUnits(db);
  return { link, actor: buildActor(person, memberships, units), units: new Map(units.map((u) => [u.id, u])) };
}
