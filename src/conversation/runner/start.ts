/**
 * Starting things: a report instance (from the list, a reminder's button or its typed name), an
 * edit of a sent report, an article, an incident or its follow-up. Every unit named by a payload
 * is checked against the Actor first; a refusal says nothing about the unit (it may not exist).
 */
import type { TextPart } from "../../channels/types";
import { findOpenDraftFor } from "../../db/drafts";
import { newId } from "../../db/ids";
import type { StoredUnit } from "../../db/index";
import { getUnitByCode, getUnitById } from "../../db/index";
import { isPeriodLocked } from "../../db/period-locks";
import { addReview } from "../../db/reviews";
import { findSubmission, findSubmissionByRef } from "../../db/submissions";
import { reopenState } from "../reopen";
import type { Answers } from "../types";
import type { Run } from "./context";
import { findInstance, type ReportObligation, reportObligation } from "./instances";
import { draftLabel, instantText, labelText } from "./labels";
import { formatPayload, reportPayload } from "./payloads";
import { canEdit, EDIT_REFUSAL_KEYS } from "./rules";
import { resumeDraft, startDraft } from "./step";

export async function refuse(run: Run): Promise<void> {
  await run.say([{ key: "report:refused", params: { title: run.ctx.title, contact: run.ctx.contact } }]);
}

/** A unit named by a payload (id, or code when the id did not fit), if the actor may submit for it. */
export async function submittableUnit(run: Run, idOrCode: string): Promise<StoredUnit | undefined> {
  const unit = (await getUnitById(run.trx, idOrCode)) ?? (await getUnitByCode(run.trx, idOrCode));
  return unit && run.ctx.actor.can("submit", unit.id) ? unit : undefined;
}

export async function startReport(
  run: Run,
  unit: StoredUnit,
  obligation: ReportObligation,
  periodKey: string,
): Promise<void> {
  const active = await run.plan();
  const instance = active ? findInstance(active, unit, obligation, periodKey) : undefined;
  if (!active || !instance) return refuse(run);
  const label = draftLabel(obligation, active.calendar, periodKey);
  const name = labelText(label, run.t, run.lang);
  const existing = await findSubmission(run.trx, {
    unitId: unit.id,
    obligationCode: obligation.code,
    periodKey,
  });
  const locked = await isPeriodLocked(run.trx, obligation.code, periodKey);
  if (existing) {
    const check = canEdit(existing, locked, run.now);
    const parts: TextPart[] = [
      {
        key: "report:start.alreadySent",
        params: {
          name,
          unit: unit.name,
          reference: existing.reference,
          time: instantText(existing.submittedAt),
        },
      },
      check.ok
        ? { key: "report:submit.editHint" }
        : { key: EDIT_REFUSAL_KEYS[check.reason], params: { reference: existing.reference } },
    ];
    const buttons = check.ok
      ? [
          {
            label: { key: "report:button.edit" },
            payload: formatPayload({ type: "reopen", reference: existing.reference }),
          },
        ]
      : undefined;
    return run.say(parts, buttons);
  }
  if (locked) return run.say([{ key: "report:start.locked", params: { name } }]);
  const target = {
    personId: run.personId,
    unitId: unit.id,
    kind: "report" as const,
    obligationCode: obligation.code,
    periodKey,
  };
  const open = await findOpenDraftFor(run.trx, target);
  if (open && open.submissionId === null) {
    return resumeDraft(run, open, [{ key: "report:resume.intro", params: { name, unit: unit.name } }]);
  }
  await startDraft(run, {
    ...target,
    label,
    intro: [
      {
        key: "report:start.intro",
        params: { name, unit: unit.name, due: instantText(new Date(instance.dueAt)), title: run.ctx.title },
      },
    ],
  });
}

export async function startFromReportPayload(
  run: Run,
  p: { readonly obligationCode: string; readonly periodKey: string; readonly unit: string | null },
): Promise<void> {
  const active = await run.plan();
  const obligation = active ? reportObligation(active, p.obligationCode) : undefined;
  if (!active || !obligation) return refuse(run);
  if (p.unit !== null) {
    const unit = await submittableUnit(run, p.unit);
    return unit ? startReport(run, unit, obligation, p.periodKey) : refuse(run);
  }
  // A reminder too long to name the unit: the person's own units that owe this instance.
  const owing: StoredUnit[] = [];
  for (const id of run.ctx.actor.ownUnitIds) {
    const unit = await getUnitById(run.trx, id);
    if (unit && findInstance(active, unit, obligation, p.periodKey)) owing.push(unit);
  }
  const [only] = owing;
  if (only && owing.length === 1) return startReport(run, only, obligation, p.periodKey);
  if (owing.length === 0) return refuse(run);
  await run.say(
    [{ key: "report:menu.pickUnit", params: { title: run.ctx.title } }],
    owing.map((u) => ({ label: { text: u.name }, payload: reportPayload(obligation.code, p.periodKey, u) })),
  );
}

/** "Sửa báo cáo" / "Mở lại": a draft rebuilt from the current revision, at the review. */
export async function reopenByReference(run: Run, reference: string): Promise<void> {
  const submission = await findSubmissionByRef(run.trx, reference);
  if (!submission || !run.ctx.actor.can("submit", submission.unitId)) return refuse(run);
  const locked = await isPeriodLocked(run.trx, submission.obligationCode, submission.periodKey);
  const check = canEdit(submission, locked, run.now);
  if (!check.ok)
    return run.say([{ key: EDIT_REFUSAL_KEYS[check.reason], params: { reference: submission.reference } }]);
  const active = await run.plan();
  const obligation = active ? reportObligation(active, submission.obligationCode) : undefined;
  const unit = await getUnitById(run.trx, submission.unitId);
  if (!active || !obligation || !unit) {
    return run.say([
      { key: "report:start.unavailable", params: { title: run.ctx.title, contact: run.ctx.contact } },
    ]);
  }
  const label = draftLabel(obligation, active.calendar, submission.periodKey);
  const key = {
    personId: run.personId,
    unitId: unit.id,
    kind: "report" as const,
    obligationCode: obligation.code,
    periodKey: submission.periodKey,
    submissionId: submission.id,
  };
  const intro: TextPart[] = [
    {
      key: "report:reopen.intro",
      params: {
        name: labelText(label, run.t, run.lang),
        reference: submission.reference,
        revision: submission.revision,
      },
    },
  ];
  const open = await findOpenDraftFor(run.trx, key);
  if (open) return resumeDraft(run, open, intro);
  await addReview(run.trx, {
    id: newId(),
    submissionId: submission.id,
    action: "reopen",
    note: null,
    byPerson: run.personId,
    source: "chat",
    at: run.now,
  });
  await startDraft(run, {
    ...key,
    label,
    intro,
    initial: (target) =>
      submission.nil
        ? {
            ...reopenState(target.form, {}, run.now),
            nil: true,
            status: "reviewing",
            cursor: { at: "review" },
            editing: false,
          }
        : reopenState(target.form, submission.answers as Answers, run.now),
  });
}
