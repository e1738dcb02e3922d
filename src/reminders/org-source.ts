/**
 * The organisation for planning passes, kept between ticks. Units, people and memberships valid
 * on the day (30,000 units and 60,000 people: most of a pass's reading) are read again only when
 * settings `org.version` moved — bumped by database triggers on every write to those tables,
 * whoever writes (migration 0071); a new local day only filters the memberships again.
 * Channel links are read at every pass: org.version does not count them, and a chat marked
 * unreachable or a newer link must take effect at once.
 */
import type { ChannelId } from "../channels/types";
import type { Db } from "../db/index";
import { getSetting } from "../db/index";
import { listPeople } from "../db/people";
import { listUnits } from "../db/units";
import { isMembershipValidOn, type Person, ROLES, type Role, type Unit } from "../domain/org";
import { localDateOf } from "../domain/time";
import { buildChats, buildStructure, type OrgSnapshot, type OrgStructure } from "./org";

/** settings key of the org change counter (migration 0071; the bot's org cache reads it too). */
const ORG_VERSION_SETTING = "org.version";

interface OrgRows {
  readonly version: string | undefined;
  readonly units: readonly Unit[];
  readonly people: readonly Person[];
  readonly memberships: readonly MembershipRow[];
}

interface MembershipRow {
  readonly personId: string;
  readonly unitId: string;
  readonly role: Role;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

async function loadRows(db: Db, version: string | undefined): Promise<OrgRows> {
  const [units, people, memberRows] = await Promise.all([
    listUnits(db),
    listPeople(db),
    db
      .selectFrom("memberships")
      .select(["person_id", "unit_id", "role", "valid_from", "valid_to"])
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  ]);
  const memberships = memberRows.flatMap((m) => {
    const role = ROLES.find((r) => r === m.role);
    if (!role) return [];
    const row = {
      personId: m.person_id,
      unitId: m.unit_id,
      role,
      validFrom: m.valid_from,
      validTo: m.valid_to,
    };
    return [row];
  });
  return { version, units, people, memberships };
}

/** The memberships in force on the day (dates as "YYYY-MM-DD" compare as text). */
function structureOn(rows: OrgRows, today: string): OrgStructure {
  const memberships = rows.memberships.filter((m) => isMembershipValidOn(m, today));
  return buildStructure({ units: rows.units, people: rows.people, memberships });
}

async function loadChats(db: Db, channels: readonly ChannelId[]) {
  const rows = await db
    .selectFrom("channel_links")
    .select(["person_id", "channel", "chat_id", "last_interaction_at"])
    .where("unreachable_at", "is", null)
    .execute();
  const links = rows.map((l) => ({
    personId: l.person_id,
    channel: l.channel as ChannelId,
    chatId: l.chat_id,
    lastInteractionAt: l.last_interaction_at === null ? null : new Date(l.last_interaction_at),
    unreachable: false,
  }));
  return buildChats(links, channels);
}

export interface OrgSource {
  /** The organisation as of `now`'s local day, with every person's reachable chats. */
  load(db: Db, now: Date): Promise<OrgSnapshot>;
}

export function createOrgSource(channels: readonly ChannelId[]): OrgSource {
  let rows: OrgRows | null = null;
  let structure: { day: string; value: OrgStructure } | null = null;
  return {
    async load(db, now) {
      const today = localDateOf(now);
      // Read before the org: a write landing in between makes the copy newer than its number
      // (the next pass reads again), never older. No counter (an old database): read every time.
      const version = await getSetting(db, ORG_VERSION_SETTING);
      if (!rows || version === undefined || rows.version !== version) {
        rows = await loadRows(db, version);
        structure = null;
      }
      if (structure?.day !== today) structure = { day: today, value: structureOn(rows, today) };
      return { ...structure.value, chats: await loadChats(db, channels) };
    },
  };
}
