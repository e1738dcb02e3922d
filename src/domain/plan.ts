/**
 * The shape of a communications plan (kế hoạch truyền thông) once validated. Plans are data:
 * they are written in YAML or JSON (snake_case keys, as here) and checked by src/plan/schema.ts.
 * Nothing in the code may assume a particular deadline, quota, form or ladder.
 */
import type { LocalDate, Role, SchoolLevel, UnitKind } from "./org";

/** Vietnamese text with an optional English translation. */
export interface LocalizedText {
  readonly vi: string;
  readonly en?: string | undefined;
}

export type ObligationKind = "report" | "quota" | "event";

export type Cadence =
  | "weekly"
  | "monthly"
  | "quarterly"
  | "semester"
  | "school_year"
  | "calendar_year"
  | "fixed_annual"
  | "anytime";

export type HolidayPolicy = "roll_back" | "roll_forward" | "none";

export interface PeriodRule {
  readonly cadence: Cadence;
  /**
   * Monthly/quarterly windows with a cut-off day (NĐ 09/2019 style): 15 means the period
   * "11/2026" runs 15/10 → 14/11. Absent: calendar months.
   */
  readonly cutoff_day?: number | undefined;
  /** Months (1-12) in which the obligation applies at all, e.g. no monthly report in July. */
  readonly active_months?: readonly number[] | undefined;
  /** fixed_annual only: the period is the school year (default) or the calendar year. */
  readonly year?: "school_year" | "calendar_year" | undefined;
}

/** When an instance is due. The result is the last allowed local day (then the holiday policy). */
export type DueRule =
  /** "trước ngày 25 hàng tháng": due at the end of day-1 of the period's month (+month_offset). */
  | { readonly rule: "before_day_of_month"; readonly day: number; readonly month_offset?: number | undefined }
  /** "chậm nhất ngày 25": the given day itself (day -1 = last day of the month). */
  | { readonly rule: "day_of_month"; readonly day: number; readonly month_offset?: number | undefined }
  /** Last day of the period, plus optional (working) days. */
  | {
      readonly rule: "end_of_period";
      readonly offset_days?: number | undefined;
      readonly working_days?: boolean | undefined;
    }
  /** A fixed date each year: "trước 31/5" → before: true means due 30/5. */
  | {
      readonly rule: "fixed_date";
      readonly month: number;
      readonly day: number;
      readonly before?: boolean | undefined;
    }
  /** Relative to a milestone of the school-year calendar (e.g. semester I ends). */
  | {
      readonly rule: "school_milestone";
      readonly milestone: SchoolMilestone;
      readonly offset_days?: number | undefined;
      readonly working_days?: boolean | undefined;
    }
  /** Event reports: no calendar deadline; an alert SLA instead. */
  | { readonly rule: "none" };

export type SchoolMilestone = "start" | "hk1_end" | "hk2_start" | "end";

export interface DueSpec {
  readonly holiday_policy: HolidayPolicy;
  /** Local time of day the deadline falls at; default "23:59" (end of the last allowed day). */
  readonly time?: string | undefined;
}

export type Due = DueRule & DueSpec;

export interface Audience {
  readonly kinds: readonly UnitKind[];
  /** Schools only: at least one of these levels. */
  readonly levels?: readonly SchoolLevel[] | undefined;
  /** Explicit unit codes added to (or, alone, instead of) the kinds. */
  readonly units?: readonly string[] | undefined;
  readonly exclude_units?: readonly string[] | undefined;
}

/** To whom an instance is submitted: a unit by code, or a relation of the submitting unit. */
export type SubmitTo = { readonly unit: string } | { readonly relation: "reports_to" | "parent" | "office" };

export type ArticleChannel = "website" | "fanpage" | "zalo_oa" | "press" | "so_website" | "other";

export interface QuotaSpec {
  readonly target: number;
  /** What is counted, in words: "tin bài", "bài báo", "gương điển hình". */
  readonly counts: LocalizedText;
  /** Only articles published on these channels count; absent: all channels. */
  readonly channels?: readonly ArticleChannel[] | undefined;
  /** Only articles declared with one of these topic kinds count (e.g. exemplary stories). */
  readonly article_kind?: string | undefined;
}

export type QuestionType =
  | "text"
  | "long_text"
  | "integer"
  | "decimal"
  | "choice"
  | "multi_choice"
  | "yes_no"
  | "date"
  | "url"
  | "phone"
  | "email"
  | "file"
  | "group";

