/**
 * What units owe now, as data: reports due this month (done or not) and the quotas whose period
 * contains today (with their article counts). Rendering is in render.ts.
 */
import type { Db } from "../../db/index";
import { firstOfMonth, lastOfMonth, yearMonthOf } from "../../domain/dates";
import { computeInstances, type ObligationInstance } from "../../domain/instances";
import type { LocalDate, Unit } from "../../domain/org";
import { periodForKey } from "../../domain/period-keys";
import type { Period } from "../../domain/periods";
import type { Obligation } from "../../domain/plan";
import { countArticles } from "./articles";
import { type ActivePlan, instanceKeyString, type SubmissionStatusSource } from "./sources";

export interface ReportLine {
  readonly obligation: Obligation;
  readonly instance: ObligationInstance;
  readonly period: Period | null;
  readonly submitted: boolean;
  /** The deadline has passed and nothing was submitted. */
  readonly overdue: boolean;
}

export interface QuotaLine {
  readonly obligation: Obligation;
  readonly instance: ObligationInstance;
  readonly period: Period | null;
  readonly target: number;
  readonly count: number;
}

export interface StatusData {
  readonly today: LocalDate;
  readonly reports: readonly ReportLine[];
  readonly quotas: readonly QuotaLine[];
}

/** Status of these units at `now`: reports due in the current month, quotas running today. */
export async function statusData(
  db: Db,
  active: ActivePlan,
  units: readonly Unit[],
  today: LocalDate,
  now: Date,
  submissions: SubmissionStatusSource,
): Promise<StatusData> {
  const { plan, calendar } = active;
  const month = yearMonthOf(today);
  const byCode = new Map(plan.obligations.map((o) => [o.code, o]));
  const periodOf = (o: Obligation, key: string): Period | null => {
    const p = periodForKey(o.period, calendar, key);
    return p.ok ? p.value : null;
  };

  const reportInstances = computeInstances(plan, units, calendar, {
    from: firstOfMonth(month),
    to: lastOfMonth(month),
  }).filter((i) => i.kind === "report");
  const submitted = await submissions.submitted(db, reportInstances);
  const reports: ReportLine[] = [];
  for (const instance of reportInstances) {
    const obligation = byCode.get(instance.obligationCode);
    if (!obligation) continue;
    const done = submitted.has(instanceKeyString(instance));
    reports.push({
      obligation,
      instance,
      period: periodOf(obligation, instance.periodKey),
      submitted: done,
      overdue: !done && Date.parse(instance.dueAt) < now.getTime(),
    });
  }

  const quotaInstances = computeInstances(plan, units, calendar, { from: today, to: today }).filter(
    (i) => i.kind === "quota",
  );
  const quotas: QuotaLine[] = [];
  // One counting query per obligation and period, for all units at once.
  const groups = new Map<string, ObligationInstance[]>();
  for (const i of quotaInstances) {
    const key = `${i.obligationCode}|${i.periodKey}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  }
  for (const group of groups.values()) {
    const first = group[0] as ObligationInstance;
    const obligation = byCode.get(first.obligationCode);
    if (!obligation?.quota) continue;
    const counts = await countArticles(
      db,
      group.map((i) => i.unitId),
      obligation.quota,
      { start: first.periodStart, end: first.periodEnd },
    );
    const period = periodOf(obligation, first.periodKey);
    for (const instance of group) {
      quotas.push({
        obligation,
        instance,
        period,
        target: instance.target ?? obligation.quota.target,
        count: counts.get(instance.unitId) ?? 0,
      });
    }
  }
  return { today, reports, quotas };
}
