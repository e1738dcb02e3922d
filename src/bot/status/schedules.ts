/**
 * The plan's schedules (domain/instances.ts scheduleInstances) kept per plan, calendar and range: computing
 * the periods and due days of every obligation was most of a /trangthai, and they are the same
 * for every asker all month (reports) or all day (quotas). Keyed by the plan and calendar objects
 * (the production plan source returns the same objects while nothing changed), so a new plan or
 * an edited calendar is simply a miss; a few dozen ranges per plan are kept. The periods named
 * by instance keys (for their labels) are kept the same way.
 */

import { type InstanceRange, type ObligationSchedule, scheduleInstances } from "../../domain/instances";
import { periodForKey } from "../../domain/period-keys";
import type { Period } from "../../domain/periods";
import type { HolidayCalendar, PeriodRule, Plan } from "../../domain/plan";

const RANGES_KEPT_PER_PLAN = 64;

const memo = new WeakMap<Plan, WeakMap<HolidayCalendar, Map<string, readonly ObligationSchedule[]>>>();

/** The schedules of this kind of obligation over the range. */
export function schedulesFor(
  plan: Plan,
  calendar: HolidayCalendar,
  kind: "report" | "quota",
  range: InstanceRange,
): readonly ObligationSchedule[] {
  let byCalendar = memo.get(plan);
  if (!byCalendar) {
    byCalendar = new WeakMap();
    memo.set(plan, byCalendar);
  }
  let byRange = byCalendar.get(calendar);
  if (!byRange) {
    byRange = new Map();
    byCalendar.set(calendar, byRange);
  }
  const key = `${kind}|${range.from}|${range.to}`;
  let schedules = byRange.get(key);
  if (!schedules) {
    if (byRange.size >= RANGES_KEPT_PER_PLAN) byRange.clear();
    schedules = scheduleInstances(plan, calendar, range).filter((s) => s.kind === kind);
    byRange.set(key, schedules);
  }
  return schedules;
}

const PERIODS_KEPT_PER_RULE = 256;
const periods = new WeakMap<HolidayCalendar, WeakMap<PeriodRule, Map<string, Period | null>>>();

/** The period a key names under a rule (periodForKey), or null when it names none. */
export function periodFor(rule: PeriodRule, calendar: HolidayCalendar, key: string): Period | null {
  let byRule = periods.get(calendar);
  if (!byRule) {
    byRule = new WeakMap();
    periods.set(calendar, byRule);
  }
  let byKey = byRule.get(rule);
  if (!byKey) {
    byKey = new Map();
    byRule.set(rule, byKey);
  }
  let period = byKey.get(key);
  if (period === undefined) {
    if (byKey.size >= PERIODS_KEPT_PER_RULE) byKey.clear();
    const found = periodForKey(rule, calendar, key);
    period = found.ok ? found.value : null;
    byKey.set(key, period);
  }
  return period;
}
