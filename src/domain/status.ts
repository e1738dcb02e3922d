/**
 * Compliance status of an instance at an instant. The deadline instant itself is still on time
 * (dueAt is the last allowed millisecond, 23:59:59.999 local by default); one millisecond later is
 * late. An instance opens at 00:00 local of opensOn.
 */
import type { ObligationInstance } from "./instances";
import { instantAt } from "./time";

export type ReportStatus =
  | "not_open"
  | "open"
  | "submitted_on_time"
  | "submitted_late"
  | "overdue"
  | "exempt";

export type QuotaStatus = "not_open" | "open" | "met" | "missed" | "exempt";

export interface SubmissionFact {
  readonly submittedAt: Date;
  /** "Không có phát sinh": a nil report. */
  readonly nil?: boolean | undefined;
}

export interface ExemptionFact {
  readonly reason?: string | undefined;
}

export interface ReportStatusInput {
  readonly submission?: SubmissionFact | null | undefined;
  readonly exemption?: ExemptionFact | null | undefined;
  /**
   * Whether the obligation accepts nil reports (Obligation.nil_report). Default true. A nil report
   * where the plan does not allow one does not count as submitted.
   */
  readonly nilAllowed?: boolean | undefined;
}

type Timing = Pick<ObligationInstance, "opensOn" | "dueAt">;

function opensAt(instance: Timing): number {
  return instantAt(instance.opensOn).getTime();
}

/**
 * exempt wins over everything (the office released the unit); then a counted submission is on time
 * when made at or before dueAt (even before the instance opened) and late after it; without one,
 * the instance is not_open before it opens, open until dueAt inclusive, overdue after.
 */
export function reportStatus(instance: Timing, now: Date, input: ReportStatusInput = {}): ReportStatus {
  if (input.exemption) return "exempt";
  const due = Date.parse(instance.dueAt);
  const submission = input.submission;
  if (submission && (!submission.nil || input.nilAllowed !== false)) {
    return submission.submittedAt.getTime() <= due ? "submitted_on_time" : "submitted_late";
  }
  const t = now.getTime();
  if (t < opensAt(instance)) return "not_open";
  return t <= due ? "open" : "overdue";
}

export interface QuotaStatusResult {
  readonly status: QuotaStatus;
  readonly count: number;
  readonly target: number;
  readonly met: boolean;
}

/**
 * A quota is met as soon as its count reaches the target (articles only count inside the period,
 * so a met quota stays met); short of it, the instance is not_open before it opens, open until
 * dueAt inclusive and missed after.
 */
export function quotaStatus(
  instance: Timing & Pick<ObligationInstance, "target">,
  now: Date,
  count: number,
  exemption?: ExemptionFact | null,
): QuotaStatusResult {
  const target = instance.target ?? 0;
  const met = count >= target;
  const base = { count, target, met };
  if (exemption) return { status: "exempt", ...base };
  if (met) return { status: "met", ...base };
  const t = now.getTime();
  if (t < opensAt(instance)) return { status: "not_open", ...base };
  return { status: t <= Date.parse(instance.dueAt) ? "open" : "missed", ...base };
}
