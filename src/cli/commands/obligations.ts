/**
 * `baocao obligations --period PERIOD [--unit CODE]`: every instance of the plan in force whose due
 * day falls in a month, ISO week, quarter, calendar year or school year — what the office will
 * chase, unit by unit, and to whom each report goes.
 */
import { listUnits, normalizeUnitCode } from "../../db/index";
import { isoWeeksInYear } from "../../domain/dates";
import { computeInstances, type ObligationInstance } from "../../domain/instances";
import type { Unit } from "../../domain/org";
import { type PeriodKeyError, parsePeriodKey, queryRange } from "../../domain/period-keys";
import type { LocalizedText, Plan } from "../../domain/plan";
import { formatDateVi } from "../../domain/time";
import { loadActivePlan, loadCalendar, localized, PlanInvalidError } from "../../plan/index";
import { type CliContext, CliError, type Command, stringFlag } from "../command";
import { dueText, lookupFor, periodText, printInstances, submitToText } from "./obligations-output";
import { planInvalidError } from "./plan-output";

const USAGE = "baocao obligations --period PERIOD [--unit CODE] [--json]";

const PERIOD_ERROR_KEYS: Record<PeriodKeyError, string> = {
  bad_format: "obligations:error.badPeriod",
  bad_week: "obligations:error.badWeek",
  bad_month: "obligations:error.badMonth",
  bad_school_year: "obligations:error.badSchoolYear",
  unknown_school_year: "obligations:error.unknownSchoolYear",
  wrong_cadence: "obligations:error.badPeriod",
};

async function activePlan(ctx: CliContext): Promise<Plan> {
  const { db } = await ctx.database();
  try {
    return await loadActivePlan(db, ctx.config);
  } catch (e) {
    if (!(e instanceof PlanInvalidError)) throw e;
    throw planInvalidError(e, "obligations:error.planInvalid");
  }
}

function byDueThenPlanOrder(plan: Plan, units: ReadonlyMap<string, Unit>) {
  const order = new Map(plan.obligations.map((o, i) => [o.code, i]));
  const code = (i: ObligationInstance) => units.get(i.unitId)?.code ?? i.unitId;
  return (a: ObligationInstance, b: ObligationInstance) =>
    (order.get(a.obligationCode) ?? 0) - (order.get(b.obligationCode) ?? 0) ||
    a.dueAt.localeCompare(b.dueAt) ||
    a.periodKey.localeCompare(b.periodKey) ||
    code(a).localeCompare(code(b));
}

export const obligationsCommand: Command = {
  path: ["obligations"],
  summaryKey: "obligations:cli.summary",
  usage: USAGE,
  flags: { period: { type: "string" }, unit: { type: "string" } },
  async run(ctx, args) {
    const periodArg = stringFlag(args, "period");
    if (periodArg === undefined) throw new CliError("obligations:error.missingPeriod", { usage: USAGE }, 2);
    const ref = parsePeriodKey(periodArg);
    if (!ref.ok) {
      const year = Number(periodArg.slice(0, 4));
      const weeks = Number.isInteger(year) ? isoWeeksInYear(year) : 52;
      throw new CliError(
        PERIOD_ERROR_KEYS[ref.reason],
        { period: periodArg, year, next: year + 1, weeks },
        2,
      );
    }
    const plan = await activePlan(ctx);
    const loaded = await loadCalendar(plan.calendar, ctx.config.dataDir, ctx.lang);
    if (!loaded.ok) {
      const detail = loaded.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ");
      throw new CliError("obligations:error.calendar", { id: plan.calendar, detail });
    }
    const calendar = loaded.calendar;
    const range = queryRange(ref.value, calendar);
    if (!range.ok)
      throw new CliError(PERIOD_ERROR_KEYS[range.reason], { period: periodArg, calendar: calendar.id });
    const { from, to } = range.value;

    const { db } = await ctx.database();
    const units = await listUnits(db);
    const unitArg = stringFlag(args, "unit");
    const only = unitArg === undefined ? undefined : units.find((u) => u.code === normalizeUnitCode(unitArg));
    if (unitArg !== undefined && !only)
      throw new CliError("obligations:error.unknownUnit", { code: unitArg });

    const lookup = lookupFor(plan, units, calendar);
    const instances = computeInstances(plan, units, calendar, range.value)
      .filter((i) => i.dueDate >= from && i.dueDate <= to && (!only || i.unitId === only.id))
      .sort(byDueThenPlanOrder(plan, lookup.units));

    if (ctx.json) {
      const rows = instances.map((i) => ({
        ...i,
        obligationName: nameOf(lookup.obligations.get(i.obligationCode)?.name, i.obligationCode, ctx),
        unitCode: lookup.units.get(i.unitId)?.code ?? null,
        unitName: lookup.units.get(i.unitId)?.name ?? null,
        periodLabel: periodText(ctx, lookup, i),
        due: dueText(ctx, i),
        submitTo: submitToText(ctx, lookup, i),
        submitToCode: i.submitToUnitId === null ? null : (lookup.units.get(i.submitToUnitId)?.code ?? null),
      }));
      ctx.out(JSON.stringify({ period: periodArg, from, to, planId: plan.id, instances: rows }));
      return 0;
    }
    const dates = { from: formatDateVi(from), to: formatDateVi(to), period: periodArg };
    if (units.length === 0) {
      ctx.out(ctx.t("obligations:cli.noUnits"));
      return 0;
    }
    if (instances.length === 0) {
      ctx.out(ctx.t("obligations:cli.none", dates));
      return 0;
    }
    const unitCount = new Set(instances.map((i) => i.unitId)).size;
    ctx.out(
      only
        ? ctx.t("obligations:cli.headerUnit", {
            ...dates,
            unit: `${only.name} (${only.code})`,
            count: instances.length,
          })
        : ctx.t("obligations:cli.header", { ...dates, count: instances.length, units: unitCount }),
    );
    printInstances(ctx, lookup, instances);
    return 0;
  },
};

function nameOf(name: LocalizedText | undefined, code: string, ctx: CliContext): string {
  return name ? localized(name, ctx.lang) : code;
}
