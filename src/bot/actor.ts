/**
 * Who may do what, as a pure value built from a person's memberships (issue 3 §5). Every inbound
 * event is resolved to an Actor before any handler runs; handlers ask `actor.can(action, unitId)`
 * and never look at roles themselves.
 *
 * The rules:
 * - head, deputy, comms, staff: view and submit for their own unit only;
 * - cluster_head (in any unit), and the head of a commune_office, district_office or cluster: also
 *   view every unit below theirs (units whose parent or reports_to is theirs, recursively);
 * - office_staff: view and submit for every unit (the Văn phòng enters reports sent on paper);
 * - admin: everything, and the admin commands.
 * A unit id the actor does not know (a forged button payload) is refused for everyone.
 */
import type { Membership, Person, Role, Unit, UnitKind } from "../domain/org";

export type Action = "view" | "submit" | "admin";

/** Roles that act for their own unit. */
const OWN_UNIT_ROLES: readonly Role[] = ["head", "deputy", "comms", "staff"];
/** Unit kinds whose head oversees the units below. */
export const SUPERVISING_KINDS: readonly UnitKind[] = ["commune_office", "district_office", "cluster"];

export interface Actor {
  readonly person: Person;
  readonly memberships: readonly Membership[];
  /** Units the person reports for (own-unit roles), in membership order. */
  readonly ownUnitIds: readonly string[];
  /** Units the person oversees, not counting their own (empty for office staff: they see all). */
  readonly supervisedUnitIds: ReadonlySet<string>;
  /** Văn phòng staff or admin: sees every unit. */
  readonly seesAll: boolean;
  readonly isAdmin: boolean;
  can(action: Action, unitId?: string): boolean;
}

/** Does this membership make its holder oversee the units below its unit? */
export function isSupervising(membership: Membership, unitKind: UnitKind | undefined): boolean {
  if (membership.role === "cluster_head") return true;
  return membership.role === "head" && unitKind !== undefined && SUPERVISING_KINDS.includes(unitKind);
}

/** Every unit below `rootId` by parent or reports_to, recursively; cycles are harmless. */
export function unitsBelow(rootId: string, units: readonly Unit[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    for (const up of [u.parentId, u.reportsToId]) {
      if (up === null || up === u.id) continue;
      const list = children.get(up) ?? [];
      list.push(u.id);
      children.set(up, list);
    }
  }
  const seen = new Set<string>();
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const child of children.get(id) ?? []) {
      if (child === rootId || seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return seen;
}

/**
 * `units` must hold every unit the actor's memberships name and, when one of them supervises,
 * every unit (to walk the tree). `knownUnitIds` is the set a unit id must belong to at all.
 */
export function buildActor(
  person: Person,
  memberships: readonly Membership[],
  units: readonly Unit[],
): Actor {
  const byId = new Map(units.map((u) => [u.id, u]));
  const own: string[] = [];
  const supervised = new Set<string>();
  let seesAll = false;
  let isAdmin = false;
  for (const m of memberships) {
    if (m.role === "admin") isAdmin = true;
    if (m.role === "admin" || m.role === "office_staff") seesAll = true;
    if (OWN_UNIT_ROLES.includes(m.role) && !own.includes(m.unitId)) own.push(m.unitId);
    if (isSupervising(m, byId.get(m.unitId)?.kind)) {
      for (const id of unitsBelow(m.unitId, units)) supervised.add(id);
    }
  }
  for (const id of own) supervised.delete(id);
  const ownSet = new Set(own);
  return {
    person,
    memberships,
    ownUnitIds: own,
    supervisedUnitIds: supervised,
    seesAll,
    isAdmin,
    can(action, unitId) {
      if (action === "admin") return isAdmin;
      if (unitId === undefined || !byId.has(unitId)) return false;
      if (seesAll) return true;
      if (action === "submit") return ownSet.has(unitId);
      return ownSet.has(unitId) || supervised.has(unitId);
    },
  };
}
