/**
 * Commands: /quaylai, /boqua, /huy, /tieptuc, "Gửi", "sửa N", "xóa N", "Thêm …", and the nil
 * report. Each returns the new state and the reply; none throws, whatever the position.
 */
import type { Form } from "../domain/plan";
import { closeGroup } from "./answer";
import {
  firstSubId,
  groupMax,
  groupMin,
  isGroupAskable,
  isRequired,
  itemsOf,
  questionAt,
  topQuestion,
  withAnswer,
} from "./model";
import { advance, currentMessage, goTo, reask, touch } from "./moves";
import { firstUnanswered, isValidCursor } from "./navigation";
import { numberedLeaves } from "./review";
import { checkSubmission, cleanAnswers } from "./submission";
import type { Command, Cursor, FormState, StepContext, StepResult } from "./types";

function back(form: Form, s: FormState, ctx: StepContext): StepResult {
  const history = [...s.history];
  while (history.length > 0) {
    const c = history.pop() as Cursor;
    const usable =
      c.at === "review"
        ? s.nil || firstUnanswered(form, s.answers, s.groupsDone) === null
        : isValidCursor(form, s.answers, c);
    if (usable) return goTo(form, { ...s, history }, null, c, ctx);
  }
  return reask(form, s, ctx, [{ key: "form:nav.at_start" }]);
}

function skip(form: Form, s: FormState, ctx: StepContext): StepResult {
  if (s.status === "reviewing") return reask(form, s, ctx, [{ key: "form:nav.nothing_to_skip" }]);
  if (s.cursor.at === "more") {
    const group = topQuestion(form, s.cursor.group);
    return group ? closeGroup(form, s, group, ctx) : reask(form, s, ctx, []);
  }
  const q = questionAt(form, s.cursor)?.question;
  if (!q) return reask(form, s, ctx, []);
  if (isRequired(q)) return reask(form, s, ctx, [{ key: "form:nav.skip_required" }]);
  return advance(
    form,
    { ...s, answers: withAnswer(s.answers, s.cursor, null), pending: null },
    s.cursor,
    ctx,
  );
}

function submit(form: Form, s: FormState, ctx: StepContext): StepResult {
  if (s.status !== "reviewing") {
    return goTo(form, s, s.cursor, { at: "review" }, ctx, [{ key: "form:submit.review_first" }]);
  }
  const answers = s.nil ? {} : cleanAnswers(form, s.answers);
  const check = checkSubmission(form, answers, { nil: s.nil });
  if (!check.ok) {
    const missing = firstUnanswered(form, s.answers, s.groupsDone);
    if (missing)
      return goTo(form, { ...s, editing: true }, s.cursor, missing, ctx, [{ key: "form:submit.incomplete" }]);
    return reask(form, s, ctx, [{ key: "form:submit.incomplete" }]);
  }
  const state = touch({ ...s, status: "submitted" }, ctx.now);
  const submission = { formVersion: form.version, nil: s.nil, answers, submittedAt: state.updatedAt };
  return {
    state,
    effects: [
      { type: "submit", submission },
      {
        type: "reply",
        message: { lang: ctx.lang, parts: [{ key: s.nil ? "form:submit.done_nil" : "form:submit.done" }] },
      },
    ],
  };
}

function edit(form: Form, s: FormState, n: number, ctx: StepContext): StepResult {
  if (s.nil) return reask(form, s, ctx, [{ key: "form:review.nil_no_edit" }]);
  const all = numberedLeaves(form, s);
  const leaf = all[n - 1];
  if (!leaf) return reask(form, s, ctx, [{ key: "form:review.no_such", params: { n, count: all.length } }]);
  return goTo(form, { ...s, editing: true }, s.cursor, leaf.cursor, ctx);
}

