/**
 * Period keys as people type them ("2026-11", "2026-W48", "2026-Q4", "2026-2027-HK1", "2026-2027",
 * "2026"): parsing, the period a key names under a plan's rule, and the plain calendar range a key
 * stands for when someone asks "what is due in November?".
 */
import { clampedDate, isoWeekMonday, isoWeeksInYear, lastOfMonth, makeDate, maxDate } from "./dates";
import type { LocalDate } from "./org";
import {
  calendarYearPeriod,
  monthPeriod,
  type Period,
  quarterPeriod,
  type SchoolYear,
  schoolYearPeriod,
  semesterPeriod,
  sortedSchoolYears,
  weekPeriod,
} from "./periods";
import type { HolidayCalendar, PeriodRule } from "./plan";
import { addDays } from "./time";

export type PeriodRef =
  | { readonly shape: "week"; readonly year: number; readonly week: number }
  | { readonly shape: "month"; readonly year: number; readonly month: number }
  | { readonly shape: "quarter"; readonly year: number; readonly quarter: number }
  | {
      readonly shape: "semester";
      readonly schoolYear: string;
      readonly startYear: number;
      readonly half: 1 | 2;
    }
  | { readonly shape: "school_year"; readonly schoolYear: string; readonly startYear: number }
  | { readonly shape: "calendar_year"; readonly year: number };

/** Why a key was refused; callers map these to their own message keys. */
export type PeriodKeyError =
  | "bad_format"
  | "bad_week"
  | "bad_month"
  | "bad_school_year"
  | "unknown_school_year"
  | "wrong_cadence";

export type PeriodKeyResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: PeriodKeyError };

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

function yearOk(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

export function parsePeriodKey(input: string): PeriodKeyResult<PeriodRef> {
  const key = input.trim().toUpperCase();
  let m = /^(\d{4})-W(\d{1,2})$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (!yearOk(year) || week < 1 || week > isoWeeksInYear(year)) return { ok: false, reason: "bad_week" };
    return { ok: true, value: { shape: "week", year, week } };
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (!yearOk(year) || month < 1 || month > 12) return { ok: false, reason: "bad_month" };
    return { ok: true, value: { shape: "month", year, month } };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m && yearOk(Number(m[1])))
    return { ok: true, value: { shape: "quarter", year: Number(m[1]), quarter: Number(m[2]) } };
  m = /^(\d{4})-(\d{4})(?:-HK([12]))?$/.exec(key);
  if (m) {
    const startYear = Number(m[1]);
    if (!yearOk(startYear) || Number(m[2]) !== startYear + 1) return { ok: false, reason: "bad_school_year" };
    const schoolYear = `${startYear}-${startYear + 1}`;
    if (m[3] === undefined) return { ok: true, value: { shape: "school_year", schoolYear, startYear } };
    return { ok: true, value: { shape: "semester", schoolYear, startYear, half: m[3] === "1" ? 1 : 2 } };
  }
  m = /^(\d{4})$/.exec(key);
  if (m && yearOk(Number(m[1]))) return { ok: true, value: { shape: "calendar_year", year: Number(m[1]) } };
  return { ok: false, reason: "bad_format" };
}

/**
 * A period as people type it after a command, in the key form: "11/2026" and "11.2026" are
 * "2026-11", "Q4/2026" is "2026-Q4", "HK1/2026-2027" is "2026-2027-HK1"; anything else is returned
 * trimmed and upper-cased for parsePeriodKey to judge. Keys are never stored in the typed form.
 */
export function typedPeriodKey(input: string): string {
  const text = input.trim().toUpperCase();
  let m = /^(\d{1,2})[/.](\d{4})$/.exec(text);
  if (m) return `${m[2]}-${(m[1] as string).padStart(2, "0")}`;
  m = /^Q([1-4])[/.](\d{4})$/.exec(text);
  if (m) return `${m[2]}-Q${m[1]}`;
  m = /^HK([12])[/.](\d{4}-\d{4})$/.exec(text);
  if (m) return `${m[2]}-HK${m[1]}`;
  return text;
}

