/**
 * The organisation in memory for the bot: every unit, every person and their memberships, and the
 * Actor built for each person who writes. Reading it all for each event (a few thousand units) was
 * most of the bot's work; now it is read again only when the org changed.
 *
 * Invalidation: settings row `org.version` is bumped by database triggers on every write to units,
 * people and memberships (migration 0071), whoever writes (import, demo, erase, CLI in another
 * process). Each event reads the counter in its own transaction and reuses the snapshot only when
 * it carries that same number. Channel links are NOT cached: a removed link takes effect at once.
 *
 * Memberships are kept with their validity dates and filtered when an Actor is asked for, against
 * the event's moment: a membership ending (valid_to) or starting (valid_from) by the mere passing
 * of days writes nothing and moves no counter, so the snapshot cannot be built for one day only.
 * An Actor is built once per person and local day.
 */
import type { Db } from "../db/index";
import { getSetting } from "../db/index";
import { listMemberships, listPeople } from "../db/people";
import { listUnits, type StoredUnit } from "../db/units";
import { type DatedMembership, isMembershipValidOn, type Person } from "../domain/org";
import { localDateOf } from "../domain/time";
import { type Actor, buildActor } from "./actor";

/** settings key of the org change counter (migration 0071). */
export const ORG_VERSION_SETTING = "org.version";

export interface OrgSnapshot {
  /** The counter it was read at, or null when the counter is missing (then never reused). */
  readonly version: string | null;
  /** Every unit by id (authorization and names), in code order. */
  readonly units: ReadonlyMap<string, StoredUnit>;
  person(id: string): Person | undefined;
  /** The person's Actor at `now`: only memberships in force on its local day count. */
  actor(person: Person, now: Date): Actor;
}

export interface OrgCache {
  /** The org as of the caller's transaction. */
  snapshot(db: Db): Promise<OrgSnapshot>;
}

async function loadSnapshot(db: Db, version: string | null): Promise<OrgSnapshot> {
  // Read after the counter: a write landing in between makes the snapshot newer than its number,
  // and the next event reloads; never older.
  const unitList = await listUnits(db);
  const people = new Map((await listPeople(db)).map((p) => [p.id, p]));
  const memberships = new Map<string, DatedMembership[]>();
  // Ordered by unit then person, as listMemberships({ personId }) returns one person's.
  for (const m of await listMemberships(db)) {
    const list = memberships.get(m.personId);
    if (list) list.push(m);
    else memberships.set(m.personId, [m]);
  }
  const units = new Map(unitList.map((u) => [u.id, u]));
  // Actors of one local day; a new day starts afresh (memberships may have started or ended).
  let actorsDay: string | null = null;
  const actors = new Map<string, Actor>();
  return {
    version,
    units,
    person: (id) => people.get(id),
    actor(person, now) {
      const day = localDateOf(now);
      if (day !== actorsDay) {
        actors.clear();
        actorsDay = day;
      }
      let actor = actors.get(person.id);
      if (!actor) {
        const inForce = (memberships.get(person.id) ?? []).filter((m) => isMembershipValidOn(m, day));
        actor = buildActor(person, inForce, unitList);
        actors.set(person.id, actor);
      }
      return actor;
    },
  };
}

export function createOrgCache(): OrgCache {
  let current: OrgSnapshot | null = null;
  return {
    async snapshot(db) {
      const version = (await getSetting(db, ORG_VERSION_SETTING)) ?? null;
      if (current && version !== null && current.version === version) return current;
      const loaded = await loadSnapshot(db, version);
      current = loaded;
      return loaded;
    },
  };
}