function remove(form: Form, s: FormState, n: number, ctx: StepContext): StepResult {
  if (s.status !== "reviewing") return reask(form, s, ctx, [{ key: "form:review.delete_in_review" }]);
  const all = numberedLeaves(form, s);
  const leaf = all[n - 1];
  if (!leaf) return reask(form, s, ctx, [{ key: "form:review.no_such", params: { n, count: all.length } }]);
  if (leaf.cursor.at !== "item" || !leaf.group)
    return reask(form, s, ctx, [{ key: "form:review.delete_not_item", params: { n } }]);
  const { group: groupId, index } = leaf.cursor;
  const items = itemsOf(s.answers, groupId);
  if (items.length - 1 < groupMin(leaf.group)) {
    return reask(form, s, ctx, [{ key: "form:review.delete_min", params: { min: groupMin(leaf.group) } }]);
  }
  const answers = { ...s.answers, [groupId]: items.filter((_, i) => i !== index) };
  // Positions inside the group moved: forget them rather than send /quaylai somewhere wrong.
  const history = s.history.filter((c) => !((c.at === "item" || c.at === "more") && c.group === groupId));
  const state = touch({ ...s, answers, history }, ctx.now);
  return goTo(form, state, null, { at: "review" }, ctx, [
    { key: "form:review.deleted", params: { item: index + 1 } },
  ]);
}

function add(form: Form, s: FormState, groupId: string, ctx: StepContext): StepResult {
  const group = topQuestion(form, groupId);
  if (
    s.status !== "reviewing" ||
    s.nil ||
    group?.type !== "group" ||
    !isGroupAskable(form, group, s.answers)
  ) {
    return reask(form, s, ctx, [{ key: "form:invalid.stale_button" }]);
  }
  const count = itemsOf(s.answers, groupId).length;
  const first = firstSubId(group, {}, s.answers);
  if (count >= groupMax(group) || first === null) {
    return reask(form, s, ctx, [{ key: "form:group.max_reached", params: { max: groupMax(group) } }]);
  }
  return goTo(
    form,
    { ...s, editing: true },
    s.cursor,
    { at: "item", group: groupId, index: count, id: first },
    ctx,
  );
}

function nil(form: Form, s: FormState, ctx: StepContext): StepResult {
  if (!ctx.nilAllowed) return reask(form, s, ctx, [{ key: "form:nil.not_allowed" }]);
  if (s.nil) return reask(form, s, ctx, []);
  return goTo(form, { ...s, nil: true }, s.cursor, { at: "review" }, ctx);
}

function unnil(form: Form, s: FormState, ctx: StepContext): StepResult {
  if (!s.nil) return reask(form, s, ctx, []);
  const next = firstUnanswered(form, s.answers, s.groupsDone) ?? { at: "review" };
  return goTo(form, { ...s, nil: false }, s.cursor, next, ctx);
}

export function command(form: Form, s: FormState, cmd: Command, ctx: StepContext): StepResult {
  switch (cmd.name) {
    case "back":
      return back(form, s, ctx);
    case "skip":
      return skip(form, s, ctx);
    case "cancel": {
      const state = touch({ ...s, status: "cancelled" }, ctx.now);
      const reply = { lang: ctx.lang, parts: [{ key: "form:cancel.done" }] };
      return { state, effects: [{ type: "cancel" }, { type: "reply", message: reply }] };
    }
    case "resume":
    case "start":
      return { state: touch(s, ctx.now), effects: [currentMessage(form, s, ctx, [])] };
    case "submit":
      return submit(form, s, ctx);
    case "nil":
      return nil(form, s, ctx);
    case "unnil":
      return unnil(form, s, ctx);
    case "edit":
      return edit(form, s, cmd.n, ctx);
    case "delete":
      return remove(form, s, cmd.n, ctx);
    case "add":
      return add(form, s, cmd.group, ctx);
  }
}

/** /tieptuc after /huy: back where the principal stopped, nothing lost. */
export function resume(form: Form, s: FormState, ctx: StepContext): StepResult {
  const state = touch({ ...s, status: s.cursor.at === "review" ? "reviewing" : "answering" }, ctx.now);
  return {
    state,
    effects: [{ type: "resume" }, currentMessage(form, state, ctx, [{ key: "form:resume.done" }])],
  };
}
