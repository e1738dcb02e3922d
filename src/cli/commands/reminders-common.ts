/** Shared by the `reminders`, `outbox` and `exemptions` commands: the plan in force, times, names. */
import { activePlanSource } from "../../bot/status/plan-source";
import { formatDateVi, localDateOf, localTimeOf } from "../../domain/time";
import { loadCalendar, PlanInvalidError, resolveActivePlan } from "../../plan/index";
import { boundPlanSource, type PlanSource } from "../../reminders/plan-source";
import { type CliContext, CliError, type ParsedArgs, stringFlag } from "../command";
import { planInvalidError } from "./plan-output";

/** "24/11/2026 09:00" in Asia/Ho_Chi_Minh. */
export function whenText(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  return `${formatDateVi(localDateOf(d))} ${localTimeOf(d)}`;
}

/** --at ISO_TIME, required. */
export function atFlag(args: ParsedArgs, usage: string): Date {
  const raw = stringFlag(args, "at");
  if (raw === undefined) throw new CliError("reminders:cli.missingAt", { usage }, 2);
  const at = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(at.getTime()))
    throw new CliError("reminders:cli.badTime", { value: raw }, 2);
  return at;
}

/**
 * The product's shared plan source (the one src/app.ts composes), bound to the CLI's database,
 * with the plan's problems turned into one localized line.
 */
export async function cliPlanSource(ctx: CliContext): Promise<PlanSource> {
  const { db } = await ctx.database();
  const source = boundPlanSource(db, activePlanSource(ctx.config));
  try {
    await source();
  } catch (e) {
    if (e instanceof PlanInvalidError) throw planInvalidError(e, "reminders:cli.planInvalid");
    // The shared source only says that the calendar failed; ask it again for the reason.
    const { plan } = await resolveActivePlan(db, ctx.config);
    const calendar = await loadCalendar(plan.calendar, ctx.config.dataDir, ctx.config.lang);
    if (!calendar.ok) {
      const detail = calendar.errors.map((err) => err.message).join("; ");
      throw new CliError("reminders:cli.calendar", { id: plan.calendar, detail });
    }
    throw e;
  }
  return source;
}
