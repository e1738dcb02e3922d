/**
 * computeInstances in two steps, for callers that ask about a few units many times: the plan's
 * schedule over a range (periods, opening and due days of every obligation — the costly part,
 * independent of units), then its fan-out to the units asked about (cheap date comparisons).
 * `instancesOf(scheduleInstances(plan, calendar, range), units)` equals
 * `computeInstances(plan, units, calendar, range)`, order included (test/domain checks it); the
 * schedule is a plain value, so it can be kept for as long as the plan and calendar are the same.
 */
import { audienceUnits, indexUnits, resolveSubmitTo, sharedSubmitTo } from "./audience";
import { type InstanceRange, type ObligationInstance, unitOwes } from "./instances";
import type { Unit } from "./org";
import type { HolidayCalendar, Obligation, Plan } from "./plan";
import { type ScheduledPeriod, scheduleObligation } from "./schedule";
import { workingDays } from "./workdays";

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
