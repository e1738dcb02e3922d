/**
 * Calendar arithmetic on local dates ("YYYY-MM-DD"): months, clamped days, ISO weeks. Local dates
 * carry no time zone, so all of this is done in UTC, where no day ever has 23 or 25 hours.
 */
import type { LocalDate } from "./org";
import { addDays, isoWeekday } from "./time";

export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: LocalDate): number {
  return Number(date.slice(5, 7));
}

export function dayOf(date: LocalDate): number {
  return Number(date.slice(8, 10));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 30;
}

/** Month arithmetic that carries into years: (2026, 12) + 1 → (2027, 1); (2026, 1) − 1 → (2025, 12). */
export function addMonths(ym: YearMonth, months: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats a date that is known to exist. */
export function makeDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/**
 * A day of a month that may not exist, made to exist: a day past the month's end becomes its last
 * day (31 in a 30-day month → 30; 29/02 in a non-leap year → 28/02), and a negative day counts from
 * the end (−1 = last day, −2 = the day before). Plans say "ngày 31" or "cuối tháng" and mean the
 * month's end, never a day of the next month.
 */
export function clampedDate(year: number, month: number, day: number): LocalDate {
  const last = daysInMonth(year, month);
  const d = day < 0 ? Math.max(1, last + day + 1) : Math.min(Math.max(day, 1), last);
  return makeDate(year, month, d);
}

export function firstOfMonth(ym: YearMonth): LocalDate {
  return makeDate(ym.year, ym.month, 1);
}

export function lastOfMonth(ym: YearMonth): LocalDate {
  return makeDate(ym.year, ym.month, daysInMonth(ym.year, ym.month));
}

export function yearMonthOf(date: LocalDate): YearMonth {
  return { year: yearOf(date), month: monthOf(date) };
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** The Monday of the ISO week containing the date. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

export interface IsoWeek {
  /** The ISO week-numbering year: the year of the week's Thursday (29/12/2025 is in 2026-W01). */
  readonly year: number;
  readonly week: number;
}

/** ISO 8601 week: weeks start on Monday; week 1 is the week holding the year's first Thursday. */
export function isoWeekOf(date: LocalDate): IsoWeek {
  const thursday = addDays(mondayOf(date), 3);
  const year = yearOf(thursday);
  const ordinal = Math.round(
    (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000,
  );
  return { year, week: Math.floor(ordinal / 7) + 1 };
}

/** The Monday of ISO week 1: the week of 4 January. */
export function isoWeekOneMonday(year: number): LocalDate {
  return mondayOf(makeDate(year, 1, 4));
}

/** 52, or 53 for years whose 1 January is a Thursday (or a Wednesday in a leap year). */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(makeDate(year, 12, 28)).week;
}

export function isoWeekMonday(week: IsoWeek): LocalDate {
  return addDays(isoWeekOneMonday(week.year), (week.week - 1) * 7);
}
