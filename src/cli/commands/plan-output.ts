/**
 * Shared by the `baocao plan …` commands (and the commands that need the plan in force): printing
 * validation issues, the error for a plan in force that does not validate, checking that a plan's
 * calendar exists, and the plain-words lines of one obligation.
 */
import type { Obligation, Plan, Question } from "../../domain/plan";
import {
  describeAudience,
  describeCadence,
  describeDue,
  describeKind,
  describeQuota,
  describeReminders,
  describeSubmitTo,
  formatIssue,
  listCalendars,
  loadCalendar,
  localized,
  type PlanInvalidError,
  type PlanIssue,
} from "../../plan/index";
import { type CliContext, CliError } from "../command";

export function printIssues(ctx: CliContext, issues: readonly PlanIssue[]): void {
  for (const issue of issues) ctx.err(`  ${formatIssue(issue, ctx.t)}`);
}

/** The error for a plan that does not validate: where it comes from and its first three issues. */
export function planInvalidError(e: PlanInvalidError, key: string): CliError {
  const detail = e.issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join("; ");
  return new CliError(key, { where: e.where, detail });
}

/** A plan naming a calendar that does not exist, or whose override file is broken, is not usable. */
export async function calendarIssues(ctx: CliContext, plan: Plan): Promise<PlanIssue[]> {
  const available = listCalendars(ctx.config.dataDir);
  if (!available.includes(plan.calendar)) {
    return [
      {
        path: "calendar",
        message: ctx.t("plan:cli.calendarMissing", { id: plan.calendar, available: available.join(", ") }),
      },
    ];
  }
  const loaded = await loadCalendar(plan.calendar, ctx.config.dataDir, ctx.lang);
  if (loaded.ok) return [];
  return loaded.errors.map((e) => ({
    ...e,
    path: `calendars/${plan.calendar}.yaml${e.path ? `: ${e.path}` : ""}`,
  }));
}

function countQuestions(questions: readonly Question[]): number {
  return questions.reduce((n, q) => n + 1 + (q.questions ? countQuestions(q.questions) : 0), 0);
}

export function obligationLines(ctx: CliContext, o: Obligation): string[] {
  const t = ctx.t;
  const lines = [
    t("plan:cli.show.heading", {
      code: o.code,
      name: localized(o.name, ctx.lang),
      kind: describeKind(o, t),
      cadence: describeCadence(o.period, t),
    }),
    `  ${t("plan:cli.show.due")}: ${describeDue(o, t)}`,
    `  ${t("plan:cli.show.audience")}: ${describeAudience(o.audience, t)}`,
    `  ${t("plan:cli.show.submitTo")}: ${describeSubmitTo(o.submit_to, t)}`,
  ];
  if (o.quota)
    lines.push(`  ${t("plan:cli.show.quota")}: ${describeQuota(o.quota, o.period.cadence, ctx.lang, t)}`);
  if (o.alert) {
    const to = o.alert.notify.map((n) =>
      n === "office" ? t("plan:cli.show.alertTo.office") : t("plan:cli.show.alertTo.reports_to"),
    );
    lines.push(`  ${t("plan:cli.show.alert")}: ${to.join(", ")}`);
  }
  lines.push(`  ${t("plan:cli.show.reminders")}: ${describeReminders(o.reminders, t)}`);
  if (o.form) {
    const parts = [t("plan:cli.show.formLine", { count: countQuestions(o.form.questions) })];
    if (o.nil_report) parts.push(t("plan:cli.show.nilReport"));
    if (o.evidence_required) parts.push(t("plan:cli.show.evidence"));
    lines.push(`  ${t("plan:cli.show.form")}: ${parts.join("; ")}`);
  }
  lines.push(`  ${t("plan:cli.show.source")}: ${o.source}`);
  return lines;
}
