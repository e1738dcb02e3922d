/** /trangthai's submission facts from the `submissions` table (see src/bot/status/sources.ts). */
import { instanceKeyString, type SubmissionStatusSource } from "../../bot/status/sources";
import { submissionFacts } from "../../db/submissions-query";
import type { SubmissionFact } from "../../domain/status";

/**
 * A submission counts from its first sending (so a report returned for corrections is still "sent"
 * for compliance and reminders; its review state is the office's business).
 */
export function createSubmissionStatusSource(): SubmissionStatusSource {
  return {
    async submissions(db, keys) {
      const facts = new Map<string, SubmissionFact>();
      for (const row of await submissionFacts(db, keys)) {
        facts.set(instanceKeyString(row), { submittedAt: row.submittedAt, nil: row.nil });
      }
      return facts;
    },
  };
}
