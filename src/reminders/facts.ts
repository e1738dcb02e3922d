/**
 * What the planner knows about instances, as plain lookups (pure from the planner's side): the
 * current submission, an exemption, and a quota's article count. The service loads them for the
 * (obligation, period) pairs of the due steps only.
 */
import type { ExemptionFact, SubmissionFact } from "../domain/status";

export interface Facts {
  submission(unitId: string, obligationCode: string, periodKey: string): SubmissionFact | undefined;
  exemption(unitId: string, obligationCode: string, periodKey: string): ExemptionFact | undefined;
  /** Quotas: counted articles of the unit in the period (0 when none). */
  articleCount(unitId: string, obligationCode: string, periodKey: string): number;
}

export function factKey(unitId: string, obligationCode: string, periodKey: string): string {
  return `${unitId}|${obligationCode}|${periodKey}`;
}

/** Facts held in maps (what the service builds from the database; tests build them directly). */
export interface FactMaps {
  readonly submissions: ReadonlyMap<string, SubmissionFact>;
  /** Keys with the period, or `${unitId}|${obligationCode}|*` for every period. */
  readonly exemptions: ReadonlyMap<string, ExemptionFact>;
  readonly articleCounts: ReadonlyMap<string, number>;
}

export function factsFromMaps(maps: FactMaps): Facts {
  return {
    submission: (u, o, p) => maps.submissions.get(factKey(u, o, p)),
    exemption: (u, o, p) => maps.exemptions.get(factKey(u, o, p)) ?? maps.exemptions.get(factKey(u, o, "*")),
    articleCount: (u, o, p) => maps.articleCounts.get(factKey(u, o, p)) ?? 0,
  };
}

export const noFacts: Facts = factsFromMaps({
  submissions: new Map(),
  exemptions: new Map(),
  articleCounts: new Map(),
});
