/**
 * Reporting periods (kỳ báo cáo): ISO weeks, months, quarters, semesters, school years and calendar
 * years, with the NĐ 09/2019 cut-off windows ("tháng 11" = 15/10 → 14/11) where a plan asks for them.
 */
import {
  addMonths,
  clampedDate,
  firstOfMonth,
  isoWeekOf,
  lastOfMonth,
  mondayOf,
  monthOf,
  type YearMonth,
  yearMonthOf,
  yearOf,
} from "./dates";
import type { LocalDate } from "./org";
import type { HolidayCalendar, PeriodRule } from "./plan";
import { addDays } from "./time";

/** What a period is, whatever cadence produced it (fixed_annual gives school or calendar years). */
export type PeriodShape = "week" | "month" | "quarter" | "semester" | "school_year" | "calendar_year";

export interface Period {
  /** "2026-W48", "2026-11", "2026-Q4", "2026-2027-HK1", "2026-2027", "2026". */
  readonly key: string;
  readonly shape: PeriodShape;
  /** Inclusive local dates. */
  readonly start: LocalDate;
  readonly end: LocalDate;
  /**
   * The month the period is "of", used by month-relative due rules and by active_months: the month
   * of the period's last day (so cut-off "tháng 11" 15/10 → 14/11 is November, Q4 is December and
   * HK I is January), except a week, which belongs to the month of its Thursday (as in ISO 8601).
   */
  readonly year: number;
  readonly month: number;
  /** Set when the period comes from the calendar's school years (semesters, school years). */
  readonly schoolYearId: string | null;
  /** True for cut-off windows, which labels spell out with their dates. */
  readonly cutoff: boolean;
}

export type SchoolYear = HolidayCalendar["school_years"][number];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The window of months first..last: calendar months, or with a cut-off day c from the c-th of the
 * month before `first` to the day before the c-th of `last`. A cut-off past a month's end uses the
 * month's last day (clampedDate), which keeps consecutive windows contiguous. Plans should use a
 * cut-off between 2 and 28; 1 would make "tháng 11" the calendar month of October.
 */
function monthWindow(first: YearMonth, last: YearMonth, cutoff: number | undefined) {
  if (cutoff === undefined) return { start: firstOfMonth(first), end: lastOfMonth(last), cutoff: false };
  const before = addMonths(first, -1);
  return {
    start: clampedDate(before.year, before.month, cutoff),
    end: addDays(clampedDate(last.year, last.month, cutoff), -1),
    cutoff: true,
  };
}

export function weekPeriod(monday: LocalDate): Period {
  const { year, week } = isoWeekOf(monday);
  const thursday = addDays(monday, 3);
  return {
    key: `${year}-W${pad2(week)}`,
    shape: "week",
    start: monday,
    end: addDays(monday, 6),
    year: yearOf(thursday),
    month: monthOf(thursday),
    schoolYearId: null,
    cutoff: false,
  };
}

export function monthPeriod(ym: YearMonth, cutoff?: number): Period {
  return {
    key: `${ym.year}-${pad2(ym.month)}`,
    shape: "month",
    ...monthWindow(ym, ym, cutoff),
    year: ym.year,
    month: ym.month,
    schoolYearId: null,
  };
}

export function quarterPeriod(year: number, quarter: number, cutoff?: number): Period {
  const last = { year, month: quarter * 3 };
  return {
    key: `${year}-Q${quarter}`,
    shape: "quarter",
    ...monthWindow({ year, month: quarter * 3 - 2 }, last, cutoff),
    year,
    month: last.month,
    schoolYearId: null,
  };
}

export function calendarYearPeriod(year: number, cutoff?: number): Period {
  return {
    key: String(year),
    shape: "calendar_year",
    ...monthWindow({ year, month: 1 }, { year, month: 12 }, cutoff),
    year,
    month: 12,
    schoolYearId: null,
  };
}

export function semesterPeriod(sy: SchoolYear, half: 1 | 2): Period {
  const start = half === 1 ? sy.start : sy.hk2_start;
  const end = half === 1 ? sy.hk1_end : sy.end;
  return {
    key: `${sy.id}-HK${half}`,
    shape: "semester",
    start,
    end,
    year: yearOf(end),
    month: monthOf(end),
    schoolYearId: sy.id,
    cutoff: false,
  };
}

export function schoolYearPeriod(sy: SchoolYear): Period {
  return {
    key: sy.id,
    shape: "school_year",
    start: sy.start,
    end: sy.end,
    year: yearOf(sy.end),
    month: monthOf(sy.end),
    schoolYearId: sy.id,
    cutoff: false,
  };
}

function overlaps(p: Period, from: LocalDate, to: LocalDate): boolean {
  return p.start <= to && p.end >= from;
}

/**
 * Candidate months around [from, to]: a cut-off window starts at most one month before its own
 * month, and a (cut-off) quarter may end up to three months after `to`.
 */
function monthsAround(from: LocalDate, to: LocalDate, monthsAfter: number): YearMonth[] {
  const months: YearMonth[] = [];
  const last = addMonths(yearMonthOf(to), monthsAfter);
  for (let ym = addMonths(yearMonthOf(from), -1); ; ym = addMonths(ym, 1)) {
    months.push(ym);
    if (ym.year === last.year && ym.month === last.month) return months;
  }
}

export function sortedSchoolYears(calendar: HolidayCalendar): SchoolYear[] {
  return [...calendar.school_years].sort((a, b) => (a.start < b.start ? -1 : 1));
}

function unfilteredPeriods(rule: PeriodRule, calendar: HolidayCalendar, from: LocalDate, to: LocalDate) {
  const periods: Period[] = [];
  switch (rule.cadence) {
    case "anytime":
      return periods;
    case "weekly":
      for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
        periods.push(weekPeriod(monday));
      }
      return periods;
    case "monthly":
      for (const ym of monthsAround(from, to, 1)) periods.push(monthPeriod(ym, rule.cutoff_day));
      return periods;
    case "quarterly":
      for (const ym of monthsAround(from, to, 3)) {
        if (ym.month % 3 === 0) periods.push(quarterPeriod(ym.year, ym.month / 3, rule.cutoff_day));
      }
      return periods;
    case "calendar_year":
      for (let y = yearOf(from); y <= yearOf(to) + 1; y++)
        periods.push(calendarYearPeriod(y, rule.cutoff_day));
      return periods;
    case "semester":
      for (const sy of sortedSchoolYears(calendar))
        periods.push(semesterPeriod(sy, 1), semesterPeriod(sy, 2));
      return periods;
    case "school_year":
      for (const sy of sortedSchoolYears(calendar)) periods.push(schoolYearPeriod(sy));
      return periods;
    case "fixed_annual":
      if (rule.year === "calendar_year") {
        for (let y = yearOf(from); y <= yearOf(to); y++) periods.push(calendarYearPeriod(y));
      } else {
        for (const sy of sortedSchoolYears(calendar)) periods.push(schoolYearPeriod(sy));
      }
      return periods;
  }
}

/**
 * The periods of a rule that overlap [from, to] (inclusive local dates), in time order, without
 * those whose month is outside active_months. "anytime" has none. Semesters and school years come
 * from the calendar: a school year the calendar does not list has no periods.
 */
export function enumeratePeriods(
  rule: PeriodRule,
  calendar: HolidayCalendar,
  from: LocalDate,
  to: LocalDate,
): Period[] {
  const active = rule.active_months && rule.active_months.length > 0 ? new Set(rule.active_months) : null;
  return unfilteredPeriods(rule, calendar, from, to)
    .filter((p) => overlaps(p, from, to) && (!active || active.has(p.month)))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
