/**
 * Sending a report: one current submission per (unit, obligation, period). The same draft sent
 * twice finds its revision (key "draft:<id>"); a colleague who sent first wins and the second
 * sender is told so, with the same reference; a draft opened to edit a submission adds a revision.
 */
import type { ActivePlan } from "../../bot/status/sources";
import type { Draft } from "../../db/drafts";
import { getUnitById, newId } from "../../db/index";
import { isPeriodLocked } from "../../db/period-locks";
import { newReference } from "../../db/references";
import { linkFiles } from "../../db/submission-files";
import {
  findSubmission,
  findSubmissionById,
  findSubmissionByRevisionKey,
  insertSubmission,
  reviseSubmission,
  type StoredSubmission,
} from "../../db/submissions";
import { checkSubmission } from "../submission";
import type { Submission } from "../types";
import type { Run } from "./context";
import { filesInAnswers } from "./files";
import type { FormTarget } from "./forms";
import { findInstance, type ReportObligation } from "./instances";
import { labelText } from "./labels";
import { alreadyReceived, receipt } from "./receipt";
import { canEdit, EDIT_REFUSAL_KEYS } from "./rules";
import type { SubmitOutcome } from "./submit";

async function personName(run: Run, personId: string | null): Promise<string | null> {
  if (personId === null) return null;
  if (personId === run.personId) return run.ctx.actor.person.fullName;
  const row = await run.trx
    .selectFrom("people")
    .select("full_name")
    .where("id", "=", personId)
    .executeTakeFirst();
  return row?.full_name ?? null;
}

async function editable(run: Run, s: StoredSubmission): Promise<boolean> {
  return canEdit(s, await isPeriodLocked(run.trx, s.obligationCode, s.periodKey), run.now).ok;
}

export async function submitReport(
  run: Run,
  draft: Draft,
  target: FormTarget,
  active: ActivePlan,
  submission: Submission,
): Promise<SubmitOutcome> {
  // Defence in depth: whatever path produced it, a submission obeys the form's rules.
  const check = checkSubmission(target.form, submission.answers, { nil: submission.nil });
  if (!check.ok) throw new Error(`engine produced an invalid submission for draft ${draft.id}`);
  const obligation = target.obligation as ReportObligation;
  const unit = await getUnitById(run.trx, draft.unitId);
  if (!unit || !run.ctx.actor.can("submit", draft.unitId)) {
    return {
      messages: [
        { parts: [{ key: "report:refused", params: { title: run.ctx.title, contact: run.ctx.contact } }] },
      ],
      draft: "discarded",
    };
  }
  const names = { name: labelText(draft.label, run.t, run.lang), unit: unit.name, title: run.ctx.title };
  const revisionKey = `draft:${draft.id}`;
  const same = await findSubmissionByRevisionKey(run.trx, revisionKey);
  if (same) {
    return {
      messages: [alreadyReceived(same, { ...names, by: null, editable: await editable(run, same) })],
      draft: "submitted",
    };
  }
  const locked = await isPeriodLocked(run.trx, obligation.code, draft.periodKey);
  const common = {
    formVersion: submission.formVersion,
    answers: submission.answers,
    nil: submission.nil,
    revisionKey,
    byPerson: run.personId,
    source: "chat" as const,
    at: run.now,
  };

  if (draft.submissionId) {
    const current = await findSubmissionById(run.trx, draft.submissionId);
    if (!current) throw new Error(`submission ${draft.submissionId} of draft ${draft.id} is missing`);
    const allowed = canEdit(current, locked, run.now);
    if (!allowed.ok) {
      return {
        messages: [
          { parts: [{ key: EDIT_REFUSAL_KEYS[allowed.reason], params: { reference: current.reference } }] },
        ],
        draft: "discarded",
      };
    }
    const revisionId = newId();
    const revised = await reviseSubmission(run.trx, current, { ...common, id: revisionId });
    await linkFiles(
      run.trx,
      { kind: "submission_revision", id: revisionId },
      filesInAnswers(submission.answers),
    );
    return {
      messages: [receipt(revised, { ...names, editable: canEdit(revised, locked, run.now).ok })],
      draft: "submitted",
    };
  }

  if (locked)
    return {
      messages: [{ parts: [{ key: "report:edit.locked", params: { reference: "" } }] }],
      draft: "refused",
    };
  const key = { unitId: draft.unitId, obligationCode: obligation.code, periodKey: draft.periodKey };
  const existing = await findSubmission(run.trx, key);
  if (existing) {
    const by = (await personName(run, existing.submittedBy)) ?? run.t("report:someone");
    return {
      messages: [alreadyReceived(existing, { ...names, by, editable: await editable(run, existing) })],
      draft: "discarded",
    };
  }
  const instance = findInstance(active, unit, obligation, draft.periodKey);
  if (!instance) {
    return {
      messages: [
        { parts: [{ key: "report:refused", params: { title: run.ctx.title, contact: run.ctx.contact } }] },
      ],
      draft: "discarded",
    };
  }
  const revisionId = newId();
  const stored = await insertSubmission(run.trx, {
    ...key,
    ...common,
    id: newId(),
    reference: await newReference(run.trx, "submissions", "BC", run.now, run.random),
    dueAt: new Date(instance.dueAt),
    revisionId,
  });
  await linkFiles(
    run.trx,
    { kind: "submission_revision", id: revisionId },
    filesInAnswers(submission.answers),
  );
  return {
    messages: [receipt(stored, { ...names, editable: canEdit(stored, false, run.now).ok })],
    draft: "submitted",
  };
}
