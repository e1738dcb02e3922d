/**
 * What units owe now, as data: reports due this month with their compliance status, and the
 * quotas whose period contains today with their article counts. Rules come from the domain
 * (instances, reportStatus, quotaProgress); rendering is in render.ts. The office's exemptions
 * (db exemptionsFor: the period's own, else an every-period one) apply to both, as the reminder
 * planner applies them (reminders/context.ts instanceState): an exempt report counts as sent, an
 * exempt quota as reached.
 */
import { exemptionsFor } from "../../db/exemptions";
import type { Db } from "../../db/index";
import { addMonths, firstOfMonth, lastOfMonth, maxDate, minDate, yearMonthOf } from "../../domain/dates";
import { instancesOf, type ObligationInstance } from "../../domain/instances";
import type { LocalDate, Unit } from "../../domain/org";
import type { Period } from "../../domain/periods";
import type { Obligation } from "../../domain/plan";
import { quotaProgress } from "../../domain/quota";
import { type ReportStatus, reportStatus } from "../../domain/status";
import { loadArticles } from "./articles";
import { PAST_LINES_MIN_UNITS, pastLines } from "./past-lines";
import { periodFor, schedulesFor } from "./schedules";
import { type ActivePlan, instanceKeyString, type SubmissionStatusSource } from "./sources";

export interface ReportLine {
  readonly obligation: Obligation;
  readonly instance: ObligationInstance;
  readonly period: Period | null;
  readonly status: ReportStatus;
}

export interface QuotaLine {
  readonly obligation: Obligation;
  readonly instance: ObligationInstance;
  readonly period: Period | null;
  readonly target: number;
  readonly count: number;
  /** The office exempted the unit from this quota for this period (or for every period). */
  readonly exempt: boolean;
  /** Reached the target, or exempt: what the summaries count as reached. */
  readonly met: boolean;
}

export interface StatusData {
  readonly today: LocalDate;
  readonly reports: readonly ReportLine[];
  readonly quotas: readonly QuotaLine[];
}

/** The lines of the periods (obligation and period) someone still owes. */
function stillOwed(lines: readonly ReportLine[]): ReportLine[] {
  const owed = new Set<string>();
  for (const l of lines)
    if (!isSubmitted(l.status)) owed.add(`${l.obligation.code}\u0000${l.instance.periodKey}`);
  return lines.filter((l) => owed.has(`${l.obligation.code}\u0000${l.instance.periodKey}`));
}

export function isSubmitted(status: ReportStatus): boolean {
  return status === "submitted_on_time" || status === "submitted_late" || status === "exempt";
}

/**
 * The status of each report instance at `now`: submitted (on time, late), exempt, or not (not yet
 * open, open, overdue), by domain/status.ts reportStatus from the current submission and the
 * office's exemption. The one place /trangthai's counts and the missing lists (/chuanop, the
 * "Chưa nộp" buttons, `baocao submissions missing`) come from.
 */
export async function reportLines(
  db: Db,
  active: ActivePlan,
  instances: readonly ObligationInstance[],
  now: Date,
  submissions: SubmissionStatusSource,
): Promise<ReportLine[]> {
  const byCode = new Map(active.plan.obligations.map((o) => [o.code, o]));
  const facts = await submissions.submissions(db, instances);
  const exemptions = await exemptionsFor(db, instances);
  const lines: ReportLine[] = [];
  for (const instance of instances) {
    const obligation = byCode.get(instance.obligationCode);
    if (!obligation) continue;
    const key = instanceKeyString(instance);
    lines.push({
      obligation,
      instance,
      period: periodFor(obligation.period, active.calendar, instance.periodKey),
      status: reportStatus(instance, now, {
        submission: facts.get(key) ?? null,
        exemption: exemptions.get(key) ?? null,
        nilAllowed: obligation.nil_report,
      }),
    });
  }
  return lines;
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
  const periodOf = (o: Obligation, key: string): Period | null => periodFor(o.period, calendar, key);

  // Only the asked-about units are fanned out; the schedules are shared by every asker. Last
  // month's periods come too, kept only where someone has still not sent them: on 3 December the
  // November report's late units are what matters most.
  const monthStart = firstOfMonth(month);
  const lastMonth = addMonths(month, -1);
  const pastInstances = () =>
    instancesOf(
      schedulesFor(plan, calendar, "report", { from: firstOfMonth(lastMonth), to: lastOfMonth(lastMonth) }),
      units,
    );
  const currentInstances = instancesOf(
    schedulesFor(plan, calendar, "report", { from: monthStart, to: lastOfMonth(month) }),
    units,
  );
  let reports: ReportLine[];
  if (units.length < PAST_LINES_MIN_UNITS) {
    // A school's few lines: both months in one read of submissions and exemptions.
    const all = await reportLines(db, active, [...pastInstances(), ...currentInstances], now, submissions);
    const past = all.filter((l) => l.instance.dueDate < monthStart);
    reports = [...stillOwed(past), ...all.filter((l) => l.instance.dueDate >= monthStart)];
  } else {
    const past = await pastLines(
      [submissions, plan, calendar],
      `${lastMonth.year}-${lastMonth.month}`,
      units,
      async () => stillOwed(await reportLines(db, active, pastInstances(), now, submissions)),
    );
    reports = [...past, ...(await reportLines(db, active, currentInstances, now, submissions))];
  }

  const quotaInstances = instancesOf(
    schedulesFor(plan, calendar, "quota", { from: today, to: today }),
    units,
  );
  const quotas: QuotaLine[] = [];
  if (quotaInstances.length > 0) {
    const from = quotaInstances.reduce((m, i) => minDate(m, i.periodStart), today);
    const to = quotaInstances.reduce((m, i) => maxDate(m, i.periodEnd), today);
    const unitIds = [...new Set(quotaInstances.map((i) => i.unitId))];
    const [articles, exemptions] = await Promise.all([
      loadArticles(db, unitIds, { from, to }),
      exemptionsFor(db, quotaInstances),
    ]);
    for (const progress of quotaProgress(plan.obligations, quotaInstances, articles)) {
      const obligation = byCode.get(progress.instance.obligationCode);
      if (!obligation) continue;
      const exempt = exemptions.has(instanceKeyString(progress.instance));
      quotas.push({
        obligation,
        instance: progress.instance,
        period: periodOf(obligation, progress.instance.periodKey),
        target: progress.target,
        count: progress.count,
        exempt,
        met: progress.met || exempt,
      });
    }
  }
  return { today, reports, quotas };
}
