/**
 * What the Văn phòng does with what units send, from the bot or the command line alike: return a
 * report with a note (the unit's comms officer and head get it, with a button to reopen), accept
 * it (no more edits), close an incident, lock a period. Results are values; messages to units are
 * queued in the caller's transaction.
 */
import type { ActivePlan } from "../../bot/status/sources";
import type { TextPart } from "../../channels/types";
import { closeIncident, findIncidentByRef, type Incident } from "../../db/incidents";
import { type Db, getUnitById, newId } from "../../db/index";
import { lockPeriod } from "../../db/period-locks";
import { addReview } from "../../db/reviews";
import {
  findSubmissionByRef,
  type ReviewState,
  type StoredSubmission,
  setReviewState,
} from "../../db/submissions";
import { type Lang, translator } from "../../i18n/index";
import { localized } from "../text";
import { periodText } from "./labels";
import { notifyPeople, peopleWithRoles } from "./notify";
import { formatPayload } from "./payloads";
import { canAccept, canReturn } from "./rules";

export interface OfficeEnv {
  readonly now: Date;
  readonly lang: Lang;
  readonly plan: ActivePlan | null;
  /** The person acting, or null from the command line. */
  readonly by: string | null;
  readonly source: "chat" | "cli";
}

export type ReviewResult =
  | { readonly ok: true; readonly submission: StoredSubmission; readonly notified: number }
  | { readonly ok: false; readonly reason: "not_found" }
  | { readonly ok: false; readonly reason: "wrong_state"; readonly state: ReviewState };

/** "Báo cáo … tháng 11/2026" in the reader's language, or the obligation code when the plan lacks it. */
export function reportName(env: Pick<OfficeEnv, "plan" | "lang">, code: string, periodKey: string): string {
  const t = translator(env.lang);
  const o = env.plan?.plan.obligations.find((x) => x.code === code);
  if (!o || !env.plan) return `${code} ${periodKey}`;
  return `${localized(o.name, env.lang)}, ${periodText(o, env.plan.calendar, periodKey, t)}`;
}

async function tellUnit(
  db: Db,
  s: StoredSubmission,
  env: OfficeEnv,
  parts: TextPart[],
  dedupeKey: string,
  withReopen: boolean,
): Promise<number> {
  const people = await peopleWithRoles(db, [s.unitId], ["comms", "head"], env.now);
  return notifyPeople(db, people, {
    message: {
      lang: env.lang,
      parts,
      buttons: withReopen
        ? [
            {
              label: { key: "report:button.reopen" },
              payload: formatPayload({ type: "reopen", reference: s.reference }),
            },
          ]
        : undefined,
    },
    kind: "reminder",
    now: env.now,
    dedupeKey,
  });
}

export async function returnSubmission(
  db: Db,
  reference: string,
  note: string,
  env: OfficeEnv,
): Promise<ReviewResult> {
  const s = await findSubmissionByRef(db, reference);
  if (!s) return { ok: false, reason: "not_found" };
  if (!canReturn(s.reviewState)) return { ok: false, reason: "wrong_state", state: s.reviewState };
  await setReviewState(db, s.id, "returned");
  const reviewId = newId();
  await addReview(db, {
    id: reviewId,
    submissionId: s.id,
    action: "return",
    note,
    byPerson: env.by,
    source: env.source,
    at: env.now,
  });
  const unit = await getUnitById(db, s.unitId);
  const name = reportName(env, s.obligationCode, s.periodKey);
  const notified = await tellUnit(
    db,
    s,
    env,
    [
      { key: "report:review.returned", params: { name, unit: unit?.name ?? "", reference: s.reference } },
      { key: "report:review.note", params: { note } },
      { key: "report:review.returnedHint" },
    ],
    `returned:${reviewId}`,
    true,
  );
  return { ok: true, submission: { ...s, reviewState: "returned" }, notified };
}

export async function acceptSubmission(db: Db, reference: string, env: OfficeEnv): Promise<ReviewResult> {
  const s = await findSubmissionByRef(db, reference);
  if (!s) return { ok: false, reason: "not_found" };
  if (!canAccept(s.reviewState)) return { ok: false, reason: "wrong_state", state: s.reviewState };
  await setReviewState(db, s.id, "accepted");
  const reviewId = newId();
  await addReview(db, {
    id: reviewId,
    submissionId: s.id,
    action: "accept",
    note: null,
    byPerson: env.by,
    source: env.source,
    at: env.now,
  });
  const unit = await getUnitById(db, s.unitId);
  const name = reportName(env, s.obligationCode, s.periodKey);
  const notified = await tellUnit(
    db,
    s,
    env,
    [{ key: "report:review.accepted", params: { name, unit: unit?.name ?? "", reference: s.reference } }],
    `accepted:${reviewId}`,
    false,
  );
  return { ok: true, submission: { ...s, reviewState: "accepted" }, notified };
}

export type CloseResult =
  | { readonly ok: true; readonly incident: Incident; readonly notified: number }
  | { readonly ok: false; readonly reason: "not_found" | "already_closed" };

export async function closeIncidentByRef(db: Db, reference: string, env: OfficeEnv): Promise<CloseResult> {
  const incident = await findIncidentByRef(db, reference);
  if (!incident) return { ok: false, reason: "not_found" };
  if (!(await closeIncident(db, incident.id, env.by, env.now)))
    return { ok: false, reason: "already_closed" };
  const people = await peopleWithRoles(db, [incident.unitId], ["comms", "head"], env.now);
  const notified = await notifyPeople(db, people, {
    message: {
      lang: env.lang,
      parts: [{ key: "report:incident.closedByOffice", params: { reference: incident.reference } }],
    },
    kind: "reminder",
    now: env.now,
    dedupeKey: `incident-closed:${incident.id}`,
  });
  return { ok: true, incident: { ...incident, status: "closed", closedAt: env.now }, notified };
}

export async function lockPeriodFor(
  db: Db,
  code: string,
  periodKey: string,
  env: OfficeEnv,
): Promise<boolean> {
  return lockPeriod(db, { obligationCode: code, periodKey, by: env.by, now: env.now });
}
