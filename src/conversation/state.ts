/**
 * Creating, reading back and checking a FormState. `parseState` accepts anything (a row from the
 * database, an old deploy's shape) and returns a well-formed state or null; `validateState` checks
 * every invariant listed in README.md against a form.
 */
import type { Form } from "../domain/plan";
import { isValidAnswer } from "./answers/index";
import { cursorKey, groupMax, isRequired, questionAt, subQuestions, topQuestion } from "./model";
import { enterFrom, isValidCursor } from "./navigation";
import { type Answers, type Cursor, type FormState, STATE_SCHEMA, type Status } from "./types";

const STATUSES: readonly Status[] = ["answering", "reviewing", "cancelled", "submitted"];

/** A fresh draft standing at the form's first question. */
export function initialState(form: Form, now: Date): FormState {
  const at = now.toISOString();
  const cursor = enterFrom(form, {}, 0);
  return {
    schema: STATE_SCHEMA,
    formVersion: form.version,
    status: cursor.at === "review" ? "reviewing" : "answering",
    cursor,
    answers: {},
    history: [],
    groupsDone: [],
    editing: false,
    nil: false,
    pending: null,
    startedAt: at,
    updatedAt: at,
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isIsoInstant(v: unknown): v is string {
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));
}

export function parseCursor(v: unknown): Cursor | null {
  if (!isObject(v)) return null;
  if (v.at === "review") return { at: "review" };
  if (v.at === "q" && typeof v.id === "string") return { at: "q", id: v.id };
  if (v.at === "more" && typeof v.group === "string") return { at: "more", group: v.group };
  if (
    v.at === "item" &&
    typeof v.group === "string" &&
    typeof v.id === "string" &&
    typeof v.index === "number" &&
    Number.isSafeInteger(v.index) &&
    v.index >= 0
  ) {
    return { at: "item", group: v.group, index: v.index, id: v.id };
  }
  return null;
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/** Shape only: a value that looks like a FormState of this schema, or null. Never throws. */
export function parseState(raw: unknown): FormState | null {
  if (!isObject(raw) || raw.schema !== STATE_SCHEMA) return null;
  const cursor = parseCursor(raw.cursor);
  const history = Array.isArray(raw.history) ? raw.history.map(parseCursor) : null;
  if (
    typeof raw.formVersion !== "number" ||
    !STATUSES.includes(raw.status as Status) ||
    cursor === null ||
    !isObject(raw.answers) ||
    history === null ||
    history.some((c) => c === null) ||
    !isStringArray(raw.groupsDone) ||
    typeof raw.editing !== "boolean" ||
    typeof raw.nil !== "boolean" ||
    !(raw.pending === null || isStringArray(raw.pending)) ||
    !isIsoInstant(raw.startedAt) ||
    !isIsoInstant(raw.updatedAt)
  ) {
    return null;
  }
  return { ...(raw as unknown as FormState), cursor, history: history as Cursor[] };
}

/** Every stored answer belongs to a question of the form and still satisfies it. */
export function answerProblems(form: Form, answers: Answers): string[] {
  const problems: string[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const q = topQuestion(form, id);
    if (!q) problems.push(`unknown answer ${id}`);
    else if (value === null) {
      if (isRequired(q) || q.type === "group") problems.push(`${id} skipped but required`);
    } else if (!isValidAnswer(q, value)) problems.push(`${id} invalid`);
    else if (q.type === "group" && Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        for (const sub of subQuestions(q)) {
          if ((item as Answers)[sub.id] === null && isRequired(sub))
            problems.push(`${id}[${i}].${sub.id} skipped`);
        }
      }
    }
  }
  return problems;
}

/** Plain JSON only (no undefined, NaN, Date, class instances): what a TEXT column gives back. */
function isJson(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(isJson);
  if (typeof v !== "object" || Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v as object).every((x) => x !== undefined && isJson(x));
}

export type StateCheck = { readonly ok: true } | { readonly ok: false; readonly problems: readonly string[] };

export function validateState(form: Form, state: unknown): StateCheck {
  const s = parseState(state);
  if (!s) return { ok: false, problems: ["not a FormState"] };
  const problems: string[] = [];
  if (s.formVersion !== form.version) problems.push("form version differs");
  problems.push(...answerProblems(form, s.answers));
  if (s.status === "answering" && (s.cursor.at === "review" || !isValidCursor(form, s.answers, s.cursor))) {
    problems.push(`invalid cursor ${cursorKey(s.cursor)}`);
  }
  if (s.status === "reviewing" && s.cursor.at !== "review") problems.push("reviewing away from the review");
  if (s.nil && s.status === "answering") problems.push("nil while answering");
  const keys = s.history.map(cursorKey);
  if (new Set(keys).size !== keys.length) problems.push("history repeats a position");
  for (const g of s.groupsDone) {
    if (topQuestion(form, g)?.type !== "group") problems.push(`groupsDone names ${g}`);
  }
  if (new Set(s.groupsDone).size !== s.groupsDone.length) problems.push("groupsDone repeats");
  for (const [id, v] of Object.entries(s.answers)) {
    const q = topQuestion(form, id);
    if (q?.type === "group" && Array.isArray(v) && v.length > groupMax(q)) problems.push(`${id} over max`);
  }
  if (s.pending !== null) {
    const q = questionAt(form, s.cursor)?.question;
    const values = (q?.options ?? []).map((o) => o.value);
    if (q?.type !== "multi_choice" || !s.pending.every((v) => values.includes(v)))
      problems.push("stray pending");
    if (new Set(s.pending).size !== s.pending.length) problems.push("pending repeats");
  }
  if (Date.parse(s.updatedAt) < Date.parse(s.startedAt)) problems.push("updated before started");
  if (!isJson(state)) problems.push("not plain JSON");
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
