/**
 * The message that asks the question at the cursor: progress ("Câu 3/8"), the plan's label and
 * help, what is expected, the current or last period's answer to keep, and the buttons the channel
 * can show. Plan texts are sent as text in the reader's language; everything else as i18n keys.
 */
import type { Button, OutboundMessage, TextPart } from "../channels/types";
import type { Form, Question } from "../domain/plan";
import { localDateOf } from "../domain/time";
import { optionPayload } from "./answers/choice";
import { isValidAnswer } from "./answers/index";
import { NO_PAYLOAD, YES_PAYLOAD } from "./answers/yes-no";
import { PAYLOAD } from "./commands";
import { displayValue, valueParams } from "./format";
import { optionLabels, typeHint } from "./hints";
import { answerAt, isRequired, itemsOf, leaves, questionAt, sameCursor, topQuestion } from "./model";
import { enterFrom } from "./navigation";
import { localized, shorten } from "./text";
import type { AnswerValue, FormState, StepContext } from "./types";

/** Values inside button labels are cut short: a button is a tap target, not a summary. */
const BUTTON_VALUE_MAX_CHARS = 24;
const CHECKED = "✓ ";

export function isAtFirst(form: Form, state: FormState): boolean {
  return sameCursor(state.cursor, enterFrom(form, state.answers, 0));
}

/** The last period's answer to propose, when the plan marks the question carry_over. */
export function carriedOver(q: Question, ctx: StepContext, inGroup: boolean): AnswerValue | undefined {
  if (!q.carry_over || inGroup) return undefined;
  const previous = ctx.previous?.[q.id];
  return previous !== undefined && previous !== null && isValidAnswer(q, previous) ? previous : undefined;
}

function textButton(text: string, payload: string, ctx: StepContext): Button {
  return { label: { text: shorten(text, ctx.buttons?.maxLabelChars ?? 64) }, payload };
}

function valueButton(key: string, q: Question, value: AnswerValue | null, ctx: StepContext): Button {
  const d = displayValue(q, value, ctx.lang);
  const params = valueParams({ ...d, value: shorten(d.value, BUTTON_VALUE_MAX_CHARS) });
  return {
    label: { key, params },
    payload: key.endsWith("previous") ? PAYLOAD.keepPrevious : PAYLOAD.keepCurrent,
  };
}

function optionButtons(q: Question, state: FormState, ctx: StepContext): Button[] {
  const options = q.options ?? [];
  if (q.type === "yes_no") {
    return [
      { label: { key: "form:button.yes" }, payload: YES_PAYLOAD },
      { label: { key: "form:button.no" }, payload: NO_PAYLOAD },
    ];
  }
  const labels = optionLabels(q, ctx.lang);
  if (q.type === "choice") return labels.map((l, i) => textButton(l, optionPayload(options, i, "o"), ctx));
  if (q.type === "multi_choice") {
    const picked = state.pending ?? [];
    return labels.map((l, i) =>
      textButton(
        picked.includes(options[i]?.value ?? "") ? CHECKED + l : l,
        optionPayload(options, i, "m"),
        ctx,
      ),
    );
  }
  return [];
}

function progressPart(form: Form, state: FormState, group: Question | undefined, ctx: StepContext): TextPart {
  const all = leaves(form, state.answers, state.cursor);
  const n = all.findIndex((l) => sameCursor(l.cursor, state.cursor)) + 1;
  const params = { n: Math.max(1, n), total: Math.max(all.length, n, 1) };
  if (group && state.cursor.at === "item") {
    return {
      key: "form:ask.progress_item",
      params: { ...params, group: localized(group.label, ctx.lang), item: state.cursor.index + 1 },
    };
  }
  return { key: "form:ask.progress", params };
}

