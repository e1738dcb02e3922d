/**
 * Which steps are due at `now` (pure, unit-independent and cheap): for every obligation, its
 * scheduled periods around today and, per track, the current step not planned yet. Also the
 * weekly digest step. The fan-out to units happens only for what this returns.
 */
import { isoWeekOf, mondayOf } from "../domain/dates";
import type { HolidayCalendar, Obligation, Plan } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import { scheduleObligation } from "../domain/schedule";
import { addDays, instantAt, localDateOf } from "../domain/time";
import { type WorkingDays, workingDays } from "../domain/workdays";
import { currentStep, escalationTracks, missingDigestStep, unitTrack } from "./steps";
import { type StepDef, type StepKey, stepKeyString } from "./types";

/** After a downtime longer than this, a step is not sent late: the next one will be. */
export const MAX_CATCH_UP_MS = 7 * 86_400_000;
export const WEEKLY_DIGEST_SCOPE = "digest:weekly";

export type DueStep =
  | {
      readonly type: "unit" | "escalate" | "missing";
      readonly obligation: Obligation;
      readonly scheduled: ScheduledPeriod;
      readonly step: StepDef;
      readonly key: StepKey;
    }
  | { readonly type: "weekly"; readonly step: StepDef; readonly weekKey: string; readonly key: StepKey };

function maxOf(values: readonly number[]): number {
  return values.reduce((m, v) => Math.max(m, v), 0);
}

/** Calendar days around today in which a period's deadline can still have a step due. */
function horizon(o: Obligation): { back: number; ahead: number } {
  const ladder = o.reminders;
  const after = maxOf([...ladder.after_working_days, ...ladder.escalate.map((e) => e.after_working_days), 1]);
  const before = maxOf(ladder.before_working_days);
  // A working day is at most ~2 calendar days with weekends; holidays (Tết) add up to two weeks.
  return { back: 2 * after + 14 + Math.ceil(MAX_CATCH_UP_MS / 86_400_000), ahead: 2 * before + 30 };
}

export function schedulesAround(o: Obligation, calendar: HolidayCalendar, wd: WorkingDays, now: Date) {
  const today = localDateOf(now);
  const { back, ahead } = horizon(o);
  if (o.kind === "quota") {
    // Quota periods that run today or ended recently (their +N and escalations).
    return scheduleObligation(o, calendar, wd, { from: addDays(today, -back), to: today }, "period");
  }
  return scheduleObligation(
    o,
    calendar,
    wd,
    { from: addDays(today, -back), to: addDays(today, ahead) },
    "due",
  );
}

export interface DueStepsInput {
  readonly plan: Plan;
  readonly calendar: HolidayCalendar;
  readonly now: Date;
  /** stepKeyString of every step already planned. */
  readonly done: ReadonlySet<string>;
  readonly maxCatchUpMs?: number | undefined;
}

export function dueSteps(input: DueStepsInput): DueStep[] {
  const { plan, calendar, now, done } = input;
  const maxCatchUp = input.maxCatchUpMs ?? MAX_CATCH_UP_MS;
  const wd = workingDays(calendar, plan.calendar_kind);
  const result: DueStep[] = [];
  const add = (step: DueStep) => {
    if (!done.has(stepKeyString(step.key))) result.push(step);
  };
  for (const obligation of plan.obligations) {
    if (obligation.kind === "event") continue;
    for (const scheduled of schedulesAround(obligation, calendar, wd, now)) {
      const key = (step: StepDef): StepKey => ({
        scope: obligation.code,
        periodKey: scheduled.period.key,
        step: step.id,
      });
      const tracks: [DueStep["type"], StepDef[]][] = [
        ["unit", unitTrack(obligation, scheduled, wd)],
        ...escalationTracks(obligation, scheduled, wd).map((t): [DueStep["type"], StepDef[]] => [
          "escalate",
          t,
        ]),
      ];
      if (obligation.kind === "report")
        tracks.push(["missing", [missingDigestStep(scheduled, wd, plan.sending_window)]]);
      for (const [type, track] of tracks) {
        const step = currentStep(track, now, maxCatchUp, scheduled.dueAt);
        if (step && type !== "weekly") add({ type, obligation, scheduled, step, key: key(step) });
      }
    }
  }
  const weekly = weeklyDigestStep(plan, wd, now, maxCatchUp);
  if (weekly) add(weekly);
  return result;
}

/** Monday (or the week's first working day) at the window's opening. */
function weeklyDigestStep(plan: Plan, wd: WorkingDays, now: Date, maxCatchUp: number): DueStep | undefined {
  const monday = mondayOf(localDateOf(now));
  const first = wd.onOrAfter(monday);
  if (first > addDays(monday, 6)) return undefined;
  const nominal = instantAt(first, plan.sending_window.start);
  const step = currentStep([{ id: "w", kind: "weekly_digest", nominal }], now, maxCatchUp);
  if (!step) return undefined;
  const { year, week } = isoWeekOf(monday);
  const weekKey = `${year}-W${String(week).padStart(2, "0")}`;
  return {
    type: "weekly",
    step,
    weekKey,
    key: { scope: WEEKLY_DIGEST_SCOPE, periodKey: weekKey, step: "w" },
  };
}
