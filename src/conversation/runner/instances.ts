/**
 * Which report instances a unit owes, from the plan in force (never stored: computed from the plan,
 * the unit and the calendar, as /trangthai and the reminders do).
 */
import type { ActivePlan } from "../../bot/status/sources";
import { computeInstances, type ObligationInstance } from "../../domain/instances";
import type { LocalDate, Unit } from "../../domain/org";
import { periodForKey } from "../../domain/period-keys";
import type { Form, Obligation } from "../../domain/plan";
import { addDays } from "../../domain/time";

/** Reports due up to this many days ago are still listed (late submissions are accepted). */
export const LIST_PAST_DAYS = 62;
/** …and those due within this many days ahead (once open). */
export const LIST_AHEAD_DAYS = 45;

export type ReportObligation = Obligation & { readonly form: Form };

export function isReportWithForm(o: Obligation): o is ReportObligation {
  return o.kind === "report" && o.form !== undefined && o.form.questions.length > 0;
}

export function reportObligation(active: ActivePlan, code: string): ReportObligation | undefined {
  const o = active.plan.obligations.find((x) => x.code === code);
  return o && isReportWithForm(o) ? o : undefined;
}

function onlyReports(active: ActivePlan, obligations: readonly Obligation[]) {
  return { obligations, calendar_kind: active.plan.calendar_kind };
}

/** The instance of this obligation and period for this unit, or undefined when the unit does not owe it. */
export function findInstance(
  active: ActivePlan,
  unit: Unit,
  obligation: ReportObligation,
  periodKey: string,
): ObligationInstance | undefined {
  const period = periodForKey(obligation.period, active.calendar, periodKey);
  if (!period.ok) return undefined;
  // Due days may fall before the period ends (offset −2) or months after (school milestones).
  const range = { from: addDays(period.value.start, -31), to: addDays(period.value.end, 400) };
  return computeInstances(onlyReports(active, [obligation]), [unit], active.calendar, range).find(
    (i) => i.periodKey === periodKey,
  );
}

/** Report instances of the unit that are open now and due recently or soon, by due time. */
export function dueInstances(active: ActivePlan, unit: Unit, today: LocalDate): ObligationInstance[] {
  const reports = active.plan.obligations.filter(isReportWithForm);
  const range = { from: addDays(today, -LIST_PAST_DAYS), to: addDays(today, LIST_AHEAD_DAYS) };
  return computeInstances(onlyReports(active, reports), [unit], active.calendar, range)
    .filter((i) => i.opensOn <= today)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.obligationCode.localeCompare(b.obligationCode));
}

/** The next instance of this obligation to fill for the unit: open, due recently or at any later date. */
export function nextInstances(
  active: ActivePlan,
  unit: Unit,
  obligation: ReportObligation,
  today: LocalDate,
): ObligationInstance[] {
  const range = { from: addDays(today, -LIST_PAST_DAYS), to: addDays(today, 400) };
  return computeInstances(onlyReports(active, [obligation]), [unit], active.calendar, range)
    .filter((i) => i.opensOn <= today)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
