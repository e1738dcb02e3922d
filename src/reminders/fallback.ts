/**
 * Where a reminder goes when its chat failed for good (blocked bot, unknown chat, Zalo window
 * closed): the same message to the person's next linked channel; when they have none left, to
 * another member of the unit (head, deputy, comms, staff) who has not had this step yet; when
 * nobody is left, a line in reminder_undelivered for the office. Runs in the caller's transaction.
 */
import type { ChannelId, OutboundMessage } from "../channels/types";
import { type Db, membershipInForce } from "../db/index";
import {
  copiesWithPrefix,
  insertReminderMeta,
  personReminderCounts,
  type ReminderMetaRow,
  recordUndelivered,
} from "../db/reminders";
import { type AddressAs, givenName } from "../domain/org";
import { localDateOf } from "../domain/time";
import { translator } from "../i18n/index";
import { enqueueMany } from "../outbox/enqueue-many";
import { buildMessage } from "./messages";
import { specToJson } from "./spec";
import type { MessageSpec } from "./types";
import { placeReminder, type SendingRules } from "./window";

export interface FallbackInput {
  readonly meta: ReminderMetaRow;
  readonly spec: MessageSpec;
  readonly failedChannel: ChannelId;
  /** The failed row's message JSON: the next channel gets exactly the same words. */
  readonly message: string;
  readonly reason: string;
  readonly now: Date;
  readonly channels: readonly ChannelId[];
  readonly rules: SendingRules;
  readonly cap: number;
  readonly lang: "vi" | "en";
}

const LIVE = new Set(["pending", "sending", "sent", "failed", "deferred"]);
const CHANNEL_PREFERENCE = ["telegram", "zalo-oa", "zalo-bot", "zalo-personal", "web"];
const FALLBACK_ROLES = ["head", "deputy", "comms", "staff"];

/** Reachable chats of a person on configured channels, best first. */
async function chatsOf(db: Db, personId: string, channels: readonly ChannelId[]) {
  const rows = await db
    .selectFrom("channel_links")
    .select(["channel", "chat_id", "last_interaction_at"])
    .where("person_id", "=", personId)
    .where("unreachable_at", "is", null)
    .execute();
  return rows
    .filter((r) => channels.includes(r.channel as ChannelId))
    .sort(
      (a, b) =>
        (b.last_interaction_at ?? "").localeCompare(a.last_interaction_at ?? "") ||
        CHANNEL_PREFERENCE.indexOf(a.channel) - CHANNEL_PREFERENCE.indexOf(b.channel),
    )
    .map((r) => ({ channel: r.channel as ChannelId, chatId: r.chat_id }));
}

async function queue(
  db: Db,
  input: {
    meta: ReminderMetaRow;
    dedupeKey: string;
    baseKey: string;
    personId: string;
    chat: { channel: ChannelId; chatId: string };
  },
  message: OutboundMessage,
  spec: MessageSpec,
  notBefore: Date,
  counted: boolean,
  now: Date,
): Promise<boolean> {
  const deferred = notBefore.getTime() > now.getTime();
  const ids = await enqueueMany(
    db,
    [
      {
        chat: input.chat,
        message,
        kind: "reminder",
        personId: input.personId,
        dedupeKey: input.dedupeKey,
        notBefore,
        deferred,
      },
    ],
    now,
  );
  const id = ids.get(input.dedupeKey);
  if (id === undefined) return false;
  await insertReminderMeta(db, [
    {
      ...input.meta,
      outboxId: id,
      personId: input.personId,
      baseKey: input.baseKey,
      sendDay: localDateOf(notBefore),
      counted,
      spec: specToJson(spec),
    },
  ]);
  return true;
}

