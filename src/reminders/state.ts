/**
 * Loading what the planner needs from the database, once per tick (the organisation: org-source.ts):
 * the steps already planned, the per-person counts, and the facts (submissions, exemptions,
 * article counts) of the (obligation, period) pairs the due steps touch.
 */
import { listExemptions } from "../db/exemptions";
import type { Db } from "../db/index";
import { dailyReminderCounts, loadPlannedSteps } from "../db/reminders";
import type { ArticleChannel, HolidayCalendar, Plan } from "../domain/plan";
import { articleCounts } from "../domain/quota";
import type { ExemptionFact } from "../domain/status";
import { localDateOf } from "../domain/time";
import { workingDays } from "../domain/workdays";
import { type DueStep, schedulesAround } from "./due-steps";
import { type FactMaps, factKey } from "./facts";
import type { PeriodPair, SubmissionSource } from "./sources";

export interface PlannerState {
  readonly done: Set<string>;
  readonly counts: Map<string, number>;
}

export async function loadPlannerState(db: Db, now: Date): Promise<PlannerState> {
  const [done, counts] = await Promise.all([loadPlannedSteps(db), dailyReminderCounts(db, localDateOf(now))]);
  return { done, counts };
}

interface QuotaPeriod extends PeriodPair {
  readonly start: string;
  readonly end: string;
  readonly channels?: readonly ArticleChannel[] | undefined;
  readonly articleKind?: string | undefined;
}

/** The (obligation, period) pairs whose facts the due steps need (weekly digests: all around today). */
export function pairsFor(steps: readonly DueStep[], plan: Plan, calendar: HolidayCalendar, now: Date) {
  const reports = new Map<string, PeriodPair>();
  const quotas = new Map<string, QuotaPeriod>();
  const wd = workingDays(calendar, plan.calendar_kind);
  const add = (o: Plan["obligations"][number], period: { key: string; start: string; end: string }) => {
    const id = `${o.code}|${period.key}`;
    if (o.kind === "quota") {
      quotas.set(id, {
        obligationCode: o.code,
        periodKey: period.key,
        start: period.start,
        end: period.end,
        channels: o.quota?.channels,
        articleKind: o.quota?.article_kind,
      });
    } else reports.set(id, { obligationCode: o.code, periodKey: period.key });
  };
  for (const s of steps) {
    if (s.type !== "weekly") add(s.obligation, s.scheduled.period);
    else
      for (const o of plan.obligations)
        if (o.kind !== "event") for (const sc of schedulesAround(o, calendar, wd, now)) add(o, sc.period);
  }
  return { reports: [...reports.values()], quotas: [...quotas.values()] };
}

export async function loadFacts(
  db: Db,
  submissions: SubmissionSource,
  pairs: { reports: readonly PeriodPair[]; quotas: readonly QuotaPeriod[] },
): Promise<FactMaps> {
  const all = [...pairs.reports, ...pairs.quotas];
  const codes = [...new Set(all.map((p) => p.obligationCode))];
  const [subs, exemptionRows] = await Promise.all([
    pairs.reports.length > 0 ? submissions.forPeriods(db, pairs.reports) : new Map(),
    listExemptions(db, { obligationCodes: codes }),
  ]);
  const exemptions = new Map<string, ExemptionFact>();
  for (const e of exemptionRows)
    exemptions.set(factKey(e.unitId, e.obligationCode, e.periodKey), { reason: e.reason });
  return { submissions: subs, exemptions, articleCounts: await countArticles(db, pairs.quotas) };
}

async function countArticles(db: Db, quotas: readonly QuotaPeriod[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (quotas.length === 0) return counts;
  // Dates as "YYYY-MM-DD" sort as text.
  const from = quotas.map((q) => q.start).sort()[0] ?? "";
  const to =
    quotas
      .map((q) => q.end)
      .sort()
      .at(-1) ?? "";
  const rows = await db
    .selectFrom("articles")
    .select(["unit_id", "channel", "published_on", "topic"])
    .where("published_on", ">=", from)
    .where("published_on", "<=", to)
    .execute();
  for (const r of rows) {
    const article = {
      unitId: r.unit_id,
      channel: r.channel as ArticleChannel,
      publishedOn: r.published_on,
      kind: r.topic,
    };
    for (const q of quotas) {
      if (r.published_on < q.start || r.published_on > q.end) continue;
      if (!articleCounts({ channels: q.channels, article_kind: q.articleKind }, article)) continue;
      const key = factKey(r.unit_id, q.obligationCode, q.periodKey);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}
