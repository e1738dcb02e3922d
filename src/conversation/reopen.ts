/**
 * Editing after sending (Geekbot and ODK Central allow it): a draft rebuilt from a submission's
 * answers, standing at the review so the principal can "sửa N" and send a new revision. Answers
 * that no longer fit the form (it may have changed since) are left out and asked again.
 */
import type { Form } from "../domain/plan";
import { keepAnswers } from "./migrate";
import { isAsked, isRequired, isSubVisible, itemsOf, subQuestions } from "./model";
import { firstUnanswered } from "./navigation";
import { initialState } from "./state";
import type { Answers, AnswerValue, FormState, GroupItem } from "./types";

/** A submission leaves skipped optional questions out; the draft marks them skipped again. */
function withSkips(form: Form, answers: Answers): Answers {
  const out: Record<string, AnswerValue | null> = { ...answers };
  for (const q of form.questions) {
    if (!isAsked(form, q, out)) continue;
    if (q.type !== "group") {
      if (!(q.id in out) && !isRequired(q)) out[q.id] = null;
      continue;
    }
    out[q.id] = itemsOf(out, q.id).map((item) => {
      const filled: Record<string, AnswerValue | null> = { ...item };
      for (const sub of subQuestions(q)) {
        if (!(sub.id in filled) && !isRequired(sub) && isSubVisible(q, sub, filled, out))
          filled[sub.id] = null;
      }
      return filled as GroupItem;
    });
  }
  return out;
}

export function reopenState(form: Form, answers: Answers, now: Date): FormState {
  const kept = withSkips(form, keepAnswers(form, answers).answers);
  const groupsDone = form.questions.filter((q) => q.type === "group" && q.id in kept).map((q) => q.id);
  const missing = firstUnanswered(form, kept, groupsDone);
  return {
    ...initialState(form, now),
    answers: kept,
    groupsDone,
    cursor: missing ?? { at: "review" },
    status: missing ? "answering" : "reviewing",
    editing: missing !== null,
  };
}
