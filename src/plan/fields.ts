/**
 * Building blocks of the plan and calendar schemas. Every message is an i18n key carried in the
 * issue's params (`params.key`), so that src/plan/issues.ts can localize it; the zod message is
 * only a fallback for logs.
 */
import { z } from "zod";
import type { LocalizedText } from "../domain/plan";
import { isValidLocalDate } from "../domain/time";

/** The params of a custom issue: the i18n key of its message and the values it interpolates. */
export interface RuleParams {
  readonly key: string;
  readonly [name: string]: unknown;
}

/** A custom zod issue whose message is the i18n key `key`. */
export function ruleIssue(key: string, path: readonly PropertyKey[], values: Record<string, unknown> = {}) {
  return { code: "custom" as const, message: key, path: [...path], params: { key, ...values } };
}

/** "Cô Lan" or {vi: "Cô Lan", en: "Ms Lan"}: a plain string is Vietnamese. */
export const localizedText = z
  .union([
    z.string().trim().min(1),
    z.strictObject({ vi: z.string().trim().min(1), en: z.string().trim().min(1).optional() }),
  ])
  .transform((v): LocalizedText => (typeof v === "string" ? { vi: v } : v));

/** A calendar date "YYYY-MM-DD" that exists. */
export const localDate = z.string().superRefine((v, ctx) => {
  if (!isValidLocalDate(v)) ctx.addIssue(ruleIssue("plan:error.date", [], { value: v }));
});

/** Local time "HH:MM", 00:00 to 23:59. */
export const timeOfDay = z.string().superRefine((v, ctx) => {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) ctx.addIssue(ruleIssue("plan:error.time", [], { value: v }));
});

function pattern(re: RegExp, key: string) {
  return z.string().superRefine((v, ctx) => {
    if (!re.test(v)) ctx.addIssue(ruleIssue(key, [], { value: v }));
  });
}

/** Plan and calendar ids: "hoabinh-2025", "vn". Also used as file names, so no dots or slashes. */
export const slug = pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/, "plan:error.slug");
/** Obligation and topic codes: "DL_MONTHLY", "HB_3_1". */
export const code = pattern(/^[A-Z][A-Z0-9_]*$/, "plan:error.code");
/** Question ids and option values: "has_issues", "social". */
export const identifier = pattern(/^[a-z][a-z0-9_]*$/, "plan:error.identifier");

export const positiveInt = z.number().int().min(1);
export const nonNegativeInt = z.number().int().min(0);

export const dayOfMonth = z.number().int().min(1).max(31);
/** Like dayOfMonth, but -1 means the last day of the month ("chậm nhất ngày cuối tháng"). */
export const dayOfMonthOrLast = z
  .number()
  .int()
  .superRefine((v, ctx) => {
    if (v !== -1 && (v < 1 || v > 31)) ctx.addIssue(ruleIssue("plan:error.dayOrLast", [], { value: v }));
  });
export const month = z.number().int().min(1).max(12);
