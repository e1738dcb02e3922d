/**
 * An answer at the cursor: a typed message, a button, or a file. A valid answer is stored and the
 * conversation moves on; anything else gets a precise reason and the same question again, with
 * nothing already given lost.
 */
import type { Form, Question } from "../domain/plan";
import { localDateOf } from "../domain/time";
import { checkSelection, optionFromPayload } from "./answers/choice";
import { checkFile } from "./answers/file";
import { parseTypedAnswer } from "./answers/index";
import { parseYesNo, yesNoFromPayload } from "./answers/yes-no";
import { KEEP_WORDS, PAYLOAD } from "./commands";
import {
  answerAt,
  firstSubId,
  groupMax,
  groupMin,
  itemsOf,
  questionAt,
  topQuestion,
  withAnswer,
} from "./model";
import { advance, goTo, reask, touch } from "./moves";
import { carriedOver, questionMessage } from "./prompt";
import { fold } from "./text";
import type { AnswerValue, FormState, StepContext, StepInput, StepResult } from "./types";

const STALE = { key: "form:invalid.stale_button" } as const;

function store(form: Form, s: FormState, value: AnswerValue | null, ctx: StepContext): StepResult {
  const answers = withAnswer(s.answers, s.cursor, value);
  return advance(form, { ...s, answers, pending: null }, s.cursor, ctx);
}

/** "Add another?" between repeats of a group. */
function answerMore(form: Form, s: FormState, input: StepInput, ctx: StepContext): StepResult {
  const group = s.cursor.at === "more" ? topQuestion(form, s.cursor.group) : undefined;
  if (!group || s.cursor.at !== "more") return reask(form, s, ctx, []);
  let yes: boolean | null = null;
  if (input.kind === "action") yes = yesNoFromPayload(input.payload);
  else if (input.kind === "text") {
    const parsed = parseYesNo(input.text);
    if (!parsed.ok) return reask(form, s, ctx, [{ key: parsed.reasonKey, params: parsed.params }]);
    yes = parsed.value;
  } else if (input.kind === "file") return reask(form, s, ctx, [{ key: "form:invalid.unexpected_file" }]);
  if (yes === null) return reask(form, s, ctx, [STALE]);
  return yes ? addRepeat(form, s, group, ctx) : closeGroup(form, s, group, ctx);
}

export function closeGroup(form: Form, s: FormState, group: Question, ctx: StepContext): StepResult {
  const count = itemsOf(s.answers, group.id).length;
  if (count < groupMin(group)) {
    return reask(form, s, ctx, [{ key: "form:group.min_required", params: { min: groupMin(group), count } }]);
  }
  const groupsDone = s.groupsDone.includes(group.id) ? s.groupsDone : [...s.groupsDone, group.id];
  return advance(form, { ...s, groupsDone }, s.cursor, ctx);
}

function addRepeat(form: Form, s: FormState, group: Question, ctx: StepContext): StepResult {
  const count = itemsOf(s.answers, group.id).length;
  const first = firstSubId(group, {}, s.answers);
  if (count >= groupMax(group) || first === null) {
    const groupsDone = s.groupsDone.includes(group.id) ? s.groupsDone : [...s.groupsDone, group.id];
    const note = { key: "form:group.max_reached", params: { max: groupMax(group) } };
    return advance(form, { ...s, groupsDone }, s.cursor, ctx, [note]);
  }
  const groupsDone = s.groupsDone.filter((g) => g !== group.id);
  const to = { at: "item", group: group.id, index: count, id: first } as const;
  return goTo(form, { ...s, groupsDone }, s.cursor, to, ctx);
}

/** Toggling an option of a multi_choice question with its button re-sends the question with ✓ marks. */
function toggle(form: Form, s: FormState, value: string, ctx: StepContext): StepResult {
  const picked = s.pending ?? [];
  const pending = picked.includes(value) ? picked.filter((v) => v !== value) : [...picked, value];
  const state = touch({ ...s, pending }, ctx.now);
  return { state, effects: [{ type: "reply", message: questionMessage(form, state, ctx, []) }] };
}

export function answer(form: Form, s: FormState, input: StepInput, ctx: StepContext): StepResult {
  if (s.cursor.at === "more") return answerMore(form, s, input, ctx);
  const found = questionAt(form, s.cursor);
  if (!found) return reask(form, s, ctx, []);
  const q = found.question;
  const current = answerAt(s.answers, s.cursor);
  const previous = current === undefined ? carriedOver(q, ctx, found.group !== undefined) : undefined;

  if (input.kind === "command") return reask(form, s, ctx, []);
  if (input.kind === "file") {
    if (q.type !== "file") return reask(form, s, ctx, [{ key: "form:invalid.unexpected_file" }]);
    const checked = checkFile(input.file, q, ctx.lang);
    return checked.ok
      ? store(form, s, checked.value, ctx)
      : reask(form, s, ctx, [{ key: checked.reasonKey, params: checked.params }]);
  }
  const keep =
    input.kind === "action"
      ? input.payload === PAYLOAD.keepCurrent || input.payload === PAYLOAD.keepPrevious
      : KEEP_WORDS.has(fold(input.text));
  if (keep && current !== undefined && (input.kind === "text" || input.payload === PAYLOAD.keepCurrent)) {
    return advance(form, { ...s, pending: null }, s.cursor, ctx);
  }
  if (keep && previous !== undefined) return store(form, s, previous, ctx);

  if (input.kind === "action") {
    const options = q.options ?? [];
    if (q.type === "multi_choice") {
      if (input.payload === PAYLOAD.multiDone) {
        const checked = checkSelection(s.pending ?? [], options, { min: q.min, max: q.max });
        return checked.ok
          ? store(form, s, checked.value, ctx)
          : reask(form, s, ctx, [{ key: checked.reasonKey, params: checked.params }]);
      }
      const value = optionFromPayload(options, input.payload, "m");
      return value === null ? reask(form, s, ctx, [STALE]) : toggle(form, s, value, ctx);
    }
    if (q.type === "choice") {
      const value = optionFromPayload(options, input.payload, "o");
      return value === null ? reask(form, s, ctx, [STALE]) : store(form, s, value, ctx);
    }
    if (q.type === "yes_no") {
      const value = yesNoFromPayload(input.payload);
      return value === null ? reask(form, s, ctx, [STALE]) : store(form, s, value, ctx);
    }
    return reask(form, s, ctx, [STALE]);
  }
  const parsed = parseTypedAnswer(q, input.text, { lang: ctx.lang, today: localDateOf(ctx.now) });
  return parsed.ok
    ? store(form, s, parsed.value, ctx)
    : reask(form, s, ctx, [{ key: parsed.reasonKey, params: parsed.params }]);
}