export async function queueFallback(db: Db, input: FallbackInput): Promise<string> {
  const { meta, now } = input;
  const personId = meta.personId;
  if (!personId) return "no_person";
  const copies = await copiesWithPrefix(db, meta.baseKey);
  const tried = new Set([
    input.failedChannel,
    ...copies.filter((c) => c.baseKey === meta.baseKey).map((c) => c.channel),
  ]);
  const next = (await chatsOf(db, personId, input.channels)).find((c) => !tried.has(c.channel));
  if (next) {
    const message = JSON.parse(input.message) as OutboundMessage;
    const dedupeKey = `${meta.baseKey}#${next.channel}`;
    const ok = await queue(
      db,
      { meta, dedupeKey, baseKey: meta.baseKey, personId, chat: next },
      message,
      input.spec,
      now,
      false,
      now,
    );
    return ok ? `next_channel:${next.channel}` : "already_queued";
  }
  const common = { unitId: meta.unitId, obligationCode: meta.obligationCode, periodKey: meta.periodKey };
  await recordUndelivered(
    db,
    [{ key: meta.baseKey, personId, ...common, reason: "all_channels_failed", detail: input.reason }],
    now,
  );
  if (input.spec.kind !== "reminder" || !meta.unitId) return "unreachable";
  return otherMember(db, input, personId);
}

async function otherMember(db: Db, input: FallbackInput, personId: string): Promise<string> {
  const { meta, now } = input;
  const spec = input.spec as Extract<MessageSpec, { kind: "reminder" }>;
  // reminder:<unit>:<obligation>:<period>:<step>:<person> → the step's prefix, shared by the unit.
  const prefix = meta.baseKey.slice(0, meta.baseKey.length - personId.length);
  const copies = await copiesWithPrefix(db, prefix);
  if (copies.some((c) => c.personId !== personId && LIVE.has(c.status))) return "unit_informed";
  const triedPeople = new Set(copies.map((c) => c.personId));
  const members = await db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .select(["m.person_id", "m.role", "p.full_name", "p.address_as"])
    .where("m.unit_id", "=", meta.unitId as string)
    .where("m.role", "in", FALLBACK_ROLES)
    // Only members in force now: someone who left the unit no longer carries its reminders.
    .where(membershipInForce(localDateOf(now), "m"))
    .execute();
  members.sort((a, b) => FALLBACK_ROLES.indexOf(a.role) - FALLBACK_ROLES.indexOf(b.role));
  const absent = await db
    .selectFrom("people")
    .select("full_name")
    .where("id", "=", personId)
    .executeTakeFirst();
  const t = translator(input.lang);
  for (const m of members) {
    if (triedPeople.has(m.person_id) || m.person_id === personId) continue;
    const chat = (await chatsOf(db, m.person_id, input.channels))[0];
    if (!chat) continue;
    const addressAs = (m.address_as as AddressAs | null) ?? "neutral";
    const respec: MessageSpec = {
      ...spec,
      addressee: {
        personId: m.person_id,
        title: t(`reminders:address.${addressAs}`),
        name: givenName(m.full_name),
      },
      onBehalfOf: absent?.full_name,
    };
    const message = buildMessage(respec);
    if (!message) return "nothing_to_say";
    const counts = await personReminderCounts(db, m.person_id, localDateOf(now));
    const at = placeReminder(input.rules, counts, m.person_id, input.cap, now, {
      ignoreWindow: spec.ignoreWindow,
    });
    const baseKey = `${prefix}${m.person_id}`;
    const ok = await queue(
      db,
      { meta, dedupeKey: baseKey, baseKey, personId: m.person_id, chat },
      message,
      respec,
      at,
      true,
      now,
    );
    if (ok) return `other_member:${m.person_id}`;
  }
  await recordUndelivered(
    db,
    [
      {
        key: prefix.slice(0, -1),
        personId: null,
        unitId: meta.unitId,
        obligationCode: meta.obligationCode,
        periodKey: meta.periodKey,
        reason: "no_recipient",
        detail: input.reason,
      },
    ],
    now,
  );
  return "nobody";
}
