/**
 * Submissions: the current version per (unit, obligation, period), its revisions (never changed),
 * and the office's reviews. Answers are JSON handed out as plain records; the form engine checks
 * them. Every function takes `db` or a transaction.
 */

import type { Kysely, Selectable } from "kysely";
import { bumpStatusEpoch } from "./change-epoch";
import type { Database, SubmissionRevisionTable, SubmissionTable } from "./schema";

type Conn = Kysely<Database>;

export const REVIEW_STATES = ["submitted", "returned", "resubmitted", "accepted"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export type JsonAnswers = Readonly<Record<string, unknown>>;
export type ActionSource = "chat" | "cli";

export interface StoredSubmission {
  readonly id: string;
  readonly reference: string;
  readonly unitId: string;
  readonly obligationCode: string;
  readonly periodKey: string;
  readonly formVersion: number;
  readonly answers: JsonAnswers;
  readonly nil: boolean;
  readonly reviewState: ReviewState;
  readonly revision: number;
  readonly submittedBy: string | null;
  readonly submittedAt: Date;
  readonly updatedBy: string | null;
  readonly updatedAt: Date;
  readonly dueAt: Date;
  readonly late: boolean;
}

export interface Revision {
  readonly revision: number;
  readonly formVersion: number;
  readonly answers: JsonAnswers;
  readonly nil: boolean;
  readonly byPerson: string | null;
  readonly source: ActionSource;
  readonly at: Date;
}

export function parseAnswers(text: string): JsonAnswers {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as JsonAnswers) : {};
  } catch {
    return {};
  }
}

function toSubmission(r: Selectable<SubmissionTable>): StoredSubmission {
  return {
    id: r.id,
    reference: r.reference,
    unitId: r.unit_id,
    obligationCode: r.obligation_code,
    periodKey: r.period_key,
    formVersion: r.form_version,
    answers: parseAnswers(r.answers),
    nil: r.nil === 1,
    reviewState: (REVIEW_STATES as readonly string[]).includes(r.review_state)
      ? (r.review_state as ReviewState)
      : "submitted",
    revision: r.revision,
    submittedBy: r.submitted_by,
    submittedAt: new Date(r.submitted_at),
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at),
    dueAt: new Date(r.due_at),
    late: r.late === 1,
  };
}

export interface InstanceRef {
  readonly unitId: string;
  readonly obligationCode: string;
  readonly periodKey: string;
}

export async function findSubmission(db: Conn, key: InstanceRef): Promise<StoredSubmission | undefined> {
  const row = await db
    .selectFrom("submissions")
    .selectAll()
    .where("unit_id", "=", key.unitId)
    .where("obligation_code", "=", key.obligationCode)
    .where("period_key", "=", key.periodKey)
    .executeTakeFirst();
  return row ? toSubmission(row) : undefined;
}

export async function findSubmissionById(db: Conn, id: string): Promise<StoredSubmission | undefined> {
  const row = await db.selectFrom("submissions").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toSubmission(row) : undefined;
}

/** By reference, case and spacing forgiven ("bc-2611-4827"). */
export async function findSubmissionByRef(
  db: Conn,
  reference: string,
): Promise<StoredSubmission | undefined> {
  const ref = reference.trim().toUpperCase();
  const row = await db.selectFrom("submissions").selectAll().where("reference", "=", ref).executeTakeFirst();
  return row ? toSubmission(row) : undefined;
}

/** The submission a revision key already produced (the same draft sent twice). */
export async function findSubmissionByRevisionKey(
  db: Conn,
  revisionKey: string,
): Promise<StoredSubmission | undefined> {
  const row = await db
    .selectFrom("submission_revisions")
    .innerJoin("submissions", "submissions.id", "submission_revisions.submission_id")
    .selectAll("submissions")
    .where("submission_revisions.revision_key", "=", revisionKey)
    .executeTakeFirst();
  return row ? toSubmission(row) : undefined;
}

export interface NewSubmission extends InstanceRef {
  readonly id: string;
  readonly reference: string;
  readonly formVersion: number;
  readonly answers: JsonAnswers;
  readonly nil: boolean;
  readonly byPerson: string | null;
  readonly at: Date;
  readonly dueAt: Date;
  readonly revisionId: string;
  readonly revisionKey: string;
  readonly source: ActionSource;
}

