/**
 * `baocao submissions missing --obligation CODE --period PERIOD [--unit-under CODE] [--json]`:
 * the units that have not sent a report's period (neither submitted nor exempt), grouped by the
 * unit they report to, with the unit's phone and whom to call (with their phones: the operator
 * holds the whole database), the due date and the days late. The same list as /chuanop, from the
 * same computation (src/bot/status/missing.ts).
 *
 * Exit codes: 0 the list (empty or not); 1 unknown report or unit; 2 a missing flag or a period
 * that does not fit the report.
 */
import { unitsBelow } from "../../bot/actor";
import { resolveReportPeriod } from "../../bot/report-args";
import { missingReport } from "../../bot/status/missing";
import { groupParagraphs, periodText } from "../../bot/status/missing-render";
import { periodHelp } from "../../bot/status/period-help";
import { localized } from "../../bot/status/render";
import { createSubmissionStatusSource } from "../../conversation/runner/index";
import { listUnits, normalizeUnitCode } from "../../db/units";
import { isUnitValidOn } from "../../domain/org";
import { formatDateVi, localDateOf } from "../../domain/time";
import { CliError, type Command, stringFlag } from "../command";
import { cliPlanSource } from "./reminders-common";

const USAGE = "baocao submissions missing --obligation CODE --period PERIOD [--unit-under CODE] [--json]";

export const submissionsMissingCommand: Command = {
  path: ["submissions", "missing"],
  summaryKey: "missing:cli.summary",
  usage: USAGE,
  flags: { obligation: { type: "string" }, period: { type: "string" }, "unit-under": { type: "string" } },
  async run(ctx, args) {
    const code = stringFlag(args, "obligation")?.trim();
    if (!code) throw new CliError("missing:cli.missingFlag", { flag: "obligation", usage: USAGE }, 2);
    const period = stringFlag(args, "period")?.trim();
    if (!period) throw new CliError("missing:cli.missingFlag", { flag: "period", usage: USAGE }, 2);
    const now = ctx.now();
    const today = localDateOf(now);
    const active = await (await cliPlanSource(ctx))();
    const target = resolveReportPeriod(active, code, period, ["report"]);
    if (!target.ok) {
      if (target.reason !== "bad_period") throw new CliError("missing:cli.unknownObligation", { code });
      const help = periodHelp(target.obligation, active.calendar, today, ctx.t);
      throw new CliError("missing:cli.badPeriod", { ...help, code: target.obligation.code, period }, 2);
    }
    const { db } = await ctx.database();
    const all = await listUnits(db);
    const units = new Map(all.map((u) => [u.id, u]));
    let scope = all.filter((u) => isUnitValidOn(u, today));
    const under = stringFlag(args, "unit-under");
    if (under !== undefined) {
      const root = all.find((u) => u.code === normalizeUnitCode(under) && isUnitValidOn(u, today));
      if (!root) throw new CliError("missing:cli.unknownUnit", { code: under });
      const below = unitsBelow(root.id, all);
      scope = scope.filter((u) => below.has(u.id));
    }
    const report = await missingReport(db, {
      active,
      obligation: target.obligation,
      scheduled: target.scheduled,
      scope,
      units,
      now,
      submissions: createSubmissionStatusSource(),
    });
    const { obligation, scheduled } = report;
    if (ctx.json) {
      ctx.out(
        JSON.stringify({
          obligation: obligation.code,
          report: localized(obligation.name, ctx.lang),
          period: scheduled.period.key,
          dueDate: scheduled.dueDate,
          dueAt: scheduled.dueAt,
          total: report.total,
          missing: report.missing.map((e) => ({
            code: e.unit.code,
            name: e.unit.name,
            phone: e.unit.phone,
            email: e.unit.email,
            reportsTo: e.line ? { code: e.line.code, name: e.line.name } : null,
            status: e.status,
            daysLate: e.daysLate,
            contacts: e.contacts.map((c) => ({ role: c.role, name: c.fullName, phone: c.phone })),
          })),
        }),
      );
      return 0;
    }
    const params = {
      report: localized(obligation.name, ctx.lang),
      code: obligation.code,
      period: periodText(scheduled.period, scheduled.period.key, ctx.t),
      due: formatDateVi(scheduled.dueDate),
      missing: report.missing.length,
      total: report.total,
    };
    if (report.missing.length === 0) {
      ctx.out(ctx.t(report.total === 0 ? "missing:cli.noneOwing" : "missing:cli.none", params));
      return 0;
    }
    ctx.out(ctx.t("missing:cli.heading", params));
    for (const paragraph of groupParagraphs(report.missing, ctx.t, true)) {
      ctx.out("");
      ctx.out(paragraph);
    }
    return 0;
  },
};
