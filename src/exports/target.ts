/**
 * Which instance an export is of: a report of the plan in force and one of its periods, named the
 * way /nhacnho and /chuanop name them (bot/report-args.ts: the code or words of the name, then a
 * key such as "2026-11" or "11/2026"), with a reason the office can act on when the words do not
 * name one.
 */
import { resolveReportPeriod } from "../bot/report-args";
import type { ActivePlan } from "../bot/status/sources";
import { enumeratePeriods } from "../domain/periods";
import type { Obligation } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import { localDateOf } from "../domain/time";

export type ExportTarget =
  | { readonly ok: true; readonly obligation: Obligation; readonly scheduled: ScheduledPeriod }
  | { readonly ok: false; readonly reason: "unknown_report"; readonly report: string }
  | { readonly ok: false; readonly reason: "ambiguous"; readonly candidates: readonly Obligation[] }
  /** A quota or an incident obligation: nothing is submitted per period through a form. */
  | { readonly ok: false; readonly reason: "not_a_report"; readonly obligation: Obligation }
  | {
      readonly ok: false;
      readonly reason: "bad_period";
      readonly obligation: Obligation;
      readonly period: string;
      /** The key of this obligation's current period, to show how one is written. */
      readonly example: string;
    };

/** Example keys by cadence when the calendar gives no current period (a school year it lacks). */
const FALLBACK_EXAMPLES: Readonly<Record<Obligation["period"]["cadence"], string>> = {
  weekly: "2026-W48",
  monthly: "2026-11",
  quarterly: "2026-Q4",
  semester: "2026-2027-HK1",
  school_year: "2026-2027",
  calendar_year: "2026",
  fixed_annual: "2026-2027",
  anytime: "",
};

export function exportTarget(active: ActivePlan, report: string, period: string, now: Date): ExportTarget {
  const code = report.trim().toUpperCase();
  const other = active.plan.obligations.find((o) => o.code.toUpperCase() === code && o.kind !== "report");
  if (other) return { ok: false, reason: "not_a_report", obligation: other };
  const target = resolveReportPeriod(active, report, period, ["report"]);
  if (target.ok) return target;
  if (target.reason === "unknown_report")
    return { ok: false, reason: "unknown_report", report: report.trim() };
  if (target.reason === "ambiguous") return target;
  const today = localDateOf(now);
  const { obligation } = target;
  const current = enumeratePeriods(obligation.period, active.calendar, today, today)[0];
  return {
    ok: false,
    reason: "bad_period",
    obligation,
    period: period.trim(),
    example: current?.key ?? FALLBACK_EXAMPLES[obligation.period.cadence],
  };
}
