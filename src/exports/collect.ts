/**
 * The rows of an export: every unit that owes the instance (the plan's audience on the period and
 * due day, as everywhere else), with its status from the computation /trangthai uses
 * (bot/status/model.ts reportLines: the current submission and the office's exemption through
 * domain reportStatus), and the current version of what it sent.
 */
import { isSubmitted, reportLines } from "../bot/status/model";
import { type ActivePlan, instanceKeyString, type SubmissionStatusSource } from "../bot/status/sources";
import { exemptionsFor } from "../db/exemptions";
import type { Db } from "../db/index";
import { type SubmissionDetail, submissionDetails } from "../db/submissions-export";
import { listUnits } from "../db/units";
import { instancesOf } from "../domain/instances";
import type { Unit } from "../domain/org";
import type { Obligation } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import type { ExemptionFact, ReportStatus } from "../domain/status";

export interface ExportRow {
  readonly unit: Unit;
  /** Where this unit's report goes under the obligation's submit_to (null: nowhere resolvable). */
  readonly submitTo: Unit | null;
  readonly status: ReportStatus;
  readonly submission: SubmissionDetail | null;
  readonly exemption: ExemptionFact | null;
}

export interface ExportData {
  readonly obligation: Obligation;
  readonly scheduled: ScheduledPeriod;
  /** By unit code. */
  readonly rows: readonly ExportRow[];
  readonly at: Date;
}

export interface ExportSummary {
  readonly rows: number;
  /** Sent (on time or late) or exempted: what /trangthai counts as done. */
  readonly submitted: number;
  readonly missing: number;
}

export async function collectExport(
  db: Db,
  active: ActivePlan,
  target: { readonly obligation: Obligation; readonly scheduled: ScheduledPeriod },
  now: Date,
  submissions: SubmissionStatusSource,
): Promise<ExportData> {
  const { obligation, scheduled } = target;
  const units = await listUnits(db);
  const byId = new Map<string, Unit>(units.map((u) => [u.id, u]));
  const instances = instancesOf([{ obligation, kind: "report", target: null, periods: [scheduled] }], units);
  const [lines, details, exemptions] = await Promise.all([
    reportLines(db, active, instances, now, submissions),
    submissionDetails(db, obligation.code, scheduled.period.key),
    exemptionsFor(db, instances),
  ]);
  const detailOf = new Map(details.map((d) => [d.unitId, d]));
  const rows: ExportRow[] = [];
  for (const { instance, status } of lines) {
    const unit = byId.get(instance.unitId);
    if (!unit) continue;
    rows.push({
      unit,
      submitTo: instance.submitToUnitId === null ? null : (byId.get(instance.submitToUnitId) ?? null),
      status,
      submission: detailOf.get(unit.id) ?? null,
      exemption: exemptions.get(instanceKeyString(instance)) ?? null,
    });
  }
  rows.sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0));
  return { obligation, scheduled, rows, at: now };
}

export function summarize(data: Pick<ExportData, "rows">): ExportSummary {
  const submitted = data.rows.filter((r) => isSubmitted(r.status)).length;
  return { rows: data.rows.length, submitted, missing: data.rows.length - submitted };
}
