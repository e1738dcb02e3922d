/**
 * The production plan source (src/bot/status/plan-source.ts) reads and validates the stored plan
 * and its calendar file on every call: right for /trangthai, too slow for every step of every
 * conversation. This keeps the last answer for a short while, so a `baocao plan use` applies
 * within `ttlMs` without a restart; concurrent callers share one load.
 */
import type { ActivePlan, ActivePlanSource } from "../../bot/status/sources";

/** How long a loaded plan is reused. */
export const PLAN_CACHE_TTL_MS = 30_000;

export function cachePlanSource(
  source: ActivePlanSource,
  options: { readonly ttlMs?: number; readonly now?: () => number } = {},
): ActivePlanSource {
  const ttlMs = options.ttlMs ?? PLAN_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  let cached: { at: number; value: Promise<ActivePlan | null> } | undefined;
  return (db) => {
    const at = now();
    if (!cached || at - cached.at >= ttlMs) {
      const value = source(db);
      cached = { at, value };
      // A failed load is not kept: the next call tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
