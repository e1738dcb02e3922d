/**
 * Who gets a code in `baocao invite bulk`: one row per person, with the unit and role that best
 * describe them (a principal's school before their cluster), in units existing today, by the
 * memberships in force today.
 */
import type { Db } from "../db/index";
import { getPersonById, listMemberships, listUnits, type StoredUnit } from "../db/index";
import { isUnitValidOn, type LocalDate, type Person, type Role, type UnitKind } from "../domain/org";

const ROLE_ORDER: readonly Role[] = [
  "head",
  "comms",
  "deputy",
  "staff",
  "cluster_head",
  "office_staff",
  "admin",
];

export interface BulkTarget {
  readonly person: Person;
  readonly unit: StoredUnit;
  readonly role: Role;
}

export interface BulkFilter {
  readonly unitKind?: UnitKind | undefined;
  /** Skip people who already linked a chat. */
  readonly unlinkedOnly?: boolean | undefined;
}

export async function bulkTargets(db: Db, filter: BulkFilter, today: LocalDate): Promise<BulkTarget[]> {
  const units = new Map(
    (await listUnits(db))
      .filter((u) => isUnitValidOn(u, today) && (filter.unitKind === undefined || u.kind === filter.unitKind))
      .map((u) => [u.id, u]),
  );
  const linked = filter.unlinkedOnly
    ? new Set((await db.selectFrom("channel_links").select("person_id").execute()).map((r) => r.person_id))
    : new Set<string>();
  const best = new Map<string, { unit: StoredUnit; role: Role }>();
  for (const m of await listMemberships(db, { on: today })) {
    const unit = units.get(m.unitId);
    if (!unit || linked.has(m.personId)) continue;
    const current = best.get(m.personId);
    if (!current || rank(m.role, unit) < rank(current.role, current.unit))
      best.set(m.personId, { unit, role: m.role });
  }
  const targets: BulkTarget[] = [];
  for (const [personId, { unit, role }] of best) {
    const person = await getPersonById(db, personId);
    if (person) targets.push({ person, unit, role });
  }
  return targets.sort(
    (a, b) =>
      a.unit.code.localeCompare(b.unit.code) ||
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
      a.person.fullName.localeCompare(b.person.fullName, "vi"),
  );
}

function rank(role: Role, unit: StoredUnit): number {
  // Prefer a role in a school or centre (where reports are written) over an overseeing one.
  return ROLE_ORDER.indexOf(role) * 10 + (unit.kind === "school" || unit.kind === "center" ? 0 : 1);
}
