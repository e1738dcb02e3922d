/**
 * Tables of the reminder planner: steps already planned (reminder_steps), what each queued message
 * is about (reminder_messages, keyed by outbox id), and reminders that reached nobody
 * (reminder_undelivered). Specs are stored as JSON and parsed by src/reminders: a message's own
 * part in reminder_messages.spec, what all reminders of a step share once in reminder_steps.spec.
 */
import type { Kysely } from "kysely";
import { bulkStatement, placeholders } from "./bulk-insert";
import type { Database } from "./schema";

type Conn = Kysely<Database>;

const CHUNK_ROWS = 500;

export interface StepRow {
  readonly scope: string;
  readonly periodKey: string;
  readonly step: string;
  readonly queued: number;
  /** The part of the spec every reminder of the step shares (JSON), or null. */
  readonly spec: string | null;
}

const stepKey = (s: { scope: string; periodKey: string; step: string }) =>
  `${s.scope}|${s.periodKey}|${s.step}`;

export async function loadPlannedSteps(db: Conn): Promise<Set<string>> {
  const rows = await db.selectFrom("reminder_steps").select(["scope", "period_key", "step"]).execute();
  return new Set(rows.map((r) => stepKey({ scope: r.scope, periodKey: r.period_key, step: r.step })));
}

/**
 * Claims steps for this process: inserts the ones nobody planned yet and returns their keys. Call
 * inside the transaction that queues the steps' messages.
 */
export async function claimSteps(db: Conn, steps: readonly StepRow[], now: Date): Promise<Set<string>> {
  const claimed = new Set<string>();
  for (let i = 0; i < steps.length; i += CHUNK_ROWS) {
    const rows = await db
      .insertInto("reminder_steps")
      .values(
        steps.slice(i, i + CHUNK_ROWS).map((s) => ({
          scope: s.scope,
          period_key: s.periodKey,
          step: s.step,
          planned_at: now.toISOString(),
          queued: s.queued,
          spec: s.spec,
        })),
      )
      .onConflict((oc) => oc.columns(["scope", "period_key", "step"]).doNothing())
      .returning(["scope", "period_key", "step"])
      .execute();
    for (const r of rows) claimed.add(stepKey({ scope: r.scope, periodKey: r.period_key, step: r.step }));
  }
  return claimed;
}

export interface ReminderMetaRow {
  readonly outboxId: number;
  readonly kind: string;
  readonly unitId: string | null;
  readonly obligationCode: string | null;
  readonly periodKey: string | null;
  readonly step: string;
  readonly personId: string | null;
  readonly baseKey: string;
  readonly sendDay: string;
  readonly counted: boolean;
  readonly spec: string;
}

export interface StoredReminderMeta extends ReminderMetaRow {
  /** The step's shared part when `spec` holds only the message's own part (reminder_steps.spec). */
  readonly sharedSpec: string | null;
}

const insertMeta = bulkStatement<ReminderMetaRow, never>({
  columns: [
    "outbox_id",
    "kind",
    "unit_id",
    "obligation_code",
    "period_key",
    "step",
    "person_id",
    "base_key",
    "send_day",
    "counted",
    "spec",
  ],
  push(r, v) {
    v.push(
      r.outboxId,
      r.kind,
      r.unitId,
      r.obligationCode,
      r.periodKey,
      r.step,
      r.personId,
      r.baseKey,
      r.sendDay,
      r.counted ? 1 : 0,
      r.spec,
    );
  },
  build: (db, n) =>
    db.insertInto("reminder_messages").values(
      placeholders(
        {
          outbox_id: 0,
          kind: "",
          unit_id: "",
          obligation_code: "",
          period_key: "",
          step: "",
          person_id: "",
          base_key: "",
          send_day: "",
          counted: 0,
          spec: "",
        },
        n,
      ),
    ),
});

export async function insertReminderMeta(db: Conn, rows: readonly ReminderMetaRow[]): Promise<void> {
  await insertMeta.run(db, rows);
}

export async function getReminderMeta(db: Conn, outboxId: number): Promise<StoredReminderMeta | undefined> {
  const r = await db
    .selectFrom("reminder_messages as r")
    .leftJoin("reminder_steps as s", (join) =>
      join
        .onRef("s.scope", "=", "r.obligation_code")
        .onRef("s.period_key", "=", "r.period_key")
        .onRef("s.step", "=", "r.step"),
    )
    .selectAll("r")
    .select("s.spec as shared_spec")
    .where("r.outbox_id", "=", outboxId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    outboxId: r.outbox_id,
    kind: r.kind,
    unitId: r.unit_id,
    obligationCode: r.obligation_code,
    periodKey: r.period_key,
    step: r.step,
    personId: r.person_id,
    baseKey: r.base_key,
    sendDay: r.send_day,
    counted: r.counted === 1,
    spec: r.spec,
    sharedSpec: r.shared_spec,
  };
}

