/**
 * When a reminder may leave (pure): inside the plan's sending window (weekdays and hours, Asia/
 * Ho_Chi_Minh), never on a holiday of the plan's calendar list, and never more than the plan's
 * max_reminders_per_person_per_day. A moment that falls outside is moved to the next allowed one,
 * never dropped. Incident alerts do not come through here.
 */
import type { LocalDate } from "../domain/org";
import type { SendingWindow } from "../domain/plan";
import { addDays, instantAt, isoWeekday, localDateOf, localTimeOf } from "../domain/time";
import type { WorkingDays } from "../domain/workdays";

/** A plan's window with its holiday list: the whole question "may we send at T?". */
export interface SendingRules {
  readonly window: SendingWindow;
  readonly days: WorkingDays;
}

/** Two years of closed days in a row would be a broken calendar, not a long holiday. */
const MAX_SEARCH_DAYS = 730;

function dayOpen(rules: SendingRules, date: LocalDate): boolean {
  return rules.window.weekdays.includes(isoWeekday(date)) && !rules.days.isHoliday(date);
}

function hhmmss(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(11, 19);
}

/** The window's end is exclusive: "17:00" allows 16:59:59 and not 17:00. */
export function isAllowedAt(rules: SendingRules, at: Date): boolean {
  const date = localDateOf(at);
  if (!dayOpen(rules, date)) return false;
  const time = hhmmss(at);
  return time >= `${rules.window.start}:00`.slice(0, 8) && time < `${rules.window.end}:00`.slice(0, 8);
}

/** The first allowed moment at or after `at`. */
export function nextAllowedMoment(rules: SendingRules, at: Date): Date {
  if (isAllowedAt(rules, at)) return at;
  let date = localDateOf(at);
  // Later today, when today is open and the window has not started yet.
  if (dayOpen(rules, date) && localTimeOf(at) < rules.window.start)
    return instantAt(date, rules.window.start);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    date = addDays(date, 1);
    if (dayOpen(rules, date)) return instantAt(date, rules.window.start);
  }
  throw new Error("the sending window never opens: check sending_window.weekdays and the calendar");
}

/** The first allowed moment on a later local day than `at`'s. */
export function firstMomentAfterDay(rules: SendingRules, at: Date): Date {
  return nextAllowedMoment(rules, instantAt(addDays(localDateOf(at), 1)));
}

let lastInstant = Number.NaN;
let lastDay = "";

/**
 * localDateOf for the planner's hot loop: a wave places 60,000 messages at the same few moments,
 * so the last answer is kept (formatting a date allocates two objects and a string).
 */
export function dayOf(instant: Date): LocalDate {
  const ms = instant.getTime();
  if (ms !== lastInstant) {
    lastDay = localDateOf(instant);
    lastInstant = ms;
  }
  return lastDay;
}

/**
 * Counts of reminders per person and local day, updated as reminders are placed. Keys are
 * `${personId}|${day}`; the map belongs to one planning pass.
 */
export type DailyCounts = Map<string, number>;

export function countKey(personId: string, day: LocalDate): string {
  return `${personId}|${day}`;
}

/**
 * The moment a person's next reminder may leave, at or after `at`: allowed by the window, on a day
 * when the person has had fewer than `cap` reminders. Records the placement in `counts`.
 */
export function placeReminder(
  rules: SendingRules,
  counts: DailyCounts,
  personId: string,
  cap: number,
  at: Date,
  options: { readonly ignoreWindow?: boolean; readonly firstAllowed?: Date } = {},
): Date {
  let t = options.ignoreWindow ? at : (options.firstAllowed ?? nextAllowedMoment(rules, at));
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    const key = countKey(personId, dayOf(t));
    const n = counts.get(key) ?? 0;
    if (n < cap) {
      counts.set(key, n + 1);
      return t;
    }
    t = firstMomentAfterDay(rules, t);
  }
  throw new Error("no day with room for another reminder within two years");
}
