/**
 * Who may open an incident's record in the chat: whoever may view its unit (the unit's own people,
 * the heads overseeing it, the Văn phòng: `actor.can("view", unit)`), and the reporting line its
 * alerts go to (comms officer and head of the unit it reports to), who get the "Xem vụ việc" button.
 * A payload or reference is a request: it is checked here every time.
 */
import type { Actor } from "../../bot/actor";
import { type Incident, listIncidents } from "../../db/incidents";
import { getUnitById, type StoredUnit } from "../../db/index";
import type { Role } from "../../domain/org";
import type { Run } from "./context";

/** The roles of the unit above that an incident alert reaches. */
export const REPORTING_LINE_ROLES: readonly Role[] = ["comms", "head"];

/** The unit an incident of this unit is reported up to: its reports-to unit, else its parent. */
export function reportsToOf(unit: Pick<StoredUnit, "reportsToId" | "parentId">): string | null {
  return unit.reportsToId ?? unit.parentId ?? null;
}

export function mayViewIncident(
  actor: Actor,
  unit: Pick<StoredUnit, "id" | "reportsToId" | "parentId">,
): boolean {
  if (actor.can("view", unit.id)) return true;
  const up = reportsToOf(unit);
  return (
    up !== null &&
    actor.can("view", up) &&
    actor.memberships.some((m) => m.unitId === up && REPORTING_LINE_ROLES.includes(m.role))
  );
}

export interface VisibleIncident {
  readonly incident: Incident;
  readonly unit: StoredUnit;
}

/** The incident with this reference and its unit, when this person may see it; undefined otherwise. */
export async function visibleIncident(run: Run, incident: Incident | undefined) {
  if (!incident) return undefined;
  const unit = await getUnitById(run.trx, incident.unitId);
  return unit && mayViewIncident(run.ctx.actor, unit) ? { incident, unit } : undefined;
}

/** Open incidents this person may see, most recent first: the first `limit`, and how many in all. */
export async function visibleOpenIncidents(
  run: Run,
  limit: number,
): Promise<{ readonly shown: VisibleIncident[]; readonly total: number }> {
  const units = new Map<string, StoredUnit | undefined>();
  const shown: VisibleIncident[] = [];
  let total = 0;
  for (const incident of await listIncidents(run.trx, { status: "open" })) {
    if (!units.has(incident.unitId)) units.set(incident.unitId, await getUnitById(run.trx, incident.unitId));
    const unit = units.get(incident.unitId);
    if (!unit || !mayViewIncident(run.ctx.actor, unit)) continue;
    total++;
    if (shown.length < limit) shown.push({ incident, unit });
  }
  return { shown, total };
}