/** Asks the leaf question at the cursor. `notes` (an error, a migration notice) come first. */
export function questionMessage(
  form: Form,
  state: FormState,
  ctx: StepContext,
  notes: readonly TextPart[],
): OutboundMessage {
  if (state.cursor.at === "more") return moreMessage(form, state, ctx, notes);
  const found = questionAt(form, state.cursor);
  if (!found) return { lang: ctx.lang, parts: [...notes] };
  const { question: q, group } = found;
  const parts: TextPart[] = [...notes, progressPart(form, state, group, ctx)];
  parts.push({ text: localized(q.label, ctx.lang) });
  if (q.help) parts.push({ text: localized(q.help, ctx.lang) });

  const options = optionButtons(q, state, ctx);
  const controls: Button[] = [];
  const current = answerAt(state.answers, state.cursor);
  const previous = current === undefined ? carriedOver(q, ctx, group !== undefined) : undefined;
  if (current !== undefined) {
    parts.push({ key: "form:ask.current", params: valueParams(displayValue(q, current, ctx.lang)) });
    controls.push(valueButton("form:button.keep", q, current, ctx));
  } else if (previous !== undefined) {
    parts.push({ key: "form:ask.previous", params: valueParams(displayValue(q, previous, ctx.lang)) });
    controls.push(valueButton("form:button.keep_previous", q, previous, ctx));
  }
  if (!isRequired(q)) controls.push({ label: { key: "form:button.skip" }, payload: PAYLOAD.skip });
  const first = isAtFirst(form, state);
  if (ctx.nilAllowed && first && !state.nil) {
    controls.push({ label: { key: "form:button.nil" }, payload: PAYLOAD.nil });
  }

  const max = ctx.buttons?.maxButtons ?? 0;
  const doneSlot = q.type === "multi_choice" ? 1 : 0;
  const optionsFit = ctx.buttons !== null && options.length + doneSlot + controls.length <= max;
  const numbered = !optionsFit && (q.type === "choice" || q.type === "multi_choice" || q.type === "yes_no");
  parts.push(...typeHint(q, ctx.lang, numbered, localDateOf(ctx.now)));
  if (!isRequired(q)) parts.push({ key: "form:ask.optional" });
  if (!ctx.buttons && (current !== undefined || previous !== undefined))
    parts.push({ key: "form:ask.keep_hint" });
  if (!ctx.buttons && ctx.nilAllowed && first && !state.nil) parts.push({ key: "form:ask.nil_hint" });
  // Once, on the very first question; not repeated when the question is asked again after an error.
  if (first && state.history.length === 0 && notes.length === 0 && current === undefined) {
    parts.push({ key: "form:ask.commands" });
  }

  if (!ctx.buttons) return { lang: ctx.lang, parts };
  const done =
    q.type === "multi_choice" && optionsFit
      ? [{ label: { key: "form:button.done" }, payload: PAYLOAD.multiDone }]
      : [];
  const buttons = [...(optionsFit ? options : []), ...done, ...controls].slice(0, max);
  return { lang: ctx.lang, parts, buttons };
}

/** "Add another article?" between repeats (or "any article to declare?" before the first). */
function moreMessage(
  form: Form,
  state: FormState,
  ctx: StepContext,
  notes: readonly TextPart[],
): OutboundMessage {
  const group = state.cursor.at === "more" ? topQuestion(form, state.cursor.group) : undefined;
  const count = group ? itemsOf(state.answers, group.id).length : 0;
  const label = group ? localized(group.label, ctx.lang) : "";
  const parts: TextPart[] = [
    ...notes,
    { key: count > 0 ? "form:group.more" : "form:group.first", params: { group: label, count } },
  ];
  if (group?.help && count === 0) parts.push({ text: localized(group.help, ctx.lang) });
  if (!ctx.buttons) return { lang: ctx.lang, parts: [...parts, { key: "form:hint.yes_no" }] };
  const buttons: Button[] = [
    { label: { key: "form:button.yes" }, payload: YES_PAYLOAD },
    { label: { key: "form:button.no" }, payload: NO_PAYLOAD },
  ];
  return { lang: ctx.lang, parts, buttons: buttons.slice(0, ctx.buttons.maxButtons) };
}
