/**
 * One step of a draft, as the README of the engine describes it: load → (migrate) → step →
 * write the state, the submission and the replies in the caller's transaction. The state write
 * is checked against the revision read (two workers never both apply a step); on a conflict the
 * transaction fails and the event is processed again from the stored state.
 */
import type { ActivePlan } from "../../bot/status/sources";
import type { OutboundMessage, TextPart } from "../../channels/types";
import {
  activateDraft,
  createDraft,
  type Draft,
  type DraftKind,
  type DraftLabel,
  type DraftStatus,
  saveDraftStep,
  setDraftStatus,
} from "../../db/drafts";
import { newId } from "../../db/index";
import { previousAnswers } from "../../db/submissions-query";
import { start, step } from "../engine";
import { keepAnswers } from "../migrate";
import { questionAt } from "../model";
import { parseState } from "../state";
import type { Answers, FormState, StepContext, StepInput, StepResult } from "../types";
import { duplicateNotice } from "./article";
import { draftExpiry, type Run } from "./context";
import { type FormTarget, formFor, formOfDraft } from "./forms";
import { labelText } from "./labels";
import { submitDraft } from "./submit";

export type Outgoing = Omit<OutboundMessage, "lang">;

export class DraftConflictError extends Error {
  readonly code = "DRAFT_CONFLICT";
  constructor(readonly draftId: string) {
    super(`draft ${draftId} was changed by another step`);
    this.name = "DraftConflictError";
  }
}

function strip(message: OutboundMessage): Outgoing {
  const { lang: _lang, ...rest } = message;
  return rest;
}

const ENGINE_DONE = new Set(["form:submit.done", "form:submit.done_nil"]);

function isEngineDone(message: OutboundMessage): boolean {
  const first = message.parts[0];
  return first !== undefined && "key" in first && ENGINE_DONE.has(first.key);
}

async function stepContext(
  run: Run,
  target: FormTarget,
  key: { kind: DraftKind; unitId: string; obligationCode: string; periodKey: string },
): Promise<StepContext> {
  let previous: Answers | undefined;
  const carries = target.form.questions.some((q) => q.carry_over === true);
  if (carries && key.kind === "report") {
    const raw = await previousAnswers(run.trx, key);
    // Sanitised at the edge: only answers that still fit today's form are proposed.
    if (raw) previous = keepAnswers(target.form, raw as Answers).answers;
  }
  return { now: run.now, lang: run.lang, buttons: run.buttons(), previous, nilAllowed: target.nilAllowed };
}

/** Channels that receive no files: the question says where files can be sent (the web chat). */
function withFileNote(run: Run, target: FormTarget, state: FormState, messages: Outgoing[]): Outgoing[] {
  if (run.filesIn() || state.status !== "answering") return messages;
  if (questionAt(target.form, state.cursor)?.question.type !== "file") return messages;
  const note: TextPart = { key: "report:file.useWeb", params: { url: `${run.deps.config.publicUrl}/chat` } };
  const last = messages[messages.length - 1];
  if (!last) return [{ parts: [note] }];
  return [...messages.slice(0, -1), { ...last, parts: [...last.parts, note] }];
}

function withIntro(intro: readonly TextPart[], messages: Outgoing[]): Outgoing[] {
  const first = messages[0];
  if (intro.length === 0) return messages;
  if (!first) return [{ parts: intro }];
  return [{ ...first, parts: [...intro, ...first.parts] }, ...messages.slice(1)];
}

interface Applied {
  readonly messages: Outgoing[];
  readonly status: DraftStatus | undefined;
  readonly active: boolean | undefined;
  /** The state must not be saved (a refused submit leaves the draft at the review). */
  readonly refused: boolean;
}

async function applyEffects(
  run: Run,
  draft: Draft,
  target: FormTarget,
  active: ActivePlan,
  result: StepResult,
): Promise<Applied> {
  const submitting = result.effects.some((e) => e.type === "submit");
  const messages: Outgoing[] = [];
  let status: DraftStatus | undefined;
  let activeFlag: boolean | undefined;
  for (const effect of result.effects) {
    if (effect.type === "reply") {
      // The runner's receipt replaces the engine's "sent" line.
      if (!(submitting && isEngineDone(effect.message))) messages.push(strip(effect.message));
    } else if (effect.type === "submit") {
      const outcome = await submitDraft(run, draft, target, active, effect.submission);
      if (outcome.draft === "refused") {
        return { messages: [...outcome.messages], status, active: activeFlag, refused: true };
      }
      messages.push(...outcome.messages);
      status = outcome.draft;
    } else if (effect.type === "cancel") activeFlag = false;
  }
  return { messages, status, active: status ? false : activeFlag, refused: false };
}