export async function setSendDay(db: Conn, outboxId: number, day: string): Promise<void> {
  await db
    .updateTable("reminder_messages")
    .set({ send_day: day })
    .where("outbox_id", "=", outboxId)
    .execute();
}

/**
 * Counted reminders per `${personId}|${day}` from `fromDay` on, leaving out cancelled ones (a
 * reminder cancelled because the unit submitted did not bother anyone).
 */
export async function dailyReminderCounts(db: Conn, fromDay: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("reminder_messages as r")
    .innerJoin("outbox as o", "o.id", "r.outbox_id")
    .select(["r.person_id", "r.send_day", (eb) => eb.fn.countAll<number>().as("n")])
    .where("r.counted", "=", 1)
    .where("r.send_day", ">=", fromDay)
    .where("o.status", "not in", ["cancelled"])
    .where("r.person_id", "is not", null)
    .groupBy(["r.person_id", "r.send_day"])
    .execute();
  return new Map(rows.map((r) => [`${r.person_id}|${r.send_day}`, Number(r.n)]));
}

export async function markFallbackDone(db: Conn, outboxId: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable("reminder_messages")
    .set({ fallback_at: now.toISOString() })
    .where("outbox_id", "=", outboxId)
    .where("fallback_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Dead reminder rows whose fallback was never queued (the process died between the two). */
export async function deadWithoutFallback(db: Conn, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("reminder_messages as r")
    .innerJoin("outbox as o", "o.id", "r.outbox_id")
    .select("r.outbox_id")
    .where("o.status", "=", "dead")
    .where("r.fallback_at", "is", null)
    .orderBy("r.outbox_id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.outbox_id);
}

export interface UndeliveredRow {
  readonly key: string;
  readonly personId: string | null;
  readonly unitId: string | null;
  readonly obligationCode: string | null;
  readonly periodKey: string | null;
  readonly reason: string;
  readonly detail: string | null;
  readonly at: string;
}

export async function recordUndelivered(db: Conn, rows: readonly Omit<UndeliveredRow, "at">[], now: Date) {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    await db
      .insertInto("reminder_undelivered")
      .values(
        rows.slice(i, i + CHUNK_ROWS).map((r) => ({
          key: r.key,
          person_id: r.personId,
          unit_id: r.unitId,
          obligation_code: r.obligationCode,
          period_key: r.periodKey,
          reason: r.reason,
          detail: r.detail,
          at: now.toISOString(),
        })),
      )
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
  }
}

export async function listUndelivered(db: Conn, limit = 500): Promise<UndeliveredRow[]> {
  const rows = await db
    .selectFrom("reminder_undelivered")
    .selectAll()
    .orderBy("at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    personId: r.person_id,
    unitId: r.unit_id,
    obligationCode: r.obligation_code,
    periodKey: r.period_key,
    reason: r.reason,
    detail: r.detail,
    at: r.at,
  }));
}

export interface SentCopy {
  readonly baseKey: string;
  readonly personId: string | null;
  readonly channel: string;
  readonly status: string;
}

/** Every copy of the reminders whose base key starts with `prefix` (one step of one unit). */
export async function copiesWithPrefix(db: Conn, prefix: string): Promise<SentCopy[]> {
  const end = `${prefix}\uffff`;
  const rows = await db
    .selectFrom("outbox as o")
    .innerJoin("reminder_messages as r", "r.outbox_id", "o.id")
    .select(["r.base_key", "r.person_id", "o.channel", "o.status"])
    // Found through the outbox's unique index: a copy's dedupe key is its base key, or the base
    // key and "#<channel>" for a channel fallback. A range, not LIKE: codes hold "_", a wildcard.
    .where("o.dedupe_key", ">=", prefix)
    .where("o.dedupe_key", "<", end)
    .where("r.base_key", ">=", prefix)
    .where("r.base_key", "<", end)
    .execute();
  return rows.map((r) => ({
    baseKey: r.base_key,
    personId: r.person_id,
    channel: r.channel,
    status: r.status,
  }));
}

/** Counted reminders of one person per day from `fromDay`, as `${personId}|${day}` → n. */
export async function personReminderCounts(
  db: Conn,
  personId: string,
  fromDay: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("reminder_messages as r")
    .innerJoin("outbox as o", "o.id", "r.outbox_id")
    .select(["r.send_day", (eb) => eb.fn.countAll<number>().as("n")])
    .where("r.person_id", "=", personId)
    .where("r.counted", "=", 1)
    .where("r.send_day", ">=", fromDay)
    .where("o.status", "not in", ["cancelled"])
    .groupBy("r.send_day")
    .execute();
  return new Map(rows.map((r) => [`${personId}|${r.send_day}`, Number(r.n)]));
}
