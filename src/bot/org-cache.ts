/**
 * The organisation in memory for the bot: every unit, every person and their memberships, and the
 * Actor built for each person who writes. Reading it all for each event (a few thousand units) was
 * most of the bot's work; now it is read again only when the org changed.
 *
 * Invalidation: settings row `org.version` is bumped by database triggers on every write to units,
 * people and memberships (migration 0071), whoever writes (import, demo, erase, CLI in another
 * process). Each event reads the counter in its own transaction and reuses the snapshot only when
 * it carries that same number. Channel links are NOT cached: a removed link takes effect at once.
 */
import type { Db } from "../db/index";
import { getSetting } from "../db/index";
import { listMemberships, listPeople } from "../db/people";
import { listUnits, type StoredUnit } from "../db/units";
import type { Membership, Person } from "../domain/org";
import { type Actor, buildActor } from "./actor";

/** settings key of the org change counter (migration 0071). */
export const ORG_VERSION_SETTING = "org.version";

export interface OrgSnapshot {
  /** The counter it was read at, or null when the counter is missing (then never reused). */
  readonly version: string | null;
  /** Every unit by id (authorization and names), in code order. */
  readonly units: ReadonlyMap<string, StoredUnit>;
  person(id: string): Person | undefined;
  /** The person's Actor, built once per snapshot. */
  actor(person: Person): Actor;
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
  const memberships = new Map<string, Membership[]>();
  // Ordered by unit then person, as listMemberships({ personId }) returns one person's.
  for (const m of await listMemberships(db)) {
    const list = memberships.get(m.personId);
    if (list) list.push(m);
    else memberships.set(m.personId, [m]);
  }
  const units = new Map(unitList.map((u) => [u.id, u]));
  const actors = new Map<string, Actor>();
  return {
    version,
    units,
    person: (id) => people.get(id),
    actor(person) {
      let actor = actors.get(person.id);
      if (!actor) {
        actor = buildActor(person, memberships.get(person.id) ?? [], unitList);
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
