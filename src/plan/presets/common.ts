/**
 * Helpers for writing presets as plain typed objects. Presets are stored exactly as the schema
 * would output them (every default written out), so a preset and its validated form are equal —
 * test/plan/presets.test.ts checks that.
 */
import type {
  ChoiceOption,
  LocalizedText,
  Obligation,
  Question,
  QuestionType,
  ReminderLadder,
  SendingWindow,
} from "../../domain/plan";
import { DEFAULT_REMINDERS, DEFAULT_SENDING_WINDOW } from "../schema";

export const SEED_HANOI_2017 = "000_55dd8beeb9454b5f.txt";
export const SEED_KIMTHANH_2024 = "001_10ce29697b59a9b5.txt";
export const SEED_BADINH_2024 = "002_2ea8c0008a63f94d.txt";
export const SEED_HAIPHONG_2021 = "003_b3a042dc0a6492d3.txt";
export const SEED_HOABINH_2025 = "004_cd077b0802869ecc.txt";

/** Vietnamese text with its English translation. */
export function tx(vi: string, en: string): LocalizedText {
  return { vi, en };
}

export const DEFAULT_LADDER: ReminderLadder = {
  recipients: [...DEFAULT_REMINDERS.recipients],
  before_working_days: [...DEFAULT_REMINDERS.before_working_days],
  due_day_at: DEFAULT_REMINDERS.due_day_at,
  after_working_days: [...DEFAULT_REMINDERS.after_working_days],
  escalate: DEFAULT_REMINDERS.escalate.map((e) => ({ ...e })),
};

/** Quotas are nudged earlier (a week's quota cannot wait for T−5) and not escalated weekly. */
export const WEEKLY_QUOTA_LADDER: ReminderLadder = {
  recipients: ["comms"],
  before_working_days: [2],
  due_day_at: "09:00",
  after_working_days: [],
  escalate: [],
};

/** Incident reports have no calendar deadline: the ladder is empty, the alert SLA applies. */
export const NO_LADDER: ReminderLadder = {
  recipients: ["comms", "head"],
  before_working_days: [],
  due_day_at: null,
  after_working_days: [],
  escalate: [],
};

export const DEFAULT_WINDOW: SendingWindow = {
  weekdays: [...DEFAULT_SENDING_WINDOW.weekdays],
  start: DEFAULT_SENDING_WINDOW.start,
  end: DEFAULT_SENDING_WINDOW.end,
};

type ObligationInput = Omit<Obligation, "nil_report" | "evidence_required" | "reminders" | "submit_to"> &
  Partial<Pick<Obligation, "nil_report" | "evidence_required" | "reminders" | "submit_to">>;

/** An obligation with the schema's defaults written out. */
export function obligation(o: ObligationInput): Obligation {
  return {
    ...o,
    submit_to: o.submit_to ?? { relation: "office" },
    nil_report: o.nil_report ?? false,
    evidence_required: o.evidence_required ?? false,
    reminders: o.reminders ?? DEFAULT_LADDER,
  };
}

/** A question with `required` written out (true unless said otherwise). */
export function ask(
  type: QuestionType,
  id: string,
  label: LocalizedText,
  extra: Partial<Omit<Question, "id" | "type" | "label">> = {},
): Question {
  return { id, type, label, required: true, ...extra };
}

export function option(value: string, vi: string, en: string): ChoiceOption {
  return { value, label: tx(vi, en) };
}
