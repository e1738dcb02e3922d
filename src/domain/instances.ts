/**
 * Obligation instances: one per unit × obligation × period, the thing that is due, reminded,
 * submitted and counted. Computed, never stored: the plan, the units and the calendar decide.
 */
import { audienceUnits, indexUnits, resolveSubmitTo, sharedSubmitTo } from "./audience";
import type { LocalDate, Unit } from "./org";
import type { HolidayCalendar, Obligation, Plan } from "./plan";
import { type ScheduledPeriod, scheduleObligation } from "./schedule";
import { workingDays } from "./workdays";

export interface ObligationInstance {
  readonly obligationCode: string;
  readonly kind: "report" | "quota";
  readonly unitId: string;
  readonly periodKey: string;
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  readonly opensOn: LocalDate;
  readonly dueDate: LocalDate;
  /** ISO-8601 UTC instant (the due day's deadline in Asia/Ho_Chi_Minh). */
  readonly dueAt: string;
  readonly submitToUnitId: string | null;
  /** Quotas: the number of articles to reach; reports: null. */
  readonly target: number | null;
}

export interface InstanceRange {
  /** Inclusive local dates. */
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * Does a unit owe this instance? It must exist on at least one day of the period AND on the due
 * day. The due day is when the office chases the unit: a unit dissolved before it cannot be
 * chased (its successors report), and a unit created after it would be overdue at birth. A unit
 * created after the period's end has nothing to report on, even if the deadline comes later.
 */
export function unitOwes(unit: Unit, s: ScheduledPeriod): boolean {
  const { validFrom, validTo } = unit;
  const start = validFrom === null || validFrom <= s.period.end;
  const end = validTo === null || validTo >= s.period.start;
  const onDue = (validFrom === null || validFrom <= s.dueDate) && (validTo === null || s.dueDate <= validTo);
  return start && end && onDue;
}

/**
 * Every instance of a plan in a range: reports whose due day falls in [from, to], quotas whose
 * period overlaps it (their articles count over the whole period). Event obligations have no
 * calendar instances. Deadlines use the plan's holiday list (calendar_kind). Ordered by obligation
 * (plan order), then period, then unit.
 *
 * Fast by construction: periods and due days are computed once per obligation, the audience once
 * per obligation, and the fan-out to units only compares date strings.
 */
export function computeInstances(
  plan: Pick<Plan, "obligations" | "calendar_kind">,
  units: readonly Unit[],
  calendar: HolidayCalendar,
  range: InstanceRange,
): ObligationInstance[] {
  return instancesOf(scheduleInstances(plan, calendar, range), units);
}

/*
 * computeInstances in two steps, for callers that ask about a few units many times: the plan's
 * schedule over a range (periods, opening and due days of every obligation — the costly part,
 * independent of units), then its fan-out to the units asked about (cheap date comparisons).
 * The schedule is a plain value, so it can be kept for as long as the plan and calendar are the
 * same (bot/status/schedules.ts does).
 */

export interface ObligationSchedule {
  readonly obligation: Obligation;
  readonly kind: "report" | "quota";
  readonly target: number | null;
  readonly periods: readonly ScheduledPeriod[];
}

/** The schedules of a plan's report and quota obligations over a range, in plan order. */
export function scheduleInstances(
  plan: Pick<Plan, "obligations" | "calendar_kind">,
  calendar: HolidayCalendar,
  range: InstanceRange,
): ObligationSchedule[] {
  const wd = workingDays(calendar, plan.calendar_kind);
  const schedules: ObligationSchedule[] = [];
  for (const obligation of plan.obligations) {
    if (obligation.kind === "event") continue;
    const kind = obligation.kind;
    const periods = scheduleObligation(obligation, calendar, wd, range, kind === "quota" ? "period" : "due");
    if (periods.length === 0) continue;
    schedules.push({
      obligation,
      kind,
      target: kind === "quota" ? (obligation.quota?.target ?? null) : null,
      periods,
    });
  }
  return schedules;
}

/** The instances these units owe under the schedules (computeInstances' fan-out). */
export function instancesOf(
  schedules: readonly ObligationSchedule[],
  units: readonly Unit[],
): ObligationInstance[] {
  const index = indexUnits(units);
  const instances: ObligationInstance[] = [];
  for (const { obligation, kind, target, periods } of schedules) {
    const audience = audienceUnits(obligation.audience, index);
    if (audience.length === 0) continue;
    for (const s of periods) {
      // A named unit or the office is resolved once per period; relations once per unit.
      const shared = sharedSubmitTo(obligation.submit_to, index, s.dueDate);
      for (const unit of audience) {
        if (!unitOwes(unit, s)) continue;
        instances.push({
          obligationCode: obligation.code,
          kind,
          unitId: unit.id,
          periodKey: s.period.key,
          periodStart: s.period.start,
          periodEnd: s.period.end,
          opensOn: s.opensOn,
          dueDate: s.dueDate,
          dueAt: s.dueAt,
          submitToUnitId:
            shared !== undefined ? shared : resolveSubmitTo(obligation.submit_to, unit, index, s.dueDate),
          target,
        });
      }
    }
  }
  return instances;
}
