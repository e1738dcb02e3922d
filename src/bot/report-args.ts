/**
 * "<report> <period>" as typed after /nhacnho and /chuanop: the report by its code
 * ("DL_MONTHLY") or by words of its name ("du luan thang"), then the period as a key ("2026-11")
 * or as people write it ("11/2026"). One parser and one resolver for every command that names an
 * obligation's period, so that they accept the same things and refuse them the same way.
 */

import { matchName } from "../conversation/runner/match";
import { type PeriodKeyError, typedPeriodKey } from "../domain/period-keys";
import type { HolidayCalendar, Obligation, ObligationKind, Plan } from "../domain/plan";
import { type ScheduledPeriod, scheduledPeriodFor } from "../domain/schedule";
import { type WorkingDays, workingDays } from "../domain/workdays";

export interface ReportArgs {
  /** The report as typed (code or name words), "" when none. */
  readonly report: string;
  /** The period as typed ("11/2026"; resolveReportPeriod reads it), or null when none was. */
  readonly period: string | null;
  /** Words starting with "--" ("--now"), as typed. */
  readonly flags: readonly string[];
}

/** A last word that starts like a period: "2026-11", "11/2026", "Q4/2026", "HK1/2026-2027". */
const PERIOD_WORD = /^(\d|q[1-4]\b|q[1-4][/.]|hk[12][/.])/i;

export function splitReportArgs(args: string): ReportArgs {
  const all = args.split(/\s+/).filter((w) => w !== "");
  const flags = all.filter((w) => w.startsWith("--"));
  const words = all.filter((w) => !w.startsWith("--"));
  const last = words.at(-1);
  const hasPeriod = last !== undefined && words.length >= 2 && PERIOD_WORD.test(last);
  const period = hasPeriod ? last : null;
  const report = (hasPeriod ? words.slice(0, -1) : words).join(" ");
  return { report, period, flags };
}

/**
 * The obligations of these kinds a text names: the one whose code it is (case ignored), else the
 * best matches of its name words (several when they tie, none when nothing fits).
 */
export function findReports(plan: Plan, text: string, kinds: readonly ObligationKind[]): Obligation[] {
  const candidates = plan.obligations.filter((o) => kinds.includes(o.kind));
  const code = text.trim().toUpperCase();
  const exact = candidates.find((o) => o.code.toUpperCase() === code);
  if (exact) return [exact];
  return matchName(
    text,
    candidates.map((o) => ({
      value: o,
      names: [o.name.vi, ...(o.name.en ? [o.name.en] : []), o.code.replace(/_/g, " ")],
    })),
  );
}

export type ReportTarget =
  | { readonly ok: true; readonly obligation: Obligation; readonly scheduled: ScheduledPeriod }
  | { readonly ok: false; readonly reason: "unknown_report" }
  | { readonly ok: false; readonly reason: "ambiguous"; readonly candidates: readonly Obligation[] }
  | {
      readonly ok: false;
      readonly reason: "bad_period";
      readonly obligation: Obligation;
      readonly detail: PeriodKeyError | "inactive" | "no_due";
    };

/** The obligation and the one period of it that "<report> <period>" name. */
export function resolveReportPeriod(
  active: { readonly plan: Plan; readonly calendar: HolidayCalendar },
  report: string,
  periodKey: string,
  kinds: readonly ObligationKind[],
  wd: WorkingDays = workingDays(active.calendar, active.plan.calendar_kind),
): ReportTarget {
  const found = findReports(active.plan, report, kinds);
  if (found.length === 0) return { ok: false, reason: "unknown_report" };
  if (found.length > 1) return { ok: false, reason: "ambiguous", candidates: found };
  const obligation = found[0] as Obligation;
  const scheduled = scheduledPeriodFor(obligation, active.calendar, wd, typedPeriodKey(periodKey));
  if (!scheduled.ok) return { ok: false, reason: "bad_period", obligation, detail: scheduled.reason };
  return { ok: true, obligation, scheduled: scheduled.value };
}
