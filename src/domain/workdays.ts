/**
 * Working days (ngày làm việc): Monday to Friday, except the holidays of one list of a calendar.
 * Schools and offices have different lists (pupils' Tết break is not the civil servants' one), so
 * every question names the list: "school" or "office".
 */
import type { LocalDate } from "./org";
import type { HolidayCalendar } from "./plan";
import { addDays, isoWeekday } from "./time";

export type HolidayList = "school" | "office";

export interface WorkingDays {
  readonly list: HolidayList;
  isHoliday(date: LocalDate): boolean;
  /** Monday–Friday and not a holiday of the list. */
  isWorkingDay(date: LocalDate): boolean;
  /** The first working day strictly after the date. */
  next(date: LocalDate): LocalDate;
  /** The last working day strictly before the date. */
  previous(date: LocalDate): LocalDate;
  /** The date itself when it is a working day, else the next one (Bộ luật Dân sự 2015, Art. 148). */
  onOrAfter(date: LocalDate): LocalDate;
  /** The date itself when it is a working day, else the previous one. */
  onOrBefore(date: LocalDate): LocalDate;
  /**
   * Counts n working days from the date, not counting the date itself: Friday + 1 = Monday,
   * Monday − 1 = the Friday before. n = 0 returns the date unchanged, working day or not.
   */
  add(date: LocalDate, n: number): LocalDate;
}

function buildWorkingDays(calendar: HolidayCalendar, list: HolidayList): WorkingDays {
  const entries = list === "school" ? calendar.school_holidays : calendar.office_holidays;
  const holidays = new Set(entries.map((h) => h.date));
  const isHoliday = (date: LocalDate) => holidays.has(date);
  const isWorkingDay = (date: LocalDate) => isoWeekday(date) <= 5 && !holidays.has(date);
  // Every loop below ends: at most holidays.size + 2 consecutive days can be non-working.
  const step = (date: LocalDate, direction: 1 | -1): LocalDate => {
    let d = addDays(date, direction);
    while (!isWorkingDay(d)) d = addDays(d, direction);
    return d;
  };
  return {
    list,
    isHoliday,
    isWorkingDay,
    next: (date) => step(date, 1),
    previous: (date) => step(date, -1),
    onOrAfter: (date) => (isWorkingDay(date) ? date : step(date, 1)),
    onOrBefore: (date) => (isWorkingDay(date) ? date : step(date, -1)),
    add(date, n) {
      const direction = n < 0 ? -1 : 1;
      let d = date;
      for (let i = 0; i < Math.abs(n); i++) d = step(d, direction);
      return d;
    },
  };
}

// Calendars are immutable data, so the holiday set of each (calendar, list) is built once.
const cache = new WeakMap<HolidayCalendar, Partial<Record<HolidayList, WorkingDays>>>();

/** The working-day rules of one holiday list of a calendar. */
export function workingDays(calendar: HolidayCalendar, list: HolidayList): WorkingDays {
  let byList = cache.get(calendar);
  if (!byList) {
    byList = {};
    cache.set(calendar, byList);
  }
  const found = byList[list];
  if (found) return found;
  const built = buildWorkingDays(calendar, list);
  byList[list] = built;
  return built;
}

export function isWorkingDay(calendar: HolidayCalendar, list: HolidayList, date: LocalDate): boolean {
  return workingDays(calendar, list).isWorkingDay(date);
}

export function nextWorkingDay(calendar: HolidayCalendar, list: HolidayList, date: LocalDate): LocalDate {
  return workingDays(calendar, list).next(date);
}

export function previousWorkingDay(calendar: HolidayCalendar, list: HolidayList, date: LocalDate): LocalDate {
  return workingDays(calendar, list).previous(date);
}

export function addWorkingDays(
  calendar: HolidayCalendar,
  list: HolidayList,
  date: LocalDate,
  n: number,
): LocalDate {
  return workingDays(calendar, list).add(date, n);
}
