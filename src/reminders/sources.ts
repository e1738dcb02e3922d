/**
 * Where the planner learns what was submitted. The default reads the `submissions` table of the
 * conversation runner (one current row per unit × obligation × period); tests and other
 * deployments can inject their own source.
 */
import type { Db } from "../db/index";
import type { SubmissionFact } from "../domain/status";
import { factKey } from "./facts";

export interface PeriodPair {
  readonly obligationCode: string;
  readonly periodKey: string;
}

export interface SubmissionSource {
  /** The current submission of every unit that has one, keyed by factKey(unit, obligation, period). */
  forPeriods(db: Db, pairs: readonly PeriodPair[]): Promise<Map<string, SubmissionFact>>;
}

/** Pairs per query: each costs two bound values. */
const PAIRS_PER_QUERY = 200;

/**
 * Reads `submissions`. Every review state counts as submitted: a report the office returned for
 * correction is followed up by the review flow, not by deadline reminders.
 */
export const submissionsTable: SubmissionSource = {
  async forPeriods(db, pairs) {
    const result = new Map<string, SubmissionFact>();
    for (let i = 0; i < pairs.length; i += PAIRS_PER_QUERY) {
      const chunk = pairs.slice(i, i + PAIRS_PER_QUERY);
      const rows = await db
        .selectFrom("submissions")
        .select(["unit_id", "obligation_code", "period_key", "submitted_at", "nil"])
        .where((eb) =>
          eb.or(
            chunk.map((p) =>
              eb.and([eb("obligation_code", "=", p.obligationCode), eb("period_key", "=", p.periodKey)]),
            ),
          ),
        )
        .execute();
      for (const r of rows) {
        result.set(factKey(r.unit_id, r.obligation_code, r.period_key), {
          submittedAt: new Date(r.submitted_at),
          nil: r.nil === 1,
        });
      }
    }
    return result;
  },
};
