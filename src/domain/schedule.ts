/**
 * The schedule of one obligation: its periods with their opening day, due day and due instant,
 * independent of units. Computed once per obligation and fanned out to units by instances.ts.
 */
import { dueDate, dueInstant, opensOn } from "./due";
import type { LocalDate } from "./org";
import { type PeriodKeyError, periodForKey } from "./period-keys";
import { enumeratePeriods, type Period } from "./periods";
import type { Due, HolidayCalendar, Obligation } from "./plan";
import { addDays } from "./time";
import type { WorkingDays } from "./workdays";

export interface ScheduledPeriod {
  readonly period: Period;
  readonly opensOn: LocalDate;
  readonly dueDate: LocalDate;
  /** ISO-8601 UTC instant of the deadline. */
  readonly dueAt: string;
}

// Weekend and holiday rolls move a day by at most a Tết break plus weekends; school lists may hold
// longer breaks, so stay generous: a few extra periods cost microseconds.
const HOLIDAY_SLACK_DAYS = 120;
const YEAR_DAYS = 366;
const MONTH_DAYS = 31;

/**
 * How far a due day can lie from its period (before its start or after its end), so that the
 * periods whose deadline falls in a range are all found by looking that far around it.
 */
export function dueReachDays(due: Due): number {
  switch (due.rule) {
    case "before_day_of_month":
    case "day_of_month":
      return MONTH_DAYS * (Math.abs(due.month_offset ?? 0) + 1) + HOLIDAY_SLACK_DAYS;
    case "end_of_period":
      // A working day is at most two calendar days on average once weekends are counted.
      return 2 * Math.abs(due.offset_days ?? 0) + HOLIDAY_SLACK_DAYS;
    case "fixed_date":
      return YEAR_DAYS + HOLIDAY_SLACK_DAYS;
    case "school_milestone":
      return YEAR_DAYS + 2 * Math.abs(due.offset_days ?? 0) + HOLIDAY_SLACK_DAYS;
    case "none":
      return 0;
  }
}

export type ScheduleMode =
  /** Periods whose due day lies in the range (reports). */
  | "due"
  /** Periods that overlap the range (quotas: counting runs over the whole period). */
  | "period";

/**
 * The scheduled periods of an obligation for a range. Event obligations and periods without a
 * computable deadline (a milestone of a school year the calendar lacks) have none.
 */
export function scheduleObligation(
  obligation: Pick<Obligation, "kind" | "period" | "due">,
  calendar: HolidayCalendar,
  wd: WorkingDays,
  range: { readonly from: LocalDate; readonly to: LocalDate },
  mode: ScheduleMode,
): ScheduledPeriod[] {
  if (obligation.kind === "event" || obligation.period.cadence === "anytime") return [];
  const reach = mode === "due" ? dueReachDays(obligation.due) : 0;
  const periods = enumeratePeriods(
    obligation.period,
    calendar,
    addDays(range.from, -reach),
    addDays(range.to, reach),
  );
  const scheduled: ScheduledPeriod[] = [];
  for (const period of periods) {
    const due = dueDate(obligation.due, period, calendar, wd);
    if (!due.ok) continue;
    if (mode === "due" && (due.date < range.from || due.date > range.to)) continue;
    scheduled.push({
      period,
      opensOn: opensOn(period, due.date),
      dueDate: due.date,
      dueAt: dueInstant(due.date, obligation.due.time).toISOString(),
    });
  }
  return scheduled;
}

export type ScheduledPeriodResult =
  | { readonly ok: true; readonly value: ScheduledPeriod }
  /**
   * A key that names no period of this obligation (PeriodKeyError), a month outside its
   * `active_months` ("inactive"), or a period without a computable deadline ("no_due").
   */
  | { readonly ok: false; readonly reason: PeriodKeyError | "inactive" | "no_due" };

/**
 * The one period a key names for an obligation, with its opening day, due day and due instant:
 * what someone asking about "DL_MONTHLY 2026-11" means (/nhacnho, /chuanop, the CLI).
 */
export function scheduledPeriodFor(
  obligation: Pick<Obligation, "period" | "due">,
  calendar: HolidayCalendar,
  wd: WorkingDays,
  periodKey: string,
): ScheduledPeriodResult {
  const period = periodForKey(obligation.period, calendar, periodKey);
  if (!period.ok) return period;
  const active = obligation.period.active_months;
  if (active && active.length > 0 && !active.includes(period.value.month))
    return { ok: false, reason: "inactive" };
  const due = dueDate(obligation.due, period.value, calendar, wd);
  if (!due.ok) return { ok: false, reason: "no_due" };
  return {
    ok: true,
    value: {
      period: period.value,
      opensOn: opensOn(period.value, due.date),
      dueDate: due.date,
      dueAt: dueInstant(due.date, obligation.due.time).toISOString(),
    },
  };
}
