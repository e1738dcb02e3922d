/**
 * The plan in force and its holiday calendar, cached for a short while: the dispatcher asks before
 * every reminder it sends, and a wave has thousands.
 */
import type { Config } from "../config";
import type { Db } from "../db/index";
import type { HolidayCalendar, Plan } from "../domain/plan";
import { loadCalendar, resolveActivePlan } from "../plan/index";

export interface ActivePlan {
  readonly plan: Plan;
  readonly calendar: HolidayCalendar;
}

export type PlanSource = () => Promise<ActivePlan>;

/** A change of plan (`baocao plan use`) is seen by running processes within this time. */
const PLAN_CACHE_MS = 60_000;

export class CalendarUnavailableError extends Error {
  readonly code = "CALENDAR_UNAVAILABLE";
  constructor(
    readonly calendarId: string,
    readonly detail: string,
  ) {
    super(`calendar ${calendarId}: ${detail}`);
    this.name = "CalendarUnavailableError";
  }
}

export function activePlanSource(
  db: Db,
  config: Pick<Config, "planRef" | "dataDir">,
  clock: () => number = Date.now,
): PlanSource {
  let cached: { value: ActivePlan; at: number } | null = null;
  return async () => {
    if (cached && clock() - cached.at < PLAN_CACHE_MS) return cached.value;
    const { plan } = await resolveActivePlan(db, config);
    const loaded = await loadCalendar(plan.calendar, config.dataDir, "en");
    if (!loaded.ok)
      throw new CalendarUnavailableError(plan.calendar, loaded.errors.map((e) => e.message).join("; "));
    cached = { value: { plan, calendar: loaded.calendar }, at: clock() };
    return cached.value;
  };
}

/** A fixed plan (tests, `reminders preview` with a given plan). */
export function fixedPlanSource(value: ActivePlan): PlanSource {
  return async () => value;
}
