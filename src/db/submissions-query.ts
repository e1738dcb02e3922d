/**
 * Reading submissions in bulk: the office's list, the facts /trangthai needs, and the previous
 * period's answers proposed as carry-over.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema";
import { type InstanceRef, type JsonAnswers, parseAnswers, type ReviewState } from "./submissions";

type Conn = Kysely<Database>;

/** SQLite's bound-parameter limit is 32766; stay far below it per query. */
const KEYS_PER_QUERY = 2_000;

export interface SubmissionFactRow extends InstanceRef {
  readonly submittedAt: Date;
  readonly nil: boolean;
  readonly reviewState: ReviewState;
}

/** A report period asked about for at least this many units is read whole (one indexed query). */
const UNITS_FOR_PERIOD_QUERY = 20;

function toFact(r: {
  unit_id: string;
  obligation_code: string;
  period_key: string;
  submitted_at: string;
  nil: number;
  review_state: string;
}): SubmissionFactRow {
  return {
    unitId: r.unit_id,
    obligationCode: r.obligation_code,
    periodKey: r.period_key,
    submittedAt: new Date(r.submitted_at),
    nil: r.nil === 1,
    reviewState: r.review_state as ReviewState,
  };
}

const FACT_COLUMNS = [
  "unit_id",
  "obligation_code",
  "period_key",
  "submitted_at",
  "nil",
  "review_state",
] as const;

/**
 * The current submission of each instance given that has one. The Văn phòng asks about a few
 * report periods for hundreds of units: each such period is one query on the
 * (obligation_code, period_key) index, kept to the units asked about; the rest (a unit's own few
 * instances) go by value sets, chunked.
 */
export async function submissionFacts(db: Conn, keys: readonly InstanceRef[]): Promise<SubmissionFactRow[]> {
  const out: SubmissionFactRow[] = [];
  const byPeriod = new Map<string, InstanceRef[]>();
  for (const k of keys) {
    const pair = `${k.obligationCode}|${k.periodKey}`;
    const list = byPeriod.get(pair);
    if (list) list.push(k);
    else byPeriod.set(pair, [k]);
  }
  const rest: InstanceRef[] = [];
  for (const list of byPeriod.values()) {
    const first = list[0] as InstanceRef;
    if (list.length < UNITS_FOR_PERIOD_QUERY) {
      rest.push(...list);
      continue;
    }
    const units = new Set(list.map((k) => k.unitId));
    const rows = await db
      .selectFrom("submissions")
      .select(FACT_COLUMNS)
      .where("obligation_code", "=", first.obligationCode)
      .where("period_key", "=", first.periodKey)
      .execute();
    for (const r of rows) if (units.has(r.unit_id)) out.push(toFact(r));
  }
  for (let i = 0; i < rest.length; i += KEYS_PER_QUERY) {
    const chunk = rest.slice(i, i + KEYS_PER_QUERY);
    const wanted = new Set(chunk.map((k) => `${k.unitId}|${k.obligationCode}|${k.periodKey}`));
    // Filter by the three columns' value sets, then keep exact triples: one indexed query per chunk.
    const rows = await db
      .selectFrom("submissions")
      .select(FACT_COLUMNS)
      .where("unit_id", "in", [...new Set(chunk.map((k) => k.unitId))])
      .where("obligation_code", "in", [...new Set(chunk.map((k) => k.obligationCode))])
      .where("period_key", "in", [...new Set(chunk.map((k) => k.periodKey))])
      .execute();
    for (const r of rows) {
      if (wanted.has(`${r.unit_id}|${r.obligation_code}|${r.period_key}`)) out.push(toFact(r));
    }
  }
  return out;
}

/**
 * The answers of the unit's latest submission of this obligation for an earlier period (carry-over).
 * Period keys of one cadence sort as text ("2026-10" < "2026-11", "2026-W09" < "2026-W10").
 */
export async function previousAnswers(db: Conn, key: InstanceRef): Promise<JsonAnswers | undefined> {
  const row = await db
    .selectFrom("submissions")
    .select(["answers", "nil"])
    .where("unit_id", "=", key.unitId)
    .where("obligation_code", "=", key.obligationCode)
    .where("period_key", "<", key.periodKey)
    .where("nil", "=", 0)
    .orderBy("period_key", "desc")
    .executeTakeFirst();
  return row ? parseAnswers(row.answers) : undefined;
}

export interface SubmissionFilter {
  readonly periodKey?: string | undefined;
  readonly obligationCode?: string | undefined;
  readonly reviewState?: ReviewState | undefined;
  readonly unitId?: string | undefined;
}

export interface SubmissionListRow {
  readonly reference: string;
  readonly unitId: string;
  readonly unitCode: string;
  readonly unitName: string;
  readonly obligationCode: string;
  readonly periodKey: string;
  readonly reviewState: ReviewState;
  readonly nil: boolean;
  readonly late: boolean;
  readonly revision: number;
  readonly submittedAt: Date;
  readonly updatedAt: Date;
  readonly dueAt: Date;
  readonly submittedByName: string | null;
}

export async function listSubmissions(db: Conn, filter: SubmissionFilter = {}): Promise<SubmissionListRow[]> {
  let q = db
    .selectFrom("submissions")
    .innerJoin("units", "units.id", "submissions.unit_id")
    .leftJoin("people", "people.id", "submissions.submitted_by")
    .select([
      "submissions.reference",
      "submissions.unit_id",
      "units.code as unit_code",
      "units.name as unit_name",
      "submissions.obligation_code",
      "submissions.period_key",
      "submissions.review_state",
      "submissions.nil",
      "submissions.late",
      "submissions.revision",
      "submissions.submitted_at",
      "submissions.updated_at",
      "submissions.due_at",
      "people.full_name",
    ]);
  if (filter.periodKey) q = q.where("submissions.period_key", "=", filter.periodKey);
  if (filter.obligationCode) q = q.where("submissions.obligation_code", "=", filter.obligationCode);
  if (filter.reviewState) q = q.where("submissions.review_state", "=", filter.reviewState);
  if (filter.unitId) q = q.where("submissions.unit_id", "=", filter.unitId);
  const rows = await q
    .orderBy("submissions.obligation_code")
    .orderBy("submissions.period_key")
    .orderBy("units.code")
    .execute();
  return rows.map((r) => ({
    reference: r.reference,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    obligationCode: r.obligation_code,
    periodKey: r.period_key,
    reviewState: r.review_state as ReviewState,
    nil: r.nil === 1,
    late: r.late === 1,
    revision: r.revision,
    submittedAt: new Date(r.submitted_at),
    updatedAt: new Date(r.updated_at),
    dueAt: new Date(r.due_at),
    submittedByName: r.full_name,
  }));
}
