/** What the submission and incident commands share: the plan in force (for names), and dates. */
import type { ActivePlan } from "../../bot/status/sources";
import { loadActivePlan, loadCalendar } from "../../plan/index";
import type { CliContext } from "../command";

/** The plan and calendar in force, or null when they cannot be read (names then fall back to codes). */
export async function planForNames(ctx: CliContext): Promise<ActivePlan | null> {
  const { db } = await ctx.database();
  try {
    const plan = await loadActivePlan(db, ctx.config);
    const calendar = await loadCalendar(plan.calendar, ctx.config.dataDir, ctx.lang);
    return calendar.ok ? { plan, calendar: calendar.calendar } : null;
  } catch {
    return null;
  }
}
