/**
 * The review before sending: every answer numbered and formatted, "Gửi" to send, "Sửa câu N"
 * buttons when they fit (typing "sửa 3" always works), "Thêm …" for groups that can grow, and
 * "xóa N" to remove the repeat holding answer N.
 */
import type { Button, OutboundMessage, TextPart } from "../channels/types";
import type { Form } from "../domain/plan";
import { PAYLOAD } from "./commands";
import { displayValue, valueParams } from "./format";
import { cursorKey, groupMax, groupMin, isAsked, itemsOf, type Leaf, leaves } from "./model";
import { localized, utf8Bytes } from "./text";
import type { FormState, StepContext } from "./types";

/** Answers numbered as the review shows them (1-based), for "sửa N" and "xóa N". */
export function numberedLeaves(form: Form, state: Pick<FormState, "answers">): Leaf[] {
  return leaves(form, state.answers).filter((l) => l.value !== undefined);
}

function nilMessage(ctx: StepContext, notes: readonly TextPart[]): OutboundMessage {
  const parts: TextPart[] = [...notes, { key: "form:review.nil_title" }, { key: "form:review.nil_body" }];
  if (!ctx.buttons) return { lang: ctx.lang, parts: [...parts, { key: "form:review.nil_instructions" }] };
  const buttons: Button[] = [
    { label: { key: "form:button.submit" }, payload: PAYLOAD.submit },
    { label: { key: "form:button.unnil" }, payload: PAYLOAD.unnil },
  ];
  return { lang: ctx.lang, parts, buttons: buttons.slice(0, ctx.buttons.maxButtons) };
}

/** A question's label before ": answer": its own "?" or ":" would read "không?: Không". */
function summaryLabel(label: string): string {
  return label.replace(/\s*[?:：]\s*$/u, "");
}

export function reviewMessage(
  form: Form,
  state: FormState,
  ctx: StepContext,
  notes: readonly TextPart[] = [],
): OutboundMessage {
  if (state.nil) return nilMessage(ctx, notes);
  const numbered = numberedLeaves(form, state);
  const numberOf = new Map(numbered.map((l, i) => [cursorKey(l.cursor), i + 1]));
  const parts: TextPart[] = [...notes, { key: "form:review.title", params: { count: numbered.length } }];
  const adds: Button[] = [];
  let deletable = false;
  for (const q of form.questions) {
    if (!isAsked(form, q, state.answers)) continue;
    if (q.type !== "group") {
      const value = state.answers[q.id];
      const n = numberOf.get(cursorKey({ at: "q", id: q.id }));
      if (value === undefined || n === undefined) continue;
      const label = summaryLabel(localized(q.label, ctx.lang));
      parts.push({
        key: "form:review.line",
        params: { n, label, ...valueParams(displayValue(q, value, ctx.lang)) },
      });
      continue;
    }
    const items = itemsOf(state.answers, q.id);
    if (items.length > groupMin(q)) deletable = true;
    const group = localized(q.label, ctx.lang);
    parts.push({ key: "form:review.group", params: { group, count: items.length } });
    for (const l of numbered) {
      if (l.cursor.at !== "item" || l.cursor.group !== q.id || l.value === undefined) continue;
      const n = numberOf.get(cursorKey(l.cursor));
      parts.push({
        key: "form:review.item_line",
        params: {
          n,
          item: l.cursor.index + 1,
          label: summaryLabel(localized(l.question.label, ctx.lang)),
          ...valueParams(displayValue(l.question, l.value, ctx.lang)),
        },
      });
    }
    if (items.length < groupMax(q)) {
      const payload = `a:${q.id}`;
      if (utf8Bytes(payload) <= 64)
        adds.push({ label: { key: "form:button.add", params: { group } }, payload });
    }
  }
  const deleteHint: TextPart[] = deletable ? [{ key: "form:review.delete_hint" }] : [];
  if (!ctx.buttons) {
    return { lang: ctx.lang, parts: [...parts, { key: "form:review.instructions_text" }, ...deleteHint] };
  }
  parts.push({ key: "form:review.instructions" }, ...deleteHint);
  const submit: Button = { label: { key: "form:button.submit" }, payload: PAYLOAD.submit };
  const edits: Button[] = numbered.map((_, i) => ({
    label: { key: "form:button.edit", params: { n: i + 1 } },
    payload: `e:${i + 1}`,
  }));
  const max = ctx.buttons.maxButtons;
  const withEdits = 1 + adds.length + edits.length <= max ? edits : [];
  return { lang: ctx.lang, parts, buttons: [submit, ...withEdits, ...adds].slice(0, max) };
}
