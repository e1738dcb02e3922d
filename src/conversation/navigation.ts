/**
 * Where to go next. Two modes: the forward flow walks every asked position in form order (so after
 * /quaylai the principal goes forward through the following answers again, each offered with
 * "Giữ: …"); the frontier flow (editing) jumps to the first unanswered position or the review.
 * Every function is O(questions × repeats): nothing depends on how long the conversation has been.
 */
import type { Form, Question } from "../domain/plan";
import {
  firstSubId,
  groupMax,
  groupMin,
  isAsked,
  isGroupAskable,
  isSubVisible,
  isVisible,
  itemsOf,
  subQuestions,
  topIndex,
  topQuestion,
} from "./model";
import type { Answers, Cursor } from "./types";

export interface Move {
  readonly cursor: Cursor;
  /** A group whose loop ends with this move (max reached). */
  readonly close?: string | undefined;
  /** A note shown before the next question: max repeats reached, or more repeats needed. */
  readonly note?: { readonly key: string; readonly params: Readonly<Record<string, unknown>> } | undefined;
}

/** Entering a group: through its existing repeats, else a first repeat or "any to declare?". */
function enterGroup(group: Question, answers: Answers): Cursor {
  const items = itemsOf(answers, group.id);
  const item = items[0] ?? {};
  const first = firstSubId(group, item, answers);
  if (first !== null && (items.length > 0 || groupMin(group) >= 1)) {
    return { at: "item", group: group.id, index: 0, id: first };
  }
  return { at: "more", group: group.id };
}

/** The first asked position at or after top-level index `from`, or the review. */
export function enterFrom(form: Form, answers: Answers, from: number): Cursor {
  for (let i = Math.max(0, from); i < form.questions.length; i++) {
    const q = form.questions[i] as Question;
    if (!isAsked(form, q, answers)) continue;
    return q.type === "group" ? enterGroup(q, answers) : { at: "q", id: q.id };
  }
  return { at: "review" };
}

/** After the repeat `index` of `group` is complete. */
function afterItem(form: Form, group: Question, index: number, answers: Answers): Move {
  const items = itemsOf(answers, group.id);
  const after = topIndex(form, group.id) + 1;
  for (let k = index + 1; k < items.length; k++) {
    const first = firstSubId(group, items[k] ?? {}, answers);
    if (first !== null) return { cursor: { at: "item", group: group.id, index: k, id: first } };
  }
  const count = items.length;
  if (count >= groupMax(group)) {
    return {
      cursor: enterFrom(form, answers, after),
      close: group.id,
      note: { key: "form:group.max_reached", params: { max: groupMax(group) } },
    };
  }
  const first = firstSubId(group, {}, answers);
  if (count < groupMin(group) && first !== null) {
    return {
      cursor: { at: "item", group: group.id, index: count, id: first },
      note: { key: "form:group.need_more", params: { min: groupMin(group), count } },
    };
  }
  return { cursor: { at: "more", group: group.id } };
}

/** The next position in the forward flow after answering at `cursor`. */
export function nextAfter(form: Form, answers: Answers, cursor: Cursor): Move {
  if (cursor.at === "q") return { cursor: enterFrom(form, answers, topIndex(form, cursor.id) + 1) };
  if (cursor.at === "more") return { cursor: enterFrom(form, answers, topIndex(form, cursor.group) + 1) };
  if (cursor.at === "review") return { cursor };
  const group = topQuestion(form, cursor.group);
  if (!group) return { cursor: enterFrom(form, answers, 0) };
  const item = itemsOf(answers, group.id)[cursor.index] ?? {};
  const subs = subQuestions(group);
  const at = subs.findIndex((s) => s.id === cursor.id);
  for (const sub of subs.slice(at + 1)) {
    if (isSubVisible(group, sub, item, answers)) {
      return { cursor: { at: "item", group: group.id, index: cursor.index, id: sub.id } };
    }
  }
  return afterItem(form, group, cursor.index, answers);
}

/** The first position still waiting for an answer (absent, not skipped), or null when complete. */
export function firstUnanswered(form: Form, answers: Answers, groupsDone: readonly string[]): Cursor | null {
  for (const q of form.questions) {
    if (!isAsked(form, q, answers)) continue;
    if (q.type !== "group") {
      if (!(q.id in answers)) return { at: "q", id: q.id };
      continue;
    }
    const items = itemsOf(answers, q.id);
    for (const [index, item] of items.entries()) {
      for (const sub of subQuestions(q)) {
        if (isSubVisible(q, sub, item, answers) && !(sub.id in item)) {
          return { at: "item", group: q.id, index, id: sub.id };
        }
      }
    }
    const first = firstSubId(q, {}, answers);
    if (items.length < groupMin(q) && first !== null) {
      return { at: "item", group: q.id, index: items.length, id: first };
    }
    if (!groupsDone.includes(q.id) && items.length < groupMax(q)) return { at: "more", group: q.id };
  }
  return null;
}

/** Can the conversation stand at `cursor` with these answers (exists, visible, within bounds)? */
export function isValidCursor(form: Form, answers: Answers, cursor: Cursor): boolean {
  switch (cursor.at) {
    case "review":
      return true;
    case "q": {
      const q = topQuestion(form, cursor.id);
      return q !== undefined && q.type !== "group" && isVisible(form, q, answers);
    }
    case "more": {
      const g = topQuestion(form, cursor.group);
      return (
        g?.type === "group" && isGroupAskable(form, g, answers) && itemsOf(answers, g.id).length < groupMax(g)
      );
    }
    case "item": {
      const g = topQuestion(form, cursor.group);
      if (g?.type !== "group" || !isGroupAskable(form, g, answers)) return false;
      const items = itemsOf(answers, g.id);
      if (!Number.isSafeInteger(cursor.index) || cursor.index < 0 || cursor.index >= groupMax(g))
        return false;
      if (cursor.index > items.length) return false;
      const item = items[cursor.index];
      // A repeat not created yet can only be entered at its first question.
      if (item === undefined) return firstSubId(g, {}, answers) === cursor.id;
      const sub = subQuestions(g).find((s) => s.id === cursor.id);
      return sub !== undefined && isSubVisible(g, sub, item, answers);
    }
  }
}
