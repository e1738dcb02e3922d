/**
 * State transitions shared by answers and commands: moving the cursor (keeping the /quaylai
 * history a loop-free path), entering the review, and replying with the message for where the
 * conversation now stands.
 */
import type { TextPart } from "../channels/types";
import type { Form } from "../domain/plan";
import { answerAt, questionAt, sameCursor } from "./model";
import { firstUnanswered, nextAfter } from "./navigation";
import { questionMessage } from "./prompt";
import { reviewMessage } from "./review";
import type { Cursor, Effect, FormState, StepContext, StepResult } from "./types";

export function touch(s: FormState, now: Date): FormState {
  const at = now.getTime() < Date.parse(s.startedAt) ? s.startedAt : now.toISOString();
  return { ...s, updatedAt: at };
}

/** The reply for the current position (question, "add another?", or review). */
export function currentMessage(
  form: Form,
  s: FormState,
  ctx: StepContext,
  notes: readonly TextPart[],
): Effect {
  const message =
    s.cursor.at === "review" ? reviewMessage(form, s, ctx, notes) : questionMessage(form, s, ctx, notes);
  return { type: "reply", message };
}

/** Replies with notes and the current question, without changing anything but the timestamp. */
export function reask(form: Form, s: FormState, ctx: StepContext, notes: readonly TextPart[]): StepResult {
  const state = touch(s, ctx.now);
  return { state, effects: [currentMessage(form, state, ctx, notes)] };
}

/** A multi_choice question starts from its current answer, so toggles edit rather than restart. */
function initialPending(form: Form, s: FormState, cursor: Cursor): readonly string[] | null {
  if (questionAt(form, cursor)?.question.type !== "multi_choice") return null;
  const current = answerAt(s.answers, cursor);
  return Array.isArray(current) ? (current as readonly string[]) : [];
}

/**
 * Moves to `to`, remembering `from` for /quaylai. Arriving at a position already in the history
 * cuts the history there, so it never repeats a position and stays bounded by the form's size.
 * A review with unanswered positions left is never shown: the first of them is asked instead.
 */
export function goTo(
  form: Form,
  s: FormState,
  from: Cursor | null,
  to: Cursor,
  ctx: StepContext,
  notes: readonly TextPart[] = [],
): StepResult {
  let history = from && !s.history.some((h) => sameCursor(h, from)) ? [...s.history, from] : [...s.history];
  let target = to;
  let editing = s.editing;
  if (target.at === "review" && !s.nil) {
    const missing = firstUnanswered(form, s.answers, s.groupsDone);
    if (missing) {
      target = missing;
      editing = true;
    }
  }
  const seen = history.findIndex((h) => sameCursor(h, target));
  if (seen >= 0) history = history.slice(0, seen);
  const reviewing = target.at === "review";
  const state = touch(
    {
      ...s,
      cursor: target,
      history,
      status: reviewing ? "reviewing" : "answering",
      editing: reviewing ? false : editing,
      nil: reviewing ? s.nil : false,
      pending: reviewing ? null : initialPending(form, s, target),
    },
    ctx.now,
  );
  return { state, effects: [currentMessage(form, state, ctx, notes)] };
}

/** After an answer at `from`: the next position (forward flow) or the first gap (editing). */
export function advance(
  form: Form,
  s: FormState,
  from: Cursor,
  ctx: StepContext,
  notes: TextPart[] = [],
): StepResult {
  if (s.editing) {
    return goTo(
      form,
      s,
      from,
      firstUnanswered(form, s.answers, s.groupsDone) ?? { at: "review" },
      ctx,
      notes,
    );
  }
  const move = nextAfter(form, s.answers, from);
  const groupsDone =
    move.close && !s.groupsDone.includes(move.close) ? [...s.groupsDone, move.close] : s.groupsDone;
  const withNote = move.note ? [...notes, { key: move.note.key, params: move.note.params }] : notes;
  return goTo(form, { ...s, groupsDone }, from, move.cursor, ctx, withNote);
}
