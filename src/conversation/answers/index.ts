/**
 * One parser per question type for typed answers, and `isValidAnswer` to re-check a stored value
 * against a (possibly changed) question: used by migration, state validation and submission checks.
 */
import type { LocalDate } from "../../domain/org";
import type { Question } from "../../domain/plan";
import { isValidLocalDate } from "../../domain/time";
import type { Lang } from "../../i18n/index";
import type { AnswerValue } from "../types";
import { checkSelection, parseChoice, parseMultiChoice } from "./choice";
import { parseDate } from "./date";
import { parseEmail } from "./email";
import { checkFile, isFileAnswer } from "./file";
import { parseDecimal, parseInteger } from "./number";
import { parsePhone } from "./phone";
import { fail, type ParseResult } from "./result";
import { parseText } from "./text";
import { parseUrl } from "./url";
import { parseYesNo } from "./yes-no";

export interface ParseContext {
  readonly lang: Lang;
  /** Local date in Asia/Ho_Chi_Minh, for "hôm nay" and dd/mm without a year. */
  readonly today: LocalDate;
}

/** Parses a typed message as the answer to `question` (files and groups are not typed answers). */
export function parseTypedAnswer(
  question: Question,
  raw: string,
  ctx: ParseContext,
): ParseResult<AnswerValue> {
  const bounds = { min: question.min, max: question.max };
  switch (question.type) {
    case "text":
      return parseText(raw, { ...bounds, long: false }, ctx.lang);
    case "long_text":
      return parseText(raw, { ...bounds, long: true }, ctx.lang);
    case "integer":
      return parseInteger(raw, bounds, ctx.lang);
    case "decimal":
      return parseDecimal(raw, bounds, ctx.lang);
    case "choice":
      return parseChoice(raw, question.options ?? []);
    case "multi_choice":
      return parseMultiChoice(raw, question.options ?? [], bounds);
    case "yes_no":
      return parseYesNo(raw);
    case "date":
      return parseDate(raw, ctx.today);
    case "url":
      return parseUrl(raw);
    case "phone":
      return parsePhone(raw);
    case "email":
      return parseEmail(raw);
    case "file":
      return fail("form:invalid.file_expected", { accepted: (question.accept ?? []).join(", ") });
    case "group":
      return fail("form:invalid.unexpected_text");
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Does a stored value still satisfy the question (type, options, bounds)? Never throws. */
export function isValidAnswer(question: Question, value: unknown): boolean {
  const bounds = { min: question.min, max: question.max };
  const options = question.options ?? [];
  switch (question.type) {
    case "text":
    case "long_text":
      return (
        typeof value === "string" &&
        parseText(value, { ...bounds, long: question.type === "long_text" }, "vi").ok &&
        (question.type === "long_text" || !/\n/.test(value))
      );
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value) && inBounds(value, bounds);
    case "decimal":
      return typeof value === "number" && Number.isFinite(value) && inBounds(value, bounds);
    case "choice":
      return typeof value === "string" && options.some((o) => o.value === value);
    case "multi_choice":
      return (
        Array.isArray(value) &&
        value.every((v) => typeof v === "string") &&
        new Set(value).size === value.length &&
        checkSelection(value as string[], options, bounds).ok
      );
    case "yes_no":
      return typeof value === "boolean";
    case "date":
      return typeof value === "string" && isValidLocalDate(value);
    case "url":
      return typeof value === "string" && parseUrl(value).ok;
    case "phone": {
      if (typeof value !== "string") return false;
      const parsed = parsePhone(value);
      return parsed.ok && parsed.value === value;
    }
    case "email": {
      if (typeof value !== "string") return false;
      const parsed = parseEmail(value);
      return parsed.ok && parsed.value === value;
    }
    case "file":
      return isFileAnswer(value) && checkFile(value, question, "vi").ok;
    case "group":
      return isValidGroupValue(question, value);
  }
}

function inBounds(value: number, bounds: { min?: number | undefined; max?: number | undefined }): boolean {
  return (
    (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max)
  );
}

/** Shape only (records of known sub-questions with valid values, at most `max` of them). */
function isValidGroupValue(group: Question, value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  if (group.max !== undefined && value.length > group.max) return false;
  const subs = group.questions ?? [];
  return value.every(
    (item) =>
      isRecord(item) &&
      Object.entries(item).every(([id, v]) => {
        const sub = subs.find((s) => s.id === id);
        return sub !== undefined && sub.type !== "group" && (v === null || isValidAnswer(sub, v));
      }),
  );
}
