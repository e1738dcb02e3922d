/**
 * What /trangthai reads besides the org: the active plan with its calendar, and which instances
 * were submitted. Both are injected so that issue 4 plugs its `submissions` table in without
 * touching the bot.
 */
import type { Db } from "../../db/index";
import type { HolidayCalendar, Plan } from "../../domain/plan";
import type { SubmissionFact } from "../../domain/status";

export interface ActivePlan {
  readonly plan: Plan;
  readonly calendar: HolidayCalendar;
}

/** The plan in force and its calendar, or null when none is set up (the reply then says so). */
export type ActivePlanSource = (db: Db) => Promise<ActivePlan | null>;

/** One obligation instance: a unit owes an obligation for a period. */
export interface InstanceKey {
  readonly unitId: string;
  readonly obligationCode: string;
  readonly periodKey: string;
}

export function instanceKeyString(key: InstanceKey): string {
  return `${key.unitId}|${key.obligationCode}|${key.periodKey}`;
}

export interface SubmissionStatusSource {
  /** The current submission of each instance that has one, keyed by instanceKeyString. */
  submissions(db: Db, keys: readonly InstanceKey[]): Promise<ReadonlyMap<string, SubmissionFact>>;
}

/**
 * The default until issue 4 adds the `submissions` table: nothing is submitted, so /trangthai
 * lists every report due as not submitted (or overdue). Issue 4 passes a source reading its table.
 */
export const noSubmissionsYet: SubmissionStatusSource = {
  submissions: async () => new Map<string, SubmissionFact>(),
};
