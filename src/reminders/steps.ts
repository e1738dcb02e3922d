/**
 * The rungs of an obligation's ladder for one scheduled period (pure). Steps do not depend on the
 * unit: every unit of a period shares the due day, so a step is computed once and fanned out to
 * units only when it is due.
 *
 * Reports: T−N working days, the due day at `due_day_at`, +N working days, escalations.
 * Quotas: progress nudges replace the before/due-day rungs (a quota needs a count, not a form):
 * mid-week when a weekly quota is still 0; mid-period and last week for monthly (and quarterly,
 * semester) quotas; after each quarter for yearly ones; then the ladder's +N and escalations when
 * the period ended short of the target.
 */
import { addMonths, yearMonthOf } from "../domain/dates";
import type { LocalDate } from "../domain/org";
import type { Obligation, SendingWindow } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import { addDays, daysBetween, instantAt } from "../domain/time";
import type { WorkingDays } from "../domain/workdays";
import type { StepDef } from "./types";

/** Reminders go out at the ladder's due-day time (teachers read messages after morning classes). */
export const DEFAULT_REMINDER_TIME = "09:00";

export function reminderTime(obligation: Obligation): string {
  return obligation.reminders.due_day_at ?? DEFAULT_REMINDER_TIME;
}

function at(date: LocalDate, time: string): Date {
  return instantAt(date, time);
}

/** Report ladder rungs for the unit itself (escalations apart). */
function reportSteps(o: Obligation, s: ScheduledPeriod, wd: WorkingDays): StepDef[] {
  const time = reminderTime(o);
  const ladder = o.reminders;
  const steps: StepDef[] = [];
  for (const n of [...ladder.before_working_days].sort((a, b) => b - a)) {
    steps.push({ id: `b${n}`, kind: "before", nominal: at(wd.add(s.dueDate, -n), time), workingDays: n });
  }
  if (ladder.due_day_at !== null) {
    // A deadline earlier in the day than the reminder time: remind two hours before it instead.
    const nominal = at(s.dueDate, ladder.due_day_at);
    const dueAt = Date.parse(s.dueAt);
    const safe = nominal.getTime() < dueAt ? nominal : new Date(dueAt - 2 * 3_600_000);
    steps.push({ id: "d", kind: "due", nominal: safe, workingDays: 0 });
  }
  return steps;
}

function afterSteps(o: Obligation, s: ScheduledPeriod, wd: WorkingDays): StepDef[] {
  const time = reminderTime(o);
  return [...o.reminders.after_working_days]
    .sort((a, b) => a - b)
    .map((n) => ({
      id: `a${n}`,
      kind: "after" as const,
      nominal: at(wd.add(s.dueDate, n), time),
      workingDays: n,
    }));
}

/** Quota progress nudges inside the period, by the period's length. */
function quotaNudges(o: Obligation, s: ScheduledPeriod, wd: WorkingDays): StepDef[] {
  const time = reminderTime(o);
  const { start, end } = s.period;
  const length = daysBetween(start, end) + 1;
  const inPeriod = (d: LocalDate) => d >= start && d <= end;
  const steps: StepDef[] = [];
  if (length <= 7) {
    // Mid-week: Wednesday (or the next working day) while nothing has been published.
    const mid = wd.onOrAfter(addDays(start, 2));
    if (inPeriod(mid)) steps.push({ id: "qmid", kind: "quota_mid", nominal: at(mid, time) });
    return steps;
  }
  if (length <= 200) {
    const mid = wd.onOrAfter(addDays(start, Math.floor(length / 2) - 1));
    const last = wd.onOrAfter(addDays(end, -6));
    if (inPeriod(mid)) steps.push({ id: "qmid", kind: "quota_mid", nominal: at(mid, time) });
    if (inPeriod(last) && last > mid)
      steps.push({ id: "qlast", kind: "quota_last", nominal: at(last, time) });
    return steps;
  }
  // A year: progress after each quarter, then the last weeks.
  const first = yearMonthOf(start);
  for (const q of [1, 2, 3]) {
    const ym = addMonths(first, q * 3);
    const day = wd.onOrAfter(`${ym.year}-${String(ym.month).padStart(2, "0")}-01`);
    if (inPeriod(day)) steps.push({ id: `qq${q}`, kind: "quota_progress", nominal: at(day, time) });
  }
  const last = wd.onOrAfter(addDays(end, -20));
  if (inPeriod(last)) steps.push({ id: "qlast", kind: "quota_last", nominal: at(last, time) });
  return steps;
}

/** The unit's own track: each step supersedes the earlier ones (only the latest due is sent). */
export function unitTrack(o: Obligation, s: ScheduledPeriod, wd: WorkingDays): StepDef[] {
  const lead = o.kind === "quota" ? quotaNudges(o, s, wd) : reportSteps(o, s, wd);
  return [...lead, ...afterSteps(o, s, wd)].sort((a, b) => a.nominal.getTime() - b.nominal.getTime());
}

/** Escalations, one track per target (the cluster head and the office are told separately). */
export function escalationTracks(o: Obligation, s: ScheduledPeriod, wd: WorkingDays): StepDef[][] {
  const time = reminderTime(o);
  const byTarget = new Map<string, StepDef[]>();
  for (const e of o.reminders.escalate) {
    const step: StepDef = {
      id: `e${e.after_working_days}-${e.to}`,
      kind: "escalate",
      nominal: at(wd.add(s.dueDate, e.after_working_days), time),
      workingDays: e.after_working_days,
      to: e.to,
    };
    byTarget.set(e.to, [...(byTarget.get(e.to) ?? []), step]);
  }
  return [...byTarget.values()].map((t) => t.sort((a, b) => a.nominal.getTime() - b.nominal.getTime()));
}

/** The day after the deadline, at the window's opening: the Văn phòng's list of missing units. */
export function missingDigestStep(s: ScheduledPeriod, wd: WorkingDays, window: SendingWindow): StepDef {
  return { id: "md", kind: "missing_digest", nominal: at(wd.next(s.dueDate), window.start) };
}

/**
 * The step of a track to send at `now`: the latest whose moment has come, unless it is older than
 * `maxCatchUpMs` (after a long downtime, last month's rungs are not sent). Earlier rungs of the
 * track are superseded by it: after downtime a unit gets the current reminder, not the backlog.
 */
export function currentStep(
  track: readonly StepDef[],
  now: Date,
  maxCatchUpMs: number,
  dueAt?: string,
): StepDef | undefined {
  let found: StepDef | undefined;
  for (const step of track) if (step.nominal.getTime() <= now.getTime()) found = step;
  if (!found || now.getTime() - found.nominal.getTime() > maxCatchUpMs) return undefined;
  // "Due in 2 days" after the deadline is wrong: a rung before the deadline expires with it.
  if (dueAt !== undefined && isBeforeDeadline(found) && now.getTime() > Date.parse(dueAt)) return undefined;
  return found;
}

const PRE_DEADLINE = new Set(["before", "due", "quota_mid", "quota_last", "quota_progress"]);

export function isBeforeDeadline(step: Pick<StepDef, "kind">): boolean {
  return PRE_DEADLINE.has(step.kind);
}
