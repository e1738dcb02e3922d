/**
 * Rules between fields of a plan. They run on every parse, even when the schema already found
 * errors (the input is then only partly typed, hence the defensive readers), so that a person
 * fixing a plan file sees every problem at once instead of one per attempt.
 */
import { ruleIssue } from "./fields";
import { checkFormRules, formatPathForMessage, hasEvidenceQuestion } from "./form-rules";
import { duplicates, list, num, type Rec, rec, str, strings } from "./read";

export type AddIssue = (issue: ReturnType<typeof ruleIssue>) => void;
type Path = readonly PropertyKey[];

const MONTH_DAY_RULES = new Set(["before_day_of_month", "day_of_month"]);
const MONTHLY_CADENCES = new Set(["monthly", "quarterly"]);
const MILESTONE_CADENCES = new Set(["school_year", "semester"]);
/** Days per month in a common year: "29/2" is not a date that exists every year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function reportDuplicates(items: readonly unknown[], field: string, path: Path, key: string, add: AddIssue) {
  const values = items.map((item) => str(rec(item)?.[field]));
  for (const [i, first] of duplicates(values)) {
    add(
      ruleIssue(key, [...path, i, field], {
        value: values[i],
        first: formatPathForMessage([...path, first]),
      }),
    );
  }
}

function reportDuplicateValues(values: readonly unknown[], path: Path, add: AddIssue) {
  for (const [i] of duplicates(
    values.map((v) => (typeof v === "string" || typeof v === "number" ? v : undefined)),
  )) {
    add(ruleIssue("plan:error.duplicateValue", [...path, i], { value: String(values[i]) }));
  }
}

function checkKind(
  o: Rec,
  kind: string,
  cadence: string | undefined,
  rule: string | undefined,
  at: Path,
  add: AddIssue,
) {
  if (kind === "quota" && o.quota === undefined) add(ruleIssue("plan:error.quotaRequired", [...at, "quota"]));
  if (kind !== "quota" && o.quota !== undefined)
    add(ruleIssue("plan:error.quotaOnlyForQuota", [...at, "quota"], { kind }));
  if (kind === "event") {
    if (o.alert === undefined) add(ruleIssue("plan:error.alertRequired", [...at, "alert"]));
    if (rule !== undefined && rule !== "none")
      add(ruleIssue("plan:error.eventNeedsNone", [...at, "due", "rule"], { rule }));
    if (cadence !== undefined && cadence !== "anytime") {
      add(ruleIssue("plan:error.eventNeedsAnytime", [...at, "period", "cadence"], { cadence }));
    }
    if (o.nil_report === true) add(ruleIssue("plan:error.nilReportForEvent", [...at, "nil_report"]));
  } else {
    if (o.alert !== undefined) add(ruleIssue("plan:error.alertOnlyForEvent", [...at, "alert"], { kind }));
    if (rule === "none") add(ruleIssue("plan:error.noneOnlyForEvent", [...at, "due", "rule"], { kind }));
    if (cadence === "anytime")
      add(ruleIssue("plan:error.anytimeOnlyForEvent", [...at, "period", "cadence"], { kind }));
  }
  if ((kind === "report" || kind === "event") && o.form === undefined) {
    add(ruleIssue("plan:error.formRequired", [...at, "form"], { kind }));
  }
}

function checkDue(due: Rec, period: Rec, at: Path, add: AddIssue) {
  const rule = str(due.rule);
  const cadence = str(period.cadence);
  if (rule === undefined || cadence === undefined) return;
  if (MONTH_DAY_RULES.has(rule) && !MONTHLY_CADENCES.has(cadence)) {
    add(ruleIssue("plan:error.monthDayNeedsMonthly", [...at, "due", "rule"], { rule, cadence }));
  }
  if (rule === "fixed_date" && cadence !== "fixed_annual") {
    add(ruleIssue("plan:error.fixedDateNeedsFixedAnnual", [...at, "due", "rule"], { cadence }));
  }
  if (cadence === "fixed_annual" && rule !== "fixed_date") {
    add(ruleIssue("plan:error.fixedAnnualNeedsFixedDate", [...at, "period", "cadence"], { rule }));
  }
  if (rule === "school_milestone" && !MILESTONE_CADENCES.has(cadence)) {
    add(ruleIssue("plan:error.milestoneNeedsSchoolCadence", [...at, "due", "rule"], { cadence }));
  }
  const month = num(due.month);
  const day = num(due.day);
  if (rule === "fixed_date" && month !== undefined && day !== undefined && month >= 1 && month <= 12) {
    const max = DAYS_IN_MONTH[month - 1] ?? 31;
    if (day > max) add(ruleIssue("plan:error.dateNotExist", [...at, "due", "day"], { day, month, max }));
  }
}

function checkPeriod(period: Rec, at: Path, add: AddIssue) {
  const cadence = str(period.cadence);
  if (period.cutoff_day !== undefined && cadence !== undefined && !MONTHLY_CADENCES.has(cadence)) {
    add(ruleIssue("plan:error.cutoffNeedsMonthly", [...at, "period", "cutoff_day"], { cadence }));
  }
  if (period.year !== undefined && cadence !== undefined && cadence !== "fixed_annual") {
    add(ruleIssue("plan:error.yearNeedsFixedAnnual", [...at, "period", "year"], { cadence }));
  }
  reportDuplicateValues(list(period.active_months), [...at, "period", "active_months"], add);
}

function checkAudience(audience: Rec, at: Path, add: AddIssue) {
  const kinds = strings(audience.kinds);
  if (kinds.length === 0 && list(audience.units).length === 0) {
    add(ruleIssue("plan:error.audienceEmpty", [...at, "audience", "kinds"]));
  }
  if (
    audience.levels !== undefined &&
    kinds.length > 0 &&
    !kinds.some((k) => k === "school" || k === "cluster")
  ) {
    add(ruleIssue("plan:error.levelsNeedSchool", [...at, "audience", "levels"], { kinds: kinds.join(", ") }));
  }
  reportDuplicateValues(list(audience.kinds), [...at, "audience", "kinds"], add);
  reportDuplicateValues(list(audience.levels), [...at, "audience", "levels"], add);
}

function checkReminders(reminders: Rec, at: Path, add: AddIssue) {
  reportDuplicateValues(
    list(reminders.before_working_days),
    [...at, "reminders", "before_working_days"],
    add,
  );
  reportDuplicateValues(list(reminders.after_working_days), [...at, "reminders", "after_working_days"], add);
}

function checkObligation(o: Rec, at: Path, add: AddIssue) {
  const kind = str(o.kind);
  const period = rec(o.period) ?? {};
  const due = rec(o.due) ?? {};
  if (kind !== undefined) checkKind(o, kind, str(period.cadence), str(due.rule), at, add);
  checkDue(due, period, at, add);
  checkPeriod(period, at, add);
  const audience = rec(o.audience);
  if (audience) checkAudience(audience, at, add);
  const reminders = rec(o.reminders);
  if (reminders) checkReminders(reminders, at, add);
  if (o.form !== undefined) checkFormRules(o.form, [...at, "form"], add);
  if (o.evidence_required === true && o.form !== undefined && !hasEvidenceQuestion(o.form)) {
    add(ruleIssue("plan:error.evidenceNeedsQuestion", [...at, "form"]));
  }
}

/** Every cross-field rule of a plan; `value` may be only partly valid. */
export function checkPlanRules(value: unknown, add: AddIssue): void {
  const plan = rec(value);
  if (!plan) return;
  const obligations = list(plan.obligations);
  reportDuplicates(obligations, "code", ["obligations"], "plan:error.duplicateCode", add);
  reportDuplicates(list(plan.topics), "code", ["topics"], "plan:error.duplicateTopic", add);
  const from = str(plan.valid_from);
  const to = str(plan.valid_to);
  if (from !== undefined && to !== undefined && from > to) {
    add(ruleIssue("plan:error.dateOrder", ["valid_to"], { from, to }));
  }
  const window = rec(plan.sending_window);
  const start = str(window?.start);
  const end = str(window?.end);
  if (start !== undefined && end !== undefined && start >= end) {
    add(ruleIssue("plan:error.windowOrder", ["sending_window", "end"], { start, end }));
  }
  reportDuplicateValues(list(window?.weekdays), ["sending_window", "weekdays"], add);
  obligations.forEach((o, i) => {
    const r = rec(o);
    if (r) checkObligation(r, ["obligations", i], add);
  });
}