export interface ChoiceOption {
  readonly value: string;
  readonly label: LocalizedText;
}

export interface Question {
  readonly id: string;
  readonly type: QuestionType;
  readonly label: LocalizedText;
  readonly help?: LocalizedText | undefined;
  /** Default true. */
  readonly required?: boolean | undefined;
  /** integer/decimal bounds; repeat bounds for groups; character bounds for texts. */
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly options?: readonly ChoiceOption[] | undefined;
  /** Ask only when another answer (by question id) equals one of these values. */
  readonly when?: { readonly question: string; readonly equals: readonly (string | boolean)[] } | undefined;
  /** Propose the previous period's answer. */
  readonly carry_over?: boolean | undefined;
  /** file: accepted extensions ("pdf", "jpg") and size limit. */
  readonly accept?: readonly string[] | undefined;
  readonly max_size_mb?: number | undefined;
  /** group: the questions asked for each repeat ("add another article?"). */
  readonly questions?: readonly Question[] | undefined;
}

export interface Form {
  /** Bumped when questions change, so that old drafts are migrated or restarted. */
  readonly version: number;
  readonly questions: readonly Question[];
}

export type EscalationTarget = "reports_to_head" | "cluster_head" | "office";

export interface ReminderLadder {
  /** Roles of the obligated unit who receive reminders. Default: comms officer and head. */
  readonly recipients: readonly Role[];
  /** Working days before the due day, e.g. [5, 2]. */
  readonly before_working_days: readonly number[];
  /** Local time on the due day itself, or null for none. */
  readonly due_day_at: string | null;
  /** Working days after the due day, e.g. [1, 3]. */
  readonly after_working_days: readonly number[];
  readonly escalate: readonly { readonly after_working_days: number; readonly to: EscalationTarget }[];
}

export interface AlertSpec {
  /** Hours within which the unit must report after the incident is known. */
  readonly sla_hours: number;
  readonly notify: readonly ("reports_to" | "office")[];
}

export interface Obligation {
  readonly code: string;
  readonly kind: ObligationKind;
  readonly name: LocalizedText;
  readonly description?: LocalizedText | undefined;
  /** Where in the seed plan this comes from, e.g. "000_55dd8beeb9454b5f.txt §V.8". */
  readonly source: string;
  readonly audience: Audience;
  readonly submit_to: SubmitTo;
  readonly period: PeriodRule;
  readonly due: Due;
  readonly nil_report: boolean;
  readonly evidence_required: boolean;
  readonly quota?: QuotaSpec | undefined;
  readonly alert?: AlertSpec | undefined;
  readonly form?: Form | undefined;
  readonly reminders: ReminderLadder;
}

export interface Topic {
  readonly code: string;
  readonly name: LocalizedText;
  /** Division leading the topic (đầu mối), as written in the plan. */
  readonly lead?: string | undefined;
}

export interface SendingWindow {
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  readonly weekdays: readonly number[];
  readonly start: string;
  readonly end: string;
}

export interface PlanSource {
  readonly seed?: string | undefined;
  readonly issuer: string;
  readonly document?: string | undefined;
  readonly issued_on?: LocalDate | undefined;
  readonly note?: string | undefined;
}

export interface Plan {
  readonly id: string;
  readonly title: LocalizedText;
  readonly source: PlanSource;
  readonly valid_from?: LocalDate | undefined;
  readonly valid_to?: LocalDate | undefined;
  /** Holiday/school-year calendar id (src/plan/calendars). */
  readonly calendar: string;
  /** Which holidays pause deadlines and reminders: the school or the office calendar. */
  readonly calendar_kind: "school" | "office";
  readonly sending_window: SendingWindow;
  readonly max_reminders_per_person_per_day: number;
  readonly topics: readonly Topic[];
  readonly obligations: readonly Obligation[];
}

/** A holiday and school-year calendar, as data (src/plan/calendars/*.yaml). */
export interface HolidayCalendar {
  readonly id: string;
  readonly name: LocalizedText;
  readonly school_years: readonly {
    readonly id: string;
    readonly start: LocalDate;
    readonly hk1_end: LocalDate;
    readonly hk2_start: LocalDate;
    readonly end: LocalDate;
    /** true when the dates were not yet officially published and are estimates. */
    readonly estimated?: boolean | undefined;
  }[];
  readonly office_holidays: readonly { readonly date: LocalDate; readonly name: string }[];
  readonly school_holidays: readonly { readonly date: LocalDate; readonly name: string }[];
}