function findSchoolYear(calendar: HolidayCalendar, id: string): SchoolYear | undefined {
  return calendar.school_years.find((sy) => sy.id === id);
}

/** The period a key names under a plan's period rule (so "2026-11" honours the rule's cut-off). */
export function periodForKey(
  rule: PeriodRule,
  calendar: HolidayCalendar,
  key: string,
): PeriodKeyResult<Period> {
  const parsed = parsePeriodKey(key);
  if (!parsed.ok) return parsed;
  const ref = parsed.value;
  const wrong = { ok: false, reason: "wrong_cadence" } as const;
  const fixedYear = rule.cadence === "fixed_annual" ? (rule.year ?? "school_year") : null;
  switch (ref.shape) {
    case "week":
      return rule.cadence === "weekly" ? { ok: true, value: weekPeriod(isoWeekMonday(ref)) } : wrong;
    case "month":
      return rule.cadence === "monthly" ? { ok: true, value: monthPeriod(ref, rule.cutoff_day) } : wrong;
    case "quarter":
      return rule.cadence === "quarterly"
        ? { ok: true, value: quarterPeriod(ref.year, ref.quarter, rule.cutoff_day) }
        : wrong;
    case "calendar_year":
      if (rule.cadence === "calendar_year")
        return { ok: true, value: calendarYearPeriod(ref.year, rule.cutoff_day) };
      return fixedYear === "calendar_year" ? { ok: true, value: calendarYearPeriod(ref.year) } : wrong;
    case "semester":
    case "school_year": {
      const sy = findSchoolYear(calendar, ref.schoolYear);
      const fits =
        ref.shape === "semester"
          ? rule.cadence === "semester"
          : rule.cadence === "school_year" || fixedYear === "school_year";
      if (!fits) return wrong;
      if (!sy) return { ok: false, reason: "unknown_school_year" };
      return {
        ok: true,
        value: ref.shape === "semester" ? semesterPeriod(sy, ref.half) : schoolYearPeriod(sy),
      };
    }
  }
}

export interface DateRange {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * The calendar range a key stands for in a question such as "what falls due in 2026-2027?".
 * Weeks, months, quarters and years are their calendar spans (never cut-off windows). A school
 * year runs from its start to the day before the next one starts, so that deadlines set in the
 * summer after it (e.g. end + 10 working days) still belong to it; a year the calendar lacks is
 * taken as 01/09 → 31/08. Semester I ends the day before semester II starts.
 */
export function queryRange(ref: PeriodRef, calendar: HolidayCalendar): PeriodKeyResult<DateRange> {
  const ok = (from: LocalDate, to: LocalDate) => ({ ok: true, value: { from, to } }) as const;
  switch (ref.shape) {
    case "week": {
      const monday = isoWeekMonday(ref);
      return ok(monday, addDays(monday, 6));
    }
    case "month":
      return ok(makeDate(ref.year, ref.month, 1), lastOfMonth(ref));
    case "quarter":
      return ok(
        makeDate(ref.year, ref.quarter * 3 - 2, 1),
        lastOfMonth({ year: ref.year, month: ref.quarter * 3 }),
      );
    case "calendar_year":
      return ok(makeDate(ref.year, 1, 1), makeDate(ref.year, 12, 31));
    case "school_year":
    case "semester": {
      const years = sortedSchoolYears(calendar);
      const index = years.findIndex((sy) => sy.id === ref.schoolYear);
      const sy = years[index];
      if (ref.shape === "school_year" && !sy) {
        return ok(makeDate(ref.startYear, 9, 1), clampedDate(ref.startYear + 1, 8, 31));
      }
      if (!sy) return { ok: false, reason: "unknown_school_year" };
      const next = years[index + 1];
      const yearEnd = next ? addDays(next.start, -1) : maxDate(sy.end, makeDate(ref.startYear + 1, 8, 31));
      if (ref.shape === "school_year") return ok(sy.start, yearEnd);
      return ref.half === 1 ? ok(sy.start, addDays(sy.hk2_start, -1)) : ok(sy.hk2_start, yearEnd);
    }
  }
}