/** Inserts the submission and its revision 1. The caller checked that none exists for the instance. */
export async function insertSubmission(db: Conn, s: NewSubmission): Promise<StoredSubmission> {
  bumpStatusEpoch();
  const at = s.at.toISOString();
  const row: Selectable<SubmissionTable> = {
    id: s.id,
    reference: s.reference,
    unit_id: s.unitId,
    obligation_code: s.obligationCode,
    period_key: s.periodKey,
    form_version: s.formVersion,
    answers: JSON.stringify(s.answers),
    nil: s.nil ? 1 : 0,
    review_state: "submitted",
    revision: 1,
    submitted_by: s.byPerson,
    submitted_at: at,
    updated_by: s.byPerson,
    updated_at: at,
    due_at: s.dueAt.toISOString(),
    late: s.at.getTime() > s.dueAt.getTime() ? 1 : 0,
    idempotency_key: s.revisionKey,
  };
  await db.insertInto("submissions").values(row).execute();
  await insertRevision(db, {
    id: s.revisionId,
    submissionId: s.id,
    revision: 1,
    formVersion: s.formVersion,
    answers: s.answers,
    nil: s.nil,
    revisionKey: s.revisionKey,
    byPerson: s.byPerson,
    source: s.source,
    at: s.at,
  });
  return toSubmission(row);
}

interface NewRevision {
  readonly id: string;
  readonly submissionId: string;
  readonly revision: number;
  readonly formVersion: number;
  readonly answers: JsonAnswers;
  readonly nil: boolean;
  readonly revisionKey: string;
  readonly byPerson: string | null;
  readonly source: ActionSource;
  readonly at: Date;
}

async function insertRevision(db: Conn, r: NewRevision): Promise<void> {
  const row: Selectable<SubmissionRevisionTable> = {
    id: r.id,
    submission_id: r.submissionId,
    revision: r.revision,
    form_version: r.formVersion,
    answers: JSON.stringify(r.answers),
    nil: r.nil ? 1 : 0,
    revision_key: r.revisionKey,
    by_person: r.byPerson,
    source: r.source,
    at: r.at.toISOString(),
  };
  await db.insertInto("submission_revisions").values(row).execute();
}

/**
 * A new revision becomes the current data. A returned submission becomes resubmitted; the first
 * submission time (and so `late`) does not change.
 */
export async function reviseSubmission(
  db: Conn,
  current: StoredSubmission,
  r: Omit<NewRevision, "submissionId" | "revision">,
): Promise<StoredSubmission> {
  const revision = current.revision + 1;
  await insertRevision(db, { ...r, submissionId: current.id, revision });
  const reviewState: ReviewState = current.reviewState === "returned" ? "resubmitted" : current.reviewState;
  await db
    .updateTable("submissions")
    .set({
      answers: JSON.stringify(r.answers),
      nil: r.nil ? 1 : 0,
      form_version: r.formVersion,
      revision,
      review_state: reviewState,
      updated_by: r.byPerson,
      updated_at: r.at.toISOString(),
    })
    .where("id", "=", current.id)
    .execute();
  return {
    ...current,
    answers: r.answers,
    nil: r.nil,
    formVersion: r.formVersion,
    revision,
    reviewState,
    updatedBy: r.byPerson,
    updatedAt: r.at,
  };
}

export async function setReviewState(db: Conn, id: string, state: ReviewState): Promise<void> {
  await db.updateTable("submissions").set({ review_state: state }).where("id", "=", id).execute();
}

export async function listRevisions(db: Conn, submissionId: string): Promise<Revision[]> {
  const rows = await db
    .selectFrom("submission_revisions")
    .selectAll()
    .where("submission_id", "=", submissionId)
    .orderBy("revision")
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    formVersion: r.form_version,
    answers: parseAnswers(r.answers),
    nil: r.nil === 1,
    byPerson: r.by_person,
    source: r.source === "cli" ? "cli" : "chat",
    at: new Date(r.at),
  }));
}
