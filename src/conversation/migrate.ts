/**
 * A draft started before a plan change (or stored by an older deploy) is carried over, never a
 * crash: answers whose question still exists and whose value still validates are kept; if anything
 * is lost or the cursor no longer makes sense, the conversation restarts at the first unanswered
 * question with an explanation. The same path repairs a state that fails validation.
 */
import type { TextPart } from "../channels/types";
import type { Form, Question } from "../domain/plan";
import { isValidAnswer } from "./answers/index";
import { groupMax, isRequired, questionAt, sameCursor, subQuestions, topQuestion } from "./model";
import { firstUnanswered, isValidCursor } from "./navigation";
import { initialState, parseState, validateState } from "./state";
import type { Answers, AnswerValue, Cursor, FormState, GroupItem } from "./types";

export interface Migration {
  readonly state: FormState;
  /** Explanation to show before the next question, or null when the change is invisible. */
  readonly notice: TextPart | null;
  /** The version the draft was written against; null when the stored state was unreadable. */
  readonly fromVersion: number | null;
  readonly lost: number;
  readonly changed: boolean;
}

function keepItem(group: Question, item: unknown): { item: GroupItem; lost: number } {
  const out: Record<string, AnswerValue | null> = {};
  let lost = 0;
  if (typeof item !== "object" || item === null || Array.isArray(item)) return { item: out, lost: 1 };
  for (const [id, value] of Object.entries(item as Record<string, unknown>)) {
    const sub = subQuestions(group).find((s) => s.id === id);
    if (sub && value === null && !isRequired(sub)) out[id] = null;
    else if (sub && value !== null && isValidAnswer(sub, value)) out[id] = value as AnswerValue;
    else if (value !== null) lost++;
  }
  return { item: out, lost };
}

/** Keeps what still fits the form; counts the answers that had to go. */
export function keepAnswers(form: Form, answers: Answers): { answers: Answers; lost: number } {
  const kept: Record<string, AnswerValue | null> = {};
  let lost = 0;
  for (const [id, value] of Object.entries(answers)) {
    const q = topQuestion(form, id);
    if (!q) {
      if (value !== null) lost++;
    } else if (q.type === "group") {
      if (!Array.isArray(value)) {
        if (value !== null) lost++;
        continue;
      }
      const items = value.slice(0, groupMax(q)).map((item) => keepItem(q, item));
      lost += value.length - items.length + items.reduce((n, r) => n + r.lost, 0);
      kept[id] = items.map((r) => r.item);
    } else if (value === null) {
      // A skipped question that became required is simply asked again: nothing was lost.
      if (!isRequired(q)) kept[id] = null;
    } else if (isValidAnswer(q, value)) kept[id] = value;
    else lost++;
  }
  return { answers: kept, lost };
}

function knownCursor(form: Form, c: Cursor): boolean {
  if (c.at === "review") return true;
  if (c.at === "more") return topQuestion(form, c.group)?.type === "group";
  return questionAt(form, c) !== undefined;
}

export function migrateState(form: Form, raw: unknown, now: Date): Migration {
  const s = parseState(raw);
  if (!s) {
    return {
      state: initialState(form, now),
      notice: { key: "form:migrate.reset" },
      fromVersion: null,
      lost: 0,
      changed: true,
    };
  }
  if (s.formVersion === form.version && validateState(form, s).ok) {
    return { state: s, notice: null, fromVersion: s.formVersion, lost: 0, changed: false };
  }
  const { answers, lost } = keepAnswers(form, s.answers);
  const groupsDone = [...new Set(s.groupsDone)].filter((g) => topQuestion(form, g)?.type === "group");
  const history: Cursor[] = [];
  for (const c of s.history)
    if (knownCursor(form, c) && !history.some((h) => sameCursor(h, c))) history.push(c);
  const frontier = firstUnanswered(form, answers, groupsDone);
  const cursorOk =
    s.cursor.at === "review"
      ? s.status !== "answering" && (s.nil || frontier === null)
      : isValidCursor(form, answers, s.cursor);
  const base = {
    ...s,
    formVersion: form.version,
    answers,
    groupsDone,
    history,
    updatedAt: now.toISOString(),
  };
  const multi = cursorOk ? questionAt(form, s.cursor)?.question : undefined;
  const pending =
    s.pending && multi?.type === "multi_choice"
      ? [...new Set(s.pending)].filter((v) => multi.options?.some((o) => o.value === v))
      : null;

  if ((lost === 0 && cursorOk) || s.status === "submitted") {
    const state: FormState = { ...base, pending: s.status === "answering" ? pending : null };
    return { state: repairStatus(state), notice: null, fromVersion: s.formVersion, lost, changed: true };
  }
  const cursor = frontier ?? { at: "review" };
  const status = s.status === "cancelled" ? "cancelled" : cursor.at === "review" ? "reviewing" : "answering";
  const state: FormState = {
    ...base,
    cursor,
    status,
    nil: s.nil && cursor.at === "review",
    editing: true,
    pending: null,
  };
  const notice: TextPart =
    lost > 0 ? { key: "form:migrate.changed", params: { lost } } : { key: "form:migrate.moved" };
  return { state, notice, fromVersion: s.formVersion, lost, changed: true };
}

/** Keeps status and cursor consistent after a silent migration (review ⇔ reviewing). */
function repairStatus(s: FormState): FormState {
  if (s.status === "answering" && s.cursor.at === "review")
    return { ...s, status: "reviewing", pending: null };
  if (s.status === "reviewing" && s.cursor.at !== "review") return { ...s, status: "answering", nil: false };
  if (s.nil && s.status === "answering") return { ...s, nil: false };
  return s;
}
