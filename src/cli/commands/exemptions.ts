/**
 * `baocao exemptions add UNIT OBLIGATION PERIOD --reason "…"`, `baocao exemptions list [--unit
 * UNIT] [--json]`, `baocao exemptions remove UNIT OBLIGATION PERIOD`. PERIOD is a period key
 * ("2026-11") or "*" for every period. An exempt unit is neither reminded nor counted missing.
 */
import { ALL_PERIODS, addExemption, listExemptions, removeExemption } from "../../db/exemptions";
import { getUnitByCode, listUnits } from "../../db/index";
import { periodForKey } from "../../domain/period-keys";
import type { Plan } from "../../domain/plan";
import { type CliContext, CliError, type Command, type ParsedArgs, stringFlag } from "../command";
import { cliPlanSource, whenText } from "./reminders-common";

const ADD_USAGE = 'baocao exemptions add UNIT OBLIGATION PERIOD --reason "…"';
const REMOVE_USAGE = "baocao exemptions remove UNIT OBLIGATION PERIOD";
const TRIPLE = { min: 3, max: 3, names: ["UNIT", "OBLIGATION", "PERIOD"] } as const;

function reportName(plan: Plan, code: string, lang: "vi" | "en"): string {
  const o = plan.obligations.find((x) => x.code === code);
  if (!o) return code;
  return lang === "en" ? (o.name.en ?? o.name.vi) : o.name.vi;
}

async function resolve(ctx: CliContext, args: ParsedArgs) {
  const [unitCode = "", code = "", period = ""] = args.positionals;
  const { db } = await ctx.database();
  const unit = await getUnitByCode(db, unitCode);
  if (!unit) throw new CliError("reminders:exemptions.unknownUnit", { code: unitCode });
  const { plan, calendar } = await (await cliPlanSource(ctx))();
  const obligation = plan.obligations.find((o) => o.code.toUpperCase() === code.trim().toUpperCase());
  if (!obligation) throw new CliError("reminders:exemptions.unknownObligation", { code });
  const periodKey = period.trim().toUpperCase();
  if (periodKey !== ALL_PERIODS && !periodForKey(obligation.period, calendar, periodKey).ok)
    throw new CliError("reminders:exemptions.badPeriod", { period, code: obligation.code });
  const label = periodKey === ALL_PERIODS ? ctx.t("reminders:exemptions.allPeriods") : periodKey;
  const names = {
    unit: `${unit.name} (${unit.code})`,
    report: reportName(plan, obligation.code, ctx.lang),
    period: label,
  };
  return { db, unit, obligation, periodKey, names };
}

export const exemptionsAddCommand: Command = {
  path: ["exemptions", "add"],
  summaryKey: "reminders:exemptions.addSummary",
  usage: ADD_USAGE,
  flags: { reason: { type: "string" } },
  positionals: TRIPLE,
  async run(ctx, args) {
    const reason = stringFlag(args, "reason")?.trim();
    if (!reason) throw new CliError("reminders:exemptions.missingReason", { usage: ADD_USAGE }, 2);
    const { db, unit, obligation, periodKey, names } = await resolve(ctx, args);
    const added = await addExemption(
      db,
      { unitId: unit.id, obligationCode: obligation.code, periodKey, reason, createdBy: "cli" },
      ctx.now(),
    );
    if (ctx.json)
      ctx.out(
        JSON.stringify({ added, unit: unit.code, obligation: obligation.code, period: periodKey, reason }),
      );
    else
      ctx.out(
        ctx.t(added ? "reminders:exemptions.added" : "reminders:exemptions.exists", { ...names, reason }),
      );
    return 0;
  },
};

export const exemptionsRemoveCommand: Command = {
  path: ["exemptions", "remove"],
  summaryKey: "reminders:exemptions.removeSummary",
  usage: REMOVE_USAGE,
  positionals: TRIPLE,
  async run(ctx, args) {
    const { db, unit, obligation, periodKey, names } = await resolve(ctx, args);
    const removed = await removeExemption(db, {
      unitId: unit.id,
      obligationCode: obligation.code,
      periodKey,
    });
    if (ctx.json)
      ctx.out(JSON.stringify({ removed, unit: unit.code, obligation: obligation.code, period: periodKey }));
    else if (removed) ctx.out(ctx.t("reminders:exemptions.removed", names));
    else throw new CliError("reminders:exemptions.notFound", names);
    return 0;
  },
};

export const exemptionsListCommand: Command = {
  path: ["exemptions", "list"],
  summaryKey: "reminders:exemptions.listSummary",
  usage: "baocao exemptions list [--unit UNIT] [--json]",
  flags: { unit: { type: "string" } },
  async run(ctx, args) {
    const { db } = await ctx.database();
    const unitArg = stringFlag(args, "unit");
    const only = unitArg === undefined ? undefined : await getUnitByCode(db, unitArg);
    if (unitArg !== undefined && !only)
      throw new CliError("reminders:exemptions.unknownUnit", { code: unitArg });
    const rows = await listExemptions(db, only ? { unitId: only.id } : {});
    const units = new Map((await listUnits(db)).map((u) => [u.id, u]));
    const named = rows.map((r) => ({
      ...r,
      unitCode: units.get(r.unitId)?.code ?? null,
      unitName: units.get(r.unitId)?.name ?? null,
    }));
    if (ctx.json) {
      ctx.out(JSON.stringify({ exemptions: named }));
      return 0;
    }
    if (named.length === 0) {
      ctx.out(ctx.t("reminders:exemptions.listNone"));
      return 0;
    }
    ctx.out(ctx.t("reminders:exemptions.listHeader", { count: named.length }));
    for (const r of named) {
      ctx.out(
        ctx.t("reminders:exemptions.listLine", {
          unit: `${r.unitName ?? r.unitId} (${r.unitCode ?? "?"})`,
          report: r.obligationCode,
          period: r.periodKey === ALL_PERIODS ? ctx.t("reminders:exemptions.allPeriods") : r.periodKey,
          reason: r.reason,
          at: whenText(r.createdAt),
        }),
      );
    }
    return 0;
  },
};
