/**
 * The form engine: `step(form, state, input, ctx) → {state, effects}`. Pure — no clock, no I/O,
 * no randomness — and channel-agnostic. Each step reads the stored state once (migrating it if the
 * form changed), never replays earlier messages, and costs O(questions × repeats) at most.
 */
import type { TextPart } from "../channels/types";
import type { Form } from "../domain/plan";
import { answer } from "./answer";
import { commandFromPayload, commandFromText } from "./commands";
import { command, resume } from "./control";
import { migrateState } from "./migrate";
import { currentMessage, reask } from "./moves";
import { isAtFirst } from "./prompt";
import { initialState } from "./state";
import { fold } from "./text";
import type { Command, Effect, FormState, StepContext, StepInput, StepResult } from "./types";

function commandOf(form: Form, s: FormState, input: StepInput, ctx: StepContext): Command | null {
  switch (input.kind) {
    case "command":
      return input.command;
    case "action":
      return commandFromPayload(input.payload);
    case "text":
      return commandFromText(input.text, {
        reviewing: s.status === "reviewing",
        // "Không có phát sinh" is a command only where the nil report is offered; elsewhere it is an answer.
        atFirst: ctx.nilAllowed && s.status === "answering" && isAtFirst(form, s),
      });
    case "file":
      return null;
  }
}

function dispatch(form: Form, s: FormState, input: StepInput, ctx: StepContext): StepResult {
  const cmd = commandOf(form, s, input, ctx);
  if (s.status === "submitted") {
    return {
      state: s,
      effects: [{ type: "reply", message: { lang: ctx.lang, parts: [{ key: "form:submit.already" }] } }],
    };
  }
  if (s.status === "cancelled") {
    if (cmd?.name === "resume" || cmd?.name === "start") return resume(form, s, ctx);
    return {
      state: s,
      effects: [{ type: "reply", message: { lang: ctx.lang, parts: [{ key: "form:cancel.paused" }] } }],
    };
  }
  if (cmd) return command(form, s, cmd, ctx);
  if (input.kind === "text" && /^\/[a-z]/.test(fold(input.text))) {
    return reask(form, s, ctx, [
      { key: "form:nav.unknown_command", params: { input: input.text.trim().slice(0, 40) } },
    ]);
  }
  if (s.status === "reviewing") return reask(form, s, ctx, [{ key: "form:review.unknown" }]);
  return answer(form, s, input, ctx);
}

/**
 * One turn. `state` is whatever was stored (unknown: it may come from an older deploy or form
 * version); the result's state is always valid for `form` (see validateState).
 */
export function step(form: Form, state: unknown, input: StepInput, ctx: StepContext): StepResult {
  const m = migrateState(form, state, ctx.now);
  const migrated: Effect[] =
    m.changed && (m.notice !== null || m.fromVersion !== form.version)
      ? [{ type: "migrated", fromVersion: m.fromVersion, lost: m.lost }]
      : [];
  if (!m.notice) {
    const result = dispatch(form, m.state, input, ctx);
    return { state: result.state, effects: [...migrated, ...result.effects] };
  }
  // The message answered a question of the old form: explain, and ask again where we now stand.
  // Only /huy is still honoured, as it does not depend on the position.
  const notice: TextPart[] = [m.notice];
  const cmd = commandOf(form, m.state, input, ctx);
  if (cmd?.name === "cancel" && m.state.status !== "submitted") {
    const result = command(form, m.state, cmd, ctx);
    return { state: result.state, effects: [...migrated, ...result.effects] };
  }
  if (m.state.status === "cancelled" || m.state.status === "submitted") {
    return {
      state: m.state,
      effects: [...migrated, { type: "reply", message: { lang: ctx.lang, parts: notice } }],
    };
  }
  return { state: m.state, effects: [...migrated, currentMessage(form, m.state, ctx, notice)] };
}

/** A new draft and its first question (with the nil-report button when allowed). */
export function start(form: Form, ctx: StepContext): StepResult {
  return step(form, initialState(form, ctx.now), { kind: "command", command: { name: "start" } }, ctx);
}
