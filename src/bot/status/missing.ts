/**
 * Which units have not sent a report's period: the units that owe the instance (the plan's
 * audience, existing on the period and the due day) whose status at `now` is neither submitted nor
 * exempt. The statuses are model.ts reportLines', the very computation /trangthai counts with,
 * so "3 chưa nộp" on /trangthai and the three units listed here are the same three.
 *
 * Used by the "Chưa nộp" buttons and /chuanop (missing-command.ts) and by
 * `baocao submissions missing` (src/cli/commands/submissions-missing.ts).
 */
import type { Db } from "../../db/index";
import { type UnitContact, unitContacts } from "../../db/unit-contacts";
import type { StoredUnit } from "../../db/units";
import { instancesOf } from "../../domain/instances";
import { isUnitValidOn, type LocalDate, type Role } from "../../domain/org";
import type { Obligation } from "../../domain/plan";
import type { ScheduledPeriod } from "../../domain/schedule";
import type { ReportStatus } from "../../domain/status";
import { daysBetween, localDateOf } from "../../domain/time";
import type { Actor } from "../actor";
import { isSubmitted, reportLines } from "./model";
import type { ActivePlan, SubmissionStatusSource } from "./sources";

/** Whom to call about a missing unit, in this order: who writes the reports, then the head. */
export const CONTACT_ROLES: readonly Role[] = ["comms", "head"];

export interface MissingEntry {
  readonly unit: StoredUnit;
  /** The unit it reports to (reports_to, else its parent), when there is one. */
  readonly line: StoredUnit | null;
  /** not_open, open or overdue. */
  readonly status: ReportStatus;
  /** Calendar days since the due day (0 unless overdue; 0 also on the due day itself). */
  readonly daysLate: number;
  readonly contacts: readonly UnitContact[];
}

export interface MissingReport {
  readonly obligation: Obligation;
  readonly scheduled: ScheduledPeriod;
  /** Units of the scope that owe the instance. */
  readonly total: number;
  /** Grouped by reporting line (line name, then unit name; units without a line last). */
  readonly missing: readonly MissingEntry[];
}

export interface MissingInput {
  readonly active: ActivePlan;
  readonly obligation: Obligation;
  readonly scheduled: ScheduledPeriod;
  /** The units asked about (missingScope for a person; the CLI's choice). */
  readonly scope: readonly StoredUnit[];
  /** Every unit by id, to name reporting lines outside the scope. */
  readonly units: ReadonlyMap<string, StoredUnit>;
  readonly now: Date;
  readonly submissions: SubmissionStatusSource;
}

/**
 * The units whose missing lists a person may see, or null when they may see none: the Văn phòng
 * (and admins) every unit existing today, an overseer the units below theirs (as /trangthai's
 * summary), anyone else nothing. A payload naming a report is never a permission.
 */
export function missingScope(
  actor: Actor,
  units: ReadonlyMap<string, StoredUnit>,
  today: LocalDate,
): StoredUnit[] | null {
  if (actor.seesAll) return [...units.values()].filter((u) => isUnitValidOn(u, today));
  if (actor.supervisedUnitIds.size === 0) return null;
  return [...actor.supervisedUnitIds]
    .map((id) => units.get(id))
    .filter((u): u is StoredUnit => u !== undefined && isUnitValidOn(u, today));
}

const byName = new Intl.Collator("vi");

export async function missingReport(db: Db, input: MissingInput): Promise<MissingReport> {
  const { obligation, scheduled } = input;
  const schedule = { obligation, kind: "report" as const, target: null, periods: [scheduled] };
  const instances = instancesOf([schedule], input.scope);
  const lines = await reportLines(db, input.active, instances, input.now, input.submissions);
  const unsent = lines.filter((l) => !isSubmitted(l.status));
  const today = localDateOf(input.now);
  const contacts = await unitContacts(
    db,
    unsent.map((l) => l.instance.unitId),
    CONTACT_ROLES,
    today,
  );
  const entries: MissingEntry[] = [];
  for (const l of unsent) {
    const unit = input.units.get(l.instance.unitId);
    if (!unit) continue;
    const lineId = unit.reportsToId ?? unit.parentId;
    entries.push({
      unit,
      line: lineId === null || lineId === unit.id ? null : (input.units.get(lineId) ?? null),
      status: l.status,
      daysLate: l.status === "overdue" ? Math.max(0, daysBetween(scheduled.dueDate, today)) : 0,
      contacts: contacts.get(unit.id) ?? [],
    });
  }
  entries.sort((a, b) => {
    if ((a.line === null) !== (b.line === null)) return a.line === null ? 1 : -1;
    const line = a.line && b.line ? byName.compare(a.line.name, b.line.name) : 0;
    return line || byName.compare(a.unit.name, b.unit.name);
  });
  return { obligation, scheduled, total: lines.length, missing: entries };
}

/** Entries grouped by reporting line, in the order given (missingReport's). */
export function byLine(
  entries: readonly MissingEntry[],
): { line: StoredUnit | null; entries: MissingEntry[] }[] {
  const groups: { line: StoredUnit | null; entries: MissingEntry[] }[] = [];
  for (const e of entries) {
    const last = groups.at(-1);
    if (last && last.line?.id === e.line?.id) last.entries.push(e);
    else groups.push({ line: e.line, entries: [e] });
  }
  return groups;
}
