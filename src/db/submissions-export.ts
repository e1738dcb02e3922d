/** The current submissions of one obligation and period, with what an export shows of each. */
import type { Kysely } from "kysely";
import type { Database } from "./schema";
import { type JsonAnswers, parseAnswers, REVIEW_STATES, type ReviewState } from "./submissions";

type Conn = Kysely<Database>;

export interface SubmissionDetail {
  readonly unitId: string;
  readonly reference: string;
  readonly answers: JsonAnswers;
  readonly nil: boolean;
  readonly reviewState: ReviewState;
  readonly submittedAt: Date;
  /** Who sent it first; null when entered from the command line. */
  readonly submittedByName: string | null;
}

/** One row per unit that submitted this obligation for this period (the unique index says so). */
export async function submissionDetails(
  db: Conn,
  obligationCode: string,
  periodKey: string,
): Promise<SubmissionDetail[]> {
  const rows = await db
    .selectFrom("submissions")
    .leftJoin("people", "people.id", "submissions.submitted_by")
    .select([
      "submissions.unit_id",
      "submissions.reference",
      "submissions.answers",
      "submissions.nil",
      "submissions.review_state",
      "submissions.submitted_at",
      "people.full_name",
    ])
    .where("submissions.obligation_code", "=", obligationCode)
    .where("submissions.period_key", "=", periodKey)
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    reference: r.reference,
    answers: parseAnswers(r.answers),
    nil: r.nil === 1,
    reviewState: (REVIEW_STATES as readonly string[]).includes(r.review_state)
      ? (r.review_state as ReviewState)
      : "submitted",
    submittedAt: new Date(r.submitted_at),
    submittedByName: r.full_name,
  }));
}
