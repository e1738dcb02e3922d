/**
 * The plan file format (YAML or JSON, snake_case keys exactly as src/domain/plan.ts). The schema
 * checks shapes, ranges and defaults; rules between fields (unique codes, kind ↔ due rule, …) are
 * in rules.ts and run on every parse, so that one file reports all of its errors at once.
 */
import { z } from "zod";
import { ROLES, SCHOOL_LEVELS, UNIT_KINDS } from "../domain/org";
import type { DueRule, Plan, SubmitTo } from "../domain/plan";
import {
  code,
  dayOfMonth,
  dayOfMonthOrLast,
  localDate,
  localizedText,
  month,
  positiveInt,
  ruleIssue,
  slug,
  timeOfDay,
} from "./fields";
import { formSchema } from "./form-schema";
import { checkPlanRules } from "./rules";

export const CADENCES = [
  "weekly",
  "monthly",
  "quarterly",
  "semester",
  "school_year",
  "calendar_year",
  "fixed_annual",
  "anytime",
] as const;
export const DUE_RULES = [
  "before_day_of_month",
  "day_of_month",
  "end_of_period",
  "fixed_date",
  "school_milestone",
  "none",
] as const satisfies readonly DueRule["rule"][];
export const ARTICLE_CHANNELS = ["website", "fanpage", "zalo_oa", "press", "so_website", "other"] as const;
export const ESCALATION_TARGETS = ["reports_to_head", "cluster_head", "office"] as const;

/** DOMAIN §7 reminder defaults: T−5, T−2 working days, the due day at 09:00, T+1, T+3; then escalate. */
export const DEFAULT_REMINDERS = {
  recipients: ["comms", "head"],
  before_working_days: [5, 2],
  due_day_at: "09:00",
  after_working_days: [1, 3],
  escalate: [
    { after_working_days: 3, to: "reports_to_head" },
    { after_working_days: 5, to: "office" },
  ],
} as const;

export const DEFAULT_SENDING_WINDOW = { weekdays: [1, 2, 3, 4, 5], start: "07:30", end: "17:00" } as const;

const dueSpec = {
  /** "Trước ngày 25" is usually expected earlier, not later, when the 25th is a holiday (DOMAIN §5.6). */
  holiday_policy: z.enum(["roll_back", "roll_forward", "none"]).default("roll_back"),
  time: timeOfDay.optional(),
};
const offsetDays = z.number().int().min(-366).max(366);
const monthOffset = z.number().int().min(-12).max(12);

export const dueSchema = z.discriminatedUnion("rule", [
  z.strictObject({
    rule: z.literal("before_day_of_month"),
    day: dayOfMonth,
    month_offset: monthOffset.optional(),
    ...dueSpec,
  }),
  z.strictObject({
    rule: z.literal("day_of_month"),
    day: dayOfMonthOrLast,
    month_offset: monthOffset.optional(),
    ...dueSpec,
  }),
  z.strictObject({
    rule: z.literal("end_of_period"),
    offset_days: offsetDays.optional(),
    working_days: z.boolean().optional(),
    ...dueSpec,
  }),
  z.strictObject({
    rule: z.literal("fixed_date"),
    month,
    day: dayOfMonth,
    before: z.boolean().optional(),
    ...dueSpec,
  }),
  z.strictObject({
    rule: z.literal("school_milestone"),
    milestone: z.enum(["start", "hk1_end", "hk2_start", "end"]),
    offset_days: offsetDays.optional(),
    working_days: z.boolean().optional(),
    ...dueSpec,
  }),
  z.strictObject({ rule: z.literal("none"), ...dueSpec }),
]);

/** Written as `{unit: CODE}` or `{relation: office}`; exactly one of the two. */
const submitToSchema = z
  .strictObject({
    unit: code.optional(),
    relation: z.enum(["reports_to", "parent", "office"]).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.unit === undefined) === (v.relation === undefined))
      ctx.addIssue(ruleIssue("plan:error.submitToOne", []));
  })
  .transform(
    (v): SubmitTo => (v.unit !== undefined ? { unit: v.unit } : { relation: v.relation ?? "office" }),
  );

