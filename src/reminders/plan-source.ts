/**
 * The plan the reminder service works with. The product has ONE plan source, shared by
 * /trangthai, the report flow and reminders (src/bot/status/plan-source.ts: it reloads the plan
 * and its calendar only when they change); the service takes it bound to the database. Tests give
 * a fixed plan.
 */
import type { Db } from "../db/index";
import type { HolidayCalendar, Plan } from "../domain/plan";

export interface ActivePlan {
  readonly plan: Plan;
  readonly calendar: HolidayCalendar;
}

export type PlanSource = () => Promise<ActivePlan>;

/** The shape of the shared source (src/bot/status/sources.ts ActivePlanSource). */
export type DbPlanSource = (db: Db) => Promise<ActivePlan | null>;

export class NoPlanError extends Error {
  readonly code = "NO_PLAN";
  constructor() {
    super("no plan in force");
    this.name = "NoPlanError";
  }
}

/** The shared source bound to a database: what the service, the dispatcher hooks and the CLI use. */
export function boundPlanSource(db: Db, source: DbPlanSource): PlanSource {
  return async () => {
    const active = await source(db);
    if (!active) throw new NoPlanError();
    return active;
  };
}

/** A fixed plan (tests, benchmarks). */
export function fixedPlanSource(value: ActivePlan): PlanSource {
  return async () => value;
}
