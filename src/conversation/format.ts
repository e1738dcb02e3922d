/** Answers as the principal reads them back: dd/mm/yyyy, "1.234,5", option labels, file names. */
import type { Question } from "../domain/plan";
import { formatDateVi } from "../domain/time";
import type { Lang } from "../i18n/index";
import { formatNumber } from "./answers/format-number";
import { formatPhone } from "./answers/phone";
import { localized, shorten } from "./text";
import type { AnswerValue, FileAnswer } from "./types";

/** Long answers are shortened in summaries so that the review fits a phone screen. */
export const REVIEW_VALUE_MAX_CHARS = 300;

/**
 * `value` is text in the reader's language; `context` selects an i18next variant of the message
 * key instead ("_yes", "_no", "_skipped") for the words that must come from the locale files.
 */
export interface DisplayValue {
  readonly value: string;
  readonly context?: "yes" | "no" | "skipped" | undefined;
}

export function displayValue(q: Question, value: AnswerValue | null, lang: Lang): DisplayValue {
  if (value === null) return { value: "", context: "skipped" };
  if (typeof value === "boolean") return { value: "", context: value ? "yes" : "no" };
  if (typeof value === "number") return { value: formatNumber(value, lang) };
  const label = (v: string) => {
    const option = (q.options ?? []).find((o) => o.value === v);
    return option ? localized(option.label, lang) : v;
  };
  if (Array.isArray(value)) {
    if (q.type === "group") return { value: String(value.length) };
    return { value: (value as readonly string[]).map(label).join(", ") };
  }
  if (typeof value === "object") {
    const file = value as FileAnswer;
    return { value: file.name || file.mimeType };
  }
  switch (q.type) {
    case "date":
      return { value: formatDateVi(value) };
    case "choice":
      return { value: label(value) };
    case "phone":
      return { value: formatPhone(value) };
    default:
      return { value: shorten(value, REVIEW_VALUE_MAX_CHARS) };
  }
}

/** i18n params for a displayed value (the context key is only set when a variant is wanted). */
export function valueParams(d: DisplayValue): Record<string, unknown> {
  return d.context ? { value: d.value, context: d.context } : { value: d.value };
}