const reminderSchema = z
  .strictObject({
    recipients: z
      .array(z.enum(ROLES))
      .min(1)
      .default([...DEFAULT_REMINDERS.recipients]),
    before_working_days: z.array(positiveInt).default([...DEFAULT_REMINDERS.before_working_days]),
    due_day_at: timeOfDay.nullable().default(DEFAULT_REMINDERS.due_day_at),
    after_working_days: z.array(positiveInt).default([...DEFAULT_REMINDERS.after_working_days]),
    escalate: z
      .array(z.strictObject({ after_working_days: positiveInt, to: z.enum(ESCALATION_TARGETS) }))
      .default(DEFAULT_REMINDERS.escalate.map((e) => ({ ...e }))),
  })
  .prefault({});

export const obligationSchema = z.strictObject({
  code,
  kind: z.enum(["report", "quota", "event"]),
  name: localizedText,
  description: localizedText.optional(),
  source: z.string().trim().min(1),
  audience: z.strictObject({
    kinds: z.array(z.enum(UNIT_KINDS)).default([]),
    levels: z.array(z.enum(SCHOOL_LEVELS)).min(1).optional(),
    units: z.array(code).optional(),
    exclude_units: z.array(code).optional(),
  }),
  submit_to: submitToSchema.prefault({ relation: "office" }),
  period: z.strictObject({
    cadence: z.enum(CADENCES),
    cutoff_day: z.number().int().min(2).max(28).optional(),
    active_months: z.array(month).min(1).optional(),
    year: z.enum(["school_year", "calendar_year"]).optional(),
  }),
  due: dueSchema,
  nil_report: z.boolean().default(false),
  evidence_required: z.boolean().default(false),
  quota: z
    .strictObject({
      target: positiveInt,
      counts: localizedText,
      channels: z.array(z.enum(ARTICLE_CHANNELS)).min(1).optional(),
      article_kind: z.string().trim().min(1).optional(),
    })
    .optional(),
  alert: z
    .strictObject({
      sla_hours: positiveInt,
      notify: z.array(z.enum(["reports_to", "office"])).min(1),
    })
    .optional(),
  form: formSchema.optional(),
  reminders: reminderSchema,
});

export const planSchema = z
  .strictObject({
    id: slug,
    title: localizedText,
    source: z.strictObject({
      seed: z.string().trim().min(1).optional(),
      issuer: z.string().trim().min(1),
      document: z.string().trim().min(1).optional(),
      issued_on: localDate.optional(),
      note: z.string().trim().min(1).optional(),
    }),
    valid_from: localDate.optional(),
    valid_to: localDate.optional(),
    calendar: slug.default("vn"),
    calendar_kind: z.enum(["school", "office"]).default("office"),
    sending_window: z
      .strictObject({
        weekdays: z
          .array(z.number().int().min(1).max(7))
          .min(1)
          .default([...DEFAULT_SENDING_WINDOW.weekdays]),
        start: timeOfDay.default(DEFAULT_SENDING_WINDOW.start),
        end: timeOfDay.default(DEFAULT_SENDING_WINDOW.end),
      })
      .prefault({}),
    max_reminders_per_person_per_day: z.number().int().min(1).max(10).default(2),
    topics: z
      .array(z.strictObject({ code, name: localizedText, lead: z.string().trim().min(1).optional() }))
      .default([]),
    obligations: z.array(obligationSchema).min(1),
  })
  // Runs even when fields above failed, so that a file shows every error in one pass.
  .superRefine((value, ctx) => checkPlanRules(value, (issue) => ctx.addIssue(issue)), { when: () => true });

export type ParsedPlan = z.output<typeof planSchema>;

/** Compile-time check: whatever the schema accepts is a Plan. */
export const asPlan = (parsed: ParsedPlan): Plan => parsed;
