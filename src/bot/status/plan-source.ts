/**
 * The production ActivePlanSource: the plan in force (stored → BAOCAO_PLAN → the modern preset,
 * see src/plan/store.ts) and its holiday calendar (shipped, or overridden in DATA_DIR/calendars).
 * Read on every /trangthai so that `baocao plan use` and calendar edits apply without a restart.
 */
import type { Config } from "../../config";
import { loadActivePlan, loadCalendar } from "../../plan/index";
import type { ActivePlanSource } from "./sources";

export function activePlanSource(
  config: Pick<Config, "planRef" | "dataDir" | "lang">,
  cwd?: string,
): ActivePlanSource {
  return async (db) => {
    const plan = await loadActivePlan(db, config, cwd);
    const calendar = await loadCalendar(plan.calendar, config.dataDir, config.lang);
    // A plan names a calendar the validator checked; a missing one is an installation fault.
    if (!calendar.ok) throw new Error(`calendar "${plan.calendar}" of plan ${plan.id} cannot be loaded`);
    return { plan, calendar: calendar.calendar };
  };
}
