/** Exemptions (miễn báo cáo) set by the office: a unit × obligation × period, or every period ("*"). */

import type { Kysely } from "kysely";
import { bumpStatusEpoch } from "./change-epoch";
import { newId } from "./ids";
import type { Database } from "./schema";

type Conn = Kysely<Database>;

export const ALL_PERIODS = "*";

export interface Exemption {
  readonly id: string;
  readonly unitId: string;
  readonly obligationCode: string;
  readonly periodKey: string;
  readonly reason: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

export interface ExemptionInput {
  readonly unitId: string;
  readonly obligationCode: string;
  readonly periodKey: string;
  readonly reason: string;
  readonly createdBy: string | null;
}

/** false when the same exemption already exists (it is left as it was). */
export async function addExemption(db: Conn, input: ExemptionInput, now: Date): Promise<boolean> {
  bumpStatusEpoch();
  const r = await db
    .insertInto("exemptions")
    .values({
      id: newId(),
      unit_id: input.unitId,
      obligation_code: input.obligationCode,
      period_key: input.periodKey,
      reason: input.reason,
      created_by: input.createdBy,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(["unit_id", "obligation_code", "period_key"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeExemption(
  db: Conn,
  key: { unitId: string; obligationCode: string; periodKey: string },
): Promise<boolean> {
  bumpStatusEpoch();
  const r = await db
    .deleteFrom("exemptions")
    .where("unit_id", "=", key.unitId)
    .where("obligation_code", "=", key.obligationCode)
    .where("period_key", "=", key.periodKey)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listExemptions(
  db: Conn,
  filter: { unitId?: string; obligationCodes?: readonly string[] } = {},
): Promise<Exemption[]> {
  let q = db.selectFrom("exemptions").selectAll();
  if (filter.unitId) q = q.where("unit_id", "=", filter.unitId);
  if (filter.obligationCodes) {
    if (filter.obligationCodes.length === 0) return [];
    q = q.where("obligation_code", "in", filter.obligationCodes);
  }
  const rows = await q.orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    obligationCode: r.obligation_code,
    periodKey: r.period_key,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/**
 * The exemption covering each of these instances that has one (its own period's, else an
 * every-period one), keyed `${unitId}|${obligationCode}|${periodKey}`: what /trangthai and the
 * missing lists count as exempt, as the reminder planner does (reminders/facts.ts).
 */
export async function exemptionsFor(
  db: Conn,
  keys: readonly { readonly unitId: string; readonly obligationCode: string; readonly periodKey: string }[],
): Promise<Map<string, { readonly reason: string }>> {
  const found = new Map<string, { readonly reason: string }>();
  if (keys.length === 0) return found;
  const rows = await listExemptions(db, { obligationCodes: [...new Set(keys.map((k) => k.obligationCode))] });
  if (rows.length === 0) return found;
  const byKey = new Map(rows.map((e) => [`${e.unitId}|${e.obligationCode}|${e.periodKey}`, e]));
  for (const k of keys) {
    const key = `${k.unitId}|${k.obligationCode}|${k.periodKey}`;
    const e = byKey.get(key) ?? byKey.get(`${k.unitId}|${k.obligationCode}|${ALL_PERIODS}`);
    if (e) found.set(key, { reason: e.reason });
  }
  return found;
}
