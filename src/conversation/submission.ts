/**
 * What leaves the engine when the principal taps "Gửi", and the rule it must satisfy. The runner
 * calls `checkSubmission` again before storing (defence in depth: a submission written by any path
 * — chat, web form, API — obeys the same rules).
 */
import type { Form, Question } from "../domain/plan";
import { isValidAnswer } from "./answers/index";
import { groupMax, groupMin, isAsked, isRequired, isSubVisible, itemsOf, subQuestions } from "./model";
import type { Answers, AnswerValue, GroupItem } from "./types";

/** Visible, non-skipped answers only: answers of questions whose condition became false are dropped. */
export function cleanAnswers(form: Form, answers: Answers): Answers {
  const out: Record<string, AnswerValue> = {};
  for (const q of form.questions) {
    if (!isAsked(form, q, answers)) continue;
    if (q.type === "group") {
      out[q.id] = itemsOf(answers, q.id).map((item) => cleanItem(q, item, answers));
      continue;
    }
    const value = answers[q.id];
    if (value !== undefined && value !== null) out[q.id] = value;
  }
  return out;
}

function cleanItem(group: Question, item: GroupItem, answers: Answers): GroupItem {
  const out: Record<string, AnswerValue> = {};
  for (const sub of subQuestions(group)) {
    const value = item[sub.id];
    if (value !== undefined && value !== null && isSubVisible(group, sub, item, answers)) out[sub.id] = value;
  }
  return out;
}

export interface SubmissionProblem {
  /** "q_id" or "group_id[2].sub_id" (0-based repeat index). */
  readonly path: string;
  readonly reasonKey: string;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

export type SubmissionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problems: readonly SubmissionProblem[] };

function checkOne(
  q: Question,
  value: unknown,
  visible: boolean,
  path: string,
  problems: SubmissionProblem[],
): boolean {
  if (!visible) {
    if (value !== undefined) problems.push({ path, reasonKey: "form:check.hidden" });
    return false;
  }
  if (value === undefined) {
    if (isRequired(q) && q.type !== "group") problems.push({ path, reasonKey: "form:check.required" });
    return false;
  }
  if (value === null || (q.type !== "group" && !isValidAnswer(q, value))) {
    problems.push({ path, reasonKey: "form:check.invalid" });
    return false;
  }
  return true;
}

/** Does a submitted answers object satisfy the form's rules? A nil report carries no answers. */
export function checkSubmission(
  form: Form,
  answers: Answers,
  options: { nil?: boolean } = {},
): SubmissionCheck {
  const problems: SubmissionProblem[] = [];
  if (options.nil) {
    for (const path of Object.keys(answers))
      problems.push({ path, reasonKey: "form:check.nil_with_answers" });
    return problems.length ? { ok: false, problems } : { ok: true };
  }
  for (const id of Object.keys(answers)) {
    if (!form.questions.some((q) => q.id === id))
      problems.push({ path: id, reasonKey: "form:check.unknown" });
  }
  for (const q of form.questions) {
    const value = answers[q.id];
    if (!checkOne(q, value, isAsked(form, q, answers), q.id, problems)) {
      if (q.type === "group" && value === undefined && isAsked(form, q, answers) && groupMin(q) > 0) {
        problems.push({
          path: q.id,
          reasonKey: "form:check.repeats",
          params: { min: groupMin(q), max: groupMax(q) },
        });
      }
      continue;
    }
    if (q.type !== "group") continue;
    if (!Array.isArray(value)) {
      problems.push({ path: q.id, reasonKey: "form:check.invalid" });
      continue;
    }
    if (value.length < groupMin(q) || value.length > groupMax(q)) {
      problems.push({
        path: q.id,
        reasonKey: "form:check.repeats",
        params: { min: groupMin(q), max: groupMax(q) },
      });
    }
    for (const [i, raw] of value.entries()) {
      const item = (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {}) as GroupItem;
      const subs = subQuestions(q);
      for (const key of Object.keys(item)) {
        if (!subs.some((s) => s.id === key))
          problems.push({ path: `${q.id}[${i}].${key}`, reasonKey: "form:check.unknown" });
      }
      for (const sub of subs) {
        checkOne(sub, item[sub.id], isSubVisible(q, sub, item, answers), `${q.id}[${i}].${sub.id}`, problems);
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true };
}
