/**
 * How a Form reads as a conversation: which questions are visible given the answers so far, the
 * bounds of repeatable groups, and the ordered list of answer positions ("leaves") that the review
 * numbers and the progress line counts. Groups are one level deep; a group nested in a group is
 * ignored here (the plan schema should refuse it).
 */
import type { Form, Question } from "../domain/plan";
import type { Answers, AnswerValue, Cursor, GroupItem } from "./types";

/** Keeps a draft row small whatever the plan says: nobody lists more articles in one report. */
export const GROUP_DEFAULT_MAX_REPEATS = 50;

export function isRequired(q: Question): boolean {
  return q.required !== false;
}

export function groupMin(q: Question): number {
  return Math.max(0, q.min ?? (isRequired(q) ? 1 : 0));
}

export function groupMax(q: Question): number {
  return Math.max(1, Math.min(q.max ?? GROUP_DEFAULT_MAX_REPEATS, GROUP_DEFAULT_MAX_REPEATS));
}

export function subQuestions(group: Question): readonly Question[] {
  return (group.questions ?? []).filter((q) => q.type !== "group");
}

export function topQuestion(form: Form, id: string): Question | undefined {
  return form.questions.find((q) => q.id === id);
}

export function topIndex(form: Form, id: string): number {
  return form.questions.findIndex((q) => q.id === id);
}

export function itemsOf(answers: Answers, groupId: string): readonly GroupItem[] {
  const value = answers[groupId];
  return Array.isArray(value) ? (value as readonly GroupItem[]) : [];
}

/** ODK's `relevant`: an unanswered or skipped question never satisfies a condition. */
function holds(when: NonNullable<Question["when"]>, value: AnswerValue | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some((v) => when.equals.some((e) => String(e) === v));
  if (typeof value === "object") return false;
  return when.equals.some((e) => e === value || String(e) === String(value));
}

export function isVisible(form: Form, q: Question, answers: Answers): boolean {
  if (!q.when) return true;
  if (!topQuestion(form, q.when.question)) return false;
  return holds(q.when, answers[q.when.question]);
}

/** A sub-question's condition refers to a sibling in the same repeat, or else to a top-level answer. */
export function isSubVisible(group: Question, sub: Question, item: GroupItem, answers: Answers): boolean {
  if (!sub.when) return true;
  const sibling = subQuestions(group).some((s) => s.id === sub.when?.question);
  return holds(sub.when, sibling ? item[sub.when.question] : answers[sub.when.question]);
}

/** A visible group is asked only if at least one of its questions can be asked in a fresh repeat. */
export function isGroupAskable(form: Form, group: Question, answers: Answers): boolean {
  return isVisible(form, group, answers) && firstSubId(group, {}, answers) !== null;
}

export function firstSubId(group: Question, item: GroupItem, answers: Answers): string | null {
  return subQuestions(group).find((s) => isSubVisible(group, s, item, answers))?.id ?? null;
}

/** Is this top-level question (group or not) asked, given the answers? */
export function isAsked(form: Form, q: Question, answers: Answers): boolean {
  return q.type === "group" ? isGroupAskable(form, q, answers) : isVisible(form, q, answers);
}

export interface Leaf {
  readonly cursor: Extract<Cursor, { at: "q" | "item" }>;
  readonly question: Question;
  readonly group?: Question | undefined;
  /** Absent when never answered; null when skipped. */
  readonly value: AnswerValue | null | undefined;
}

/**
 * Every visible answer position in order, for existing repeats. With `cursor` inside a repeat not
 * created yet (its first question), that repeat's questions are included so progress can count them.
 */
export function leaves(form: Form, answers: Answers, cursor?: Cursor): Leaf[] {
  const out: Leaf[] = [];
  for (const q of form.questions) {
    if (!isAsked(form, q, answers)) continue;
    if (q.type !== "group") {
      out.push({ cursor: { at: "q", id: q.id }, question: q, value: answers[q.id] });
      continue;
    }
    const items = itemsOf(answers, q.id);
    const extra = cursor?.at === "item" && cursor.group === q.id && cursor.index === items.length ? 1 : 0;
    for (let index = 0; index < items.length + extra; index++) {
      const item = items[index] ?? {};
      for (const sub of subQuestions(q)) {
        if (!isSubVisible(q, sub, item, answers)) continue;
        const c = { at: "item", group: q.id, index, id: sub.id } as const;
        out.push({ cursor: c, question: sub, group: q, value: item[sub.id] });
      }
    }
  }
  return out;
}

export function sameCursor(a: Cursor, b: Cursor): boolean {
  return cursorKey(a) === cursorKey(b);
}

export function cursorKey(c: Cursor): string {
  switch (c.at) {
    case "q":
      return `q:${c.id}`;
    case "item":
      return `i:${c.group}:${c.index}:${c.id}`;
    case "more":
      return `m:${c.group}`;
    case "review":
      return "r";
  }
}

/** The question a leaf cursor points at (with its group), if it exists in the form. */
export function questionAt(
  form: Form,
  cursor: Cursor,
): { question: Question; group?: Question | undefined } | undefined {
  if (cursor.at === "q") {
    const q = topQuestion(form, cursor.id);
    return q && q.type !== "group" ? { question: q } : undefined;
  }
  if (cursor.at === "item") {
    const group = topQuestion(form, cursor.group);
    const sub = group?.type === "group" ? subQuestions(group).find((s) => s.id === cursor.id) : undefined;
    return sub && group ? { question: sub, group } : undefined;
  }
  return undefined;
}

/** The stored answer at a leaf cursor: undefined = never answered, null = skipped. */
export function answerAt(answers: Answers, cursor: Cursor): AnswerValue | null | undefined {
  if (cursor.at === "q") return answers[cursor.id];
  if (cursor.at === "item") return itemsOf(answers, cursor.group)[cursor.index]?.[cursor.id];
  return undefined;
}

/** Answers with the value at a leaf cursor replaced (a new repeat is created when needed). */
export function withAnswer(answers: Answers, cursor: Cursor, value: AnswerValue | null): Answers {
  if (cursor.at === "q") return { ...answers, [cursor.id]: value };
  if (cursor.at !== "item") return answers;
  const items = [...itemsOf(answers, cursor.group)];
  if (cursor.index > items.length) return answers;
  items[cursor.index] = { ...(items[cursor.index] ?? {}), [cursor.id]: value };
  return { ...answers, [cursor.group]: items };
}
