/**
 * Just before a reminder leaves: is it still true? A unit that submitted, filed a nil report, was
 * exempted or reached its quota since the message was planned is dropped from it — the whole
 * message when it was about that unit alone, its line when it was a list.
 */
import type { Db } from "../db/index";
import { factKey, factsFromMaps } from "./facts";
import type { PeriodPair, SubmissionSource } from "./sources";
import { loadFacts } from "./state";
import { isBeforeDeadline } from "./steps";
import type { MessageSpec, ObligationRef, PeriodRef, UnitItem } from "./types";

export type Refreshed =
  | { readonly ok: true; readonly spec: MessageSpec }
  | { readonly ok: false; readonly reason: "submitted" | "exempt" | "quota_met" | "all_done" | "stale" };

function pairsOf(o: ObligationRef, p: PeriodRef) {
  const pair: PeriodPair = { obligationCode: o.code, periodKey: p.key };
  if (o.kind !== "quota" || !o.quota) return { reports: [pair], quotas: [] };
  const quota = {
    ...pair,
    start: p.start,
    end: p.end,
    channels: o.quota.channels,
    articleKind: o.quota.articleKind,
  };
  return { reports: [], quotas: [quota] };
}

export async function refreshSpec(
  db: Db,
  submissions: SubmissionSource,
  spec: MessageSpec,
  now: Date,
): Promise<Refreshed> {
  if (spec.kind === "digest_weekly") return { ok: true, spec };
  // Held back past the deadline (daily cap, window): "due in 2 days" would now be wrong.
  if (isBeforeDeadline(spec.step) && now.getTime() > Date.parse(spec.period.dueAt))
    return { ok: false, reason: "stale" };
  const o = spec.obligation;
  const p = spec.period;
  const maps = await loadFacts(db, submissions, pairsOf(o, p));
  const facts = factsFromMaps(maps);
  const state = (unitId: string): { done: Refreshed | null; count: number } => {
    if (facts.exemption(unitId, o.code, p.key)) return { done: { ok: false, reason: "exempt" }, count: 0 };
    if (o.kind === "quota") {
      const count = maps.articleCounts.get(factKey(unitId, o.code, p.key)) ?? 0;
      return { done: count >= (o.quota?.target ?? 0) ? { ok: false, reason: "quota_met" } : null, count };
    }
    const sub = facts.submission(unitId, o.code, p.key);
    const counts = sub !== undefined && (!sub.nil || o.nilReport);
    return { done: counts ? { ok: false, reason: "submitted" } : null, count: 0 };
  };
  if (spec.kind === "reminder") {
    const s = state(spec.unit.unitId);
    if (s.done) return s.done;
    return { ok: true, spec: { ...spec, unit: { ...spec.unit, count: s.count } } };
  }
  const items: UnitItem[] = [];
  for (const item of spec.items) {
    const s = state(item.unitId);
    if (!s.done) items.push({ ...item, count: s.count });
  }
  if (items.length === 0) return { ok: false, reason: "all_done" };
  return { ok: true, spec: { ...spec, items } };
}
