/**
 * Who an obligation applies to, and to whom each unit submits. Units are indexed once (by kind and
 * by code) so that a plan of a dozen obligations over thousands of units stays a few passes.
 */
import type { Unit } from "./org";
import { isUnitValidOn } from "./org";
import type { Audience, SubmitTo } from "./plan";

export interface UnitIndex {
  readonly byKind: ReadonlyMap<string, readonly Unit[]>;
  /** A code may belong to several units over time (a dissolved unit and a successor). */
  readonly byCode: ReadonlyMap<string, readonly Unit[]>;
  readonly byId: ReadonlyMap<string, Unit>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexUnits(units: readonly Unit[]): UnitIndex {
  const byKind = new Map<string, Unit[]>();
  const byCode = new Map<string, Unit[]>();
  const byId = new Map<string, Unit>();
  for (const unit of units) {
    push(byKind, unit.kind, unit);
    push(byCode, unit.code, unit);
    byId.set(unit.id, unit);
  }
  return { byKind, byCode, byId };
}

/**
 * The units an audience names, whatever their validity (checked per period by the caller):
 * units of the listed kinds — schools only if they teach at least one of `levels` (the filter is
 * for schools; other kinds pass) — plus the explicit `units`, minus `exclude_units` (which wins
 * over both). Each unit appears once, in index order then explicit order.
 */
export function audienceUnits(audience: Audience, index: UnitIndex): Unit[] {
  const excluded = new Set(audience.exclude_units ?? []);
  const levels = audience.levels && audience.levels.length > 0 ? new Set<string>(audience.levels) : null;
  const seen = new Set<string>();
  const result: Unit[] = [];
  for (const kind of new Set(audience.kinds)) {
    for (const unit of index.byKind.get(kind) ?? []) {
      if (excluded.has(unit.code)) continue;
      if (levels && unit.kind === "school" && !unit.levels.some((l) => levels.has(l))) continue;
      seen.add(unit.id);
      result.push(unit);
    }
  }
  for (const code of audience.units ?? []) {
    if (excluded.has(code)) continue;
    for (const unit of index.byCode.get(code) ?? []) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      result.push(unit);
    }
  }
  return result;
}

/** Among units sharing a code or a kind, the one existing on the day, else the first. */
function pick(candidates: readonly Unit[] | undefined, day: string): Unit | undefined {
  if (!candidates) return undefined;
  return candidates.find((u) => isUnitValidOn(u, day)) ?? candidates[0];
}

/**
 * The recipient that is the same for every unit of an obligation: a unit named by code, or the
 * office. Undefined for the per-unit relations (parent, reports_to). Null when the plan names a
 * unit that is not in the organisation. `day` (the due day) chooses among units sharing a code or
 * being "the" office over time.
 */
export function sharedSubmitTo(submitTo: SubmitTo, index: UnitIndex, day: string): string | null | undefined {
  if ("unit" in submitTo) return pick(index.byCode.get(submitTo.unit), day)?.id ?? null;
  if (submitTo.relation === "office") return pick(index.byKind.get("office"), day)?.id ?? null;
  return undefined;
}

/** The unit an instance is submitted to, or null when there is none. */
export function resolveSubmitTo(
  submitTo: SubmitTo,
  unit: Unit,
  index: UnitIndex,
  day: string,
): string | null {
  const shared = sharedSubmitTo(submitTo, index, day);
  if (shared !== undefined) return shared;
  // reports_to is set where reports go elsewhere than the legal parent (DOMAIN §6).
  if ("relation" in submitTo && submitTo.relation === "reports_to") return unit.reportsToId ?? unit.parentId;
  return unit.parentId;
}
