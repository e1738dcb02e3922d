/**
 * Event → person → roles → units: who is writing, resolved from the chat before any handler runs.
 * An unknown chat resolves to nothing, and then gets only the explanation of how to link.
 * The link is read for every event; the org behind it comes from the cache (org-cache.ts), and
 * only the memberships in force at `now` (the moment the bot acts) give the person any role.
 */
import type { ChatRef } from "../channels/types";
import { type ChannelLink, findLinkByChat } from "../db/channel-links";
import type { Db } from "../db/index";
import type { StoredUnit } from "../db/units";
import type { Actor } from "./actor";
import { createOrgCache, type OrgCache } from "./org-cache";

export interface ResolvedChat {
  readonly link: ChannelLink;
  readonly actor: Actor;
  /** Every unit by id (authorization and names). */
  readonly units: ReadonlyMap<string, StoredUnit>;
}

/** Without a cache, the org is read afresh (one-off callers). */
export async function resolveChat(
  db: Db,
  chat: ChatRef,
  now: Date,
  org: OrgCache = createOrgCache(),
): Promise<ResolvedChat | undefined> {
  const link = await findLinkByChat(db, chat.channel, chat.chatId);
  if (!link) return undefined;
  const snapshot = await org.snapshot(db);
  const person = snapshot.person(link.personId);
  if (!person) return undefined;
  return { link, actor: snapshot.actor(person, now), units: snapshot.units };
}
