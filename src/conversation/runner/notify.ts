/**
 * Messages to people other than the one writing: the unit's comms officer and head when the office
 * returns a report, the reporting line when an incident is reported. One message per person, to
 * the chat they used last (a reachable one), queued in the caller's transaction.
 */
import type { ChannelId, OutboundMessage } from "../../channels/types";
import { type Db, membershipInForce } from "../../db/index";
import type { Role } from "../../domain/org";
import { localDateOf } from "../../domain/time";
import { enqueueMessage, type OutboxKind } from "../../outbox/index";

/** Holders of the roles in the units at `now` (memberships not yet started or already ended are left out). */
export async function peopleWithRoles(
  db: Db,
  unitIds: readonly string[],
  roles: readonly Role[],
  now: Date,
): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom("memberships")
    .select("person_id")
    .distinct()
    .where("unit_id", "in", [...unitIds])
    .where("role", "in", [...roles])
    .where(membershipInForce(localDateOf(now)))
    .orderBy("person_id")
    .execute();
  return rows.map((r) => r.person_id);
}

export interface Notice {
  readonly message: OutboundMessage;
  readonly kind: OutboxKind;
  readonly now: Date;
  /** Made unique per person: `${dedupeKey}:${personId}`. */
  readonly dedupeKey: string;
}

/** Queues the message to each person's most recently used reachable chat; returns how many were queued. */
export async function notifyPeople(db: Db, personIds: readonly string[], notice: Notice): Promise<number> {
  if (personIds.length === 0) return 0;
  const links = await db
    .selectFrom("channel_links")
    .select(["person_id", "channel", "chat_id", "last_interaction_at", "linked_at"])
    .where("person_id", "in", [...personIds])
    .where("unreachable_at", "is", null)
    .execute();
  const best = new Map<string, (typeof links)[number]>();
  const recency = (l: (typeof links)[number]) => l.last_interaction_at ?? l.linked_at;
  for (const link of links) {
    const current = best.get(link.person_id);
    if (!current || recency(link) > recency(current)) best.set(link.person_id, link);
  }
  let queued = 0;
  for (const personId of personIds) {
    const link = best.get(personId);
    if (!link) continue;
    const result = await enqueueMessage(db, {
      chat: { channel: link.channel as ChannelId, chatId: link.chat_id },
      message: notice.message,
      kind: notice.kind,
      now: notice.now,
      personId,
      dedupeKey: `${notice.dedupeKey}:${personId}`,
    });
    if (result.queued) queued++;
  }
  return queued;
}
