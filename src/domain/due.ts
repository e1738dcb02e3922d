/**
 * Deadlines (hạn nộp). A due rule gives the last allowed local day of a period; the holiday policy
 * moves it off weekends and holidays; the time of day turns it into an instant in Asia/Ho_Chi_Minh.
 *
 * Impossible days are clamped to the month (clampedDate): "ngày 31" in November is 30/11, 29/02 in
 * a non-leap year is 28/02. "Trước ngày N" is the day N−1 clamped, so "trước ngày 31" in November is
 * 30/11 and "trước ngày 1" is the last day of the month before.
 */
import { addMonths, clampedDate, makeDate, monthOf, yearOf } from "./dates";
import type { LocalDate } from "./org";
import type { Period, SchoolYear } from "./periods";
import type { Due, DueRule, HolidayCalendar, HolidayPolicy } from "./plan";
import { addDays, instantAt } from "./time";
import type { WorkingDays } from "./workdays";

export type DueResult =
  | { readonly ok: true; readonly date: LocalDate }
  /** none: the rule sets no calendar deadline (event reports); no_school_year: the calendar lacks it. */
  | { readonly ok: false; readonly reason: "none" | "no_school_year" };

/** The day of the month (+ month_offset) the period is "of" (Period.year/month). */
function monthDay(period: Period, monthOffset: number | undefined, day: number): LocalDate {
  const ym = addMonths({ year: period.year, month: period.month }, monthOffset ?? 0);
  return clampedDate(ym.year, ym.month, day);
}

function beforeDay(period: Period, monthOffset: number | undefined, day: number): LocalDate {
  const ym = addMonths({ year: period.year, month: period.month }, monthOffset ?? 0);
  // "Trước ngày 1" is the eve of the month; otherwise the day before N, clamped to the month.
  if (day === 1) return addDays(makeDate(ym.year, ym.month, 1), -1);
  if (day < 0) return addDays(clampedDate(ym.year, ym.month, day), -1);
  return clampedDate(ym.year, ym.month, day - 1);
}

/** The first occurrence of day/month on or after the period's start (31/5 of a school year → its May). */
function fixedDate(period: Period, month: number, day: number): LocalDate {
  const year = yearOf(period.start);
  const thisYear = clampedDate(year, month, day);
  return thisYear >= period.start ? thisYear : clampedDate(year + 1, month, day);
}

/**
 * The school year of a period: its own for semesters and school years, else the one whose
 * start..end holds the period's last day.
 */
export function schoolYearOf(period: Period, calendar: HolidayCalendar): SchoolYear | undefined {
  if (period.schoolYearId !== null) return calendar.school_years.find((sy) => sy.id === period.schoolYearId);
  return calendar.school_years.find((sy) => sy.start <= period.end && period.end <= sy.end);
}

function offset(date: LocalDate, days: number | undefined, working: boolean | undefined, wd: WorkingDays) {
  if (!days) return date;
  return working ? wd.add(date, days) : addDays(date, days);
}

/** The last allowed day before the holiday policy. */
export function nominalDueDate(
  rule: DueRule,
  period: Period,
  calendar: HolidayCalendar,
  wd: WorkingDays,
): DueResult {
  switch (rule.rule) {
    case "before_day_of_month":
      return { ok: true, date: beforeDay(period, rule.month_offset, rule.day) };
    case "day_of_month":
      return { ok: true, date: monthDay(period, rule.month_offset, rule.day) };
    case "end_of_period":
      return { ok: true, date: offset(period.end, rule.offset_days, rule.working_days, wd) };
    case "fixed_date": {
      const date = fixedDate(period, rule.month, rule.day);
      return { ok: true, date: rule.before ? addDays(date, -1) : date };
    }
    case "school_milestone": {
      const sy = schoolYearOf(period, calendar);
      if (!sy) return { ok: false, reason: "no_school_year" };
      return { ok: true, date: offset(sy[rule.milestone], rule.offset_days, rule.working_days, wd) };
    }
    case "none":
      return { ok: false, reason: "none" };
  }
}

/**
 * Moves a day that is not a working day: roll_back to the previous working day (offices want
 * "trước ngày 25" met early when the 25th is a Sunday), roll_forward to the next one (Bộ luật Dân
 * sự 2015, Art. 148), none leaves it.
 */
export function applyHolidayPolicy(date: LocalDate, policy: HolidayPolicy, wd: WorkingDays): LocalDate {
  if (policy === "roll_back") return wd.onOrBefore(date);
  if (policy === "roll_forward") return wd.onOrAfter(date);
  return date;
}

/** The last allowed local day of a period's instance, after the holiday policy. */
export function dueDate(due: Due, period: Period, calendar: HolidayCalendar, wd: WorkingDays): DueResult {
  const nominal = nominalDueDate(due, period, calendar, wd);
  if (!nominal.ok) return nominal;
  return { ok: true, date: applyHolidayPolicy(nominal.date, due.holiday_policy, wd) };
}

const END_OF_DAY_TIMES = new Set(["23:59", "24:00"]);

/**
 * The deadline instant of a due day. No time, "23:59" or "24:00" mean the end of the day,
 * 23:59:59.999 local (the plan contract reads "23:59" as the end of the last allowed day, and a
 * report sent at 23:59:30 is on time). Any other "HH:MM" is that exact instant.
 */
export function dueInstant(date: LocalDate, time?: string): Date {
  if (time === undefined || END_OF_DAY_TIMES.has(time)) {
    return new Date(instantAt(addDays(date, 1)).getTime() - 1);
  }
  return instantAt(date, time);
}

/** When an instance can first be submitted: the period's start, or the due day's month if earlier. */
export function opensOn(period: Period, due: LocalDate): LocalDate {
  if (due >= period.start) return period.start;
  // A plan for the next month due "trước ngày 25" of this one opens with this month.
  return makeDate(yearOf(due), monthOf(due), 1);
}