export async function stepDraft(
  run: Run,
  draft: Draft,
  input: StepInput,
  intro: readonly TextPart[] = [],
): Promise<void> {
  const active = await run.plan();
  const target = active ? formOfDraft(active, draft) : null;
  if (!active || !target) {
    // The plan no longer has this report: the draft cannot be finished; say so plainly.
    await setDraftStatus(run.trx, draft.id, "discarded", run.now);
    await run.say([{ key: "report:draft.gone", params: { name: labelText(draft.label, run.t, run.lang) } }]);
    return;
  }
  const ctx = await stepContext(run, target, draft);
  const result = step(target.form, draft.state, input, ctx);
  const applied = await applyEffects(run, draft, target, active, result);
  if (applied.refused) {
    for (const m of applied.messages) await run.send(m);
    return;
  }
  let messages = applied.messages;
  let status = applied.status;
  if (draft.kind === "article" && status === undefined) {
    const before = parseState(draft.state)?.answers.url;
    const dup = await duplicateNotice(run, draft.unitId, before, result.state);
    if (dup) {
      messages = [dup];
      status = "discarded";
    }
  }
  messages = withIntro(intro, withFileNote(run, target, result.state, messages));
  const saved = await saveDraftStep(run.trx, draft, {
    state: result.state,
    formVersion: target.form.version,
    now: run.now,
    expiresAt: draftExpiry(run),
    chat: run.ctx.chat,
    status,
    active: status ? false : applied.active,
  });
  if (!saved) throw new DraftConflictError(draft.id);
  for (const m of messages) await run.send(m);
}

export interface NewDraftSpec {
  readonly kind: DraftKind;
  readonly unitId: string;
  readonly obligationCode: string;
  readonly periodKey: string;
  readonly label: DraftLabel;
  readonly intro: readonly TextPart[];
  readonly submissionId?: string | undefined;
  readonly incidentId?: string | undefined;
  /** A prepared state (editing after sending); default: a fresh draft at the first question. */
  readonly initial?: ((target: FormTarget) => FormState) | undefined;
}

/** Creates the person's active draft and asks its first question (or shows its review). */
export async function startDraft(run: Run, spec: NewDraftSpec): Promise<void> {
  const active = await run.plan();
  const target = active ? formFor(active, spec.kind, spec.obligationCode) : null;
  if (!target) {
    await run.say([
      { key: "report:start.unavailable", params: { title: run.ctx.title, contact: run.ctx.contact } },
    ]);
    return;
  }
  const ctx = await stepContext(run, target, spec);
  const result = spec.initial
    ? step(target.form, spec.initial(target), { kind: "command", command: { name: "resume" } }, ctx)
    : start(target.form, ctx);
  await createDraft(run.trx, {
    id: newId(),
    personId: run.personId,
    unitId: spec.unitId,
    kind: spec.kind,
    obligationCode: spec.obligationCode,
    periodKey: spec.periodKey,
    submissionId: spec.submissionId,
    incidentId: spec.incidentId,
    formVersion: target.form.version,
    state: result.state,
    label: spec.label,
    chat: run.ctx.chat,
    now: run.now,
    expiresAt: draftExpiry(run),
  });
  const replies = result.effects.flatMap((e) => (e.type === "reply" ? [strip(e.message)] : []));
  for (const m of withIntro(spec.intro, withFileNote(run, target, result.state, replies))) await run.send(m);
}

/** Makes an unfinished draft the active one again and shows where it stands. */
export async function resumeDraft(run: Run, draft: Draft, intro: readonly TextPart[] = []): Promise<void> {
  await activateDraft(run.trx, draft);
  await stepDraft(run, { ...draft, active: true }, { kind: "command", command: { name: "resume" } }, intro);
}
