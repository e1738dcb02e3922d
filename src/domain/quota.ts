/**
 * Quota progress (chỉ tiêu): how many articles a unit published in a quota instance's period, on
 * the channels and of the kind the quota counts. The same link counted twice is prevented upstream
 * (articles are unique per unit and url_key), so every article given here counts once.
 */
import type { ObligationInstance } from "./instances";
import type { LocalDate } from "./org";
import type { ArticleChannel, Obligation, QuotaSpec } from "./plan";

export interface Article {
  readonly unitId: string;
  readonly channel: ArticleChannel;
  readonly publishedOn: LocalDate;
  /** Topic kind declared with the article, e.g. "exemplary" for gương điển hình. */
  readonly kind?: string | null | undefined;
}

export interface QuotaProgress {
  readonly instance: ObligationInstance;
  readonly count: number;
  readonly target: number;
  readonly met: boolean;
}

/** Does an article count for a quota (period aside)? */
export function articleCounts(spec: Pick<QuotaSpec, "channels" | "article_kind">, article: Article): boolean {
  if (spec.channels && spec.channels.length > 0 && !spec.channels.includes(article.channel)) return false;
  if (spec.article_kind !== undefined && article.kind !== spec.article_kind) return false;
  return true;
}

/** Index of the first date ≥ day in a sorted list. */
function lowerBound(dates: readonly LocalDate[], day: LocalDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((dates[mid] as LocalDate) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Progress of every quota instance given (report instances are skipped). An obligation missing
 * from `obligations` or without a quota spec counts every article of the unit in the period.
 */
export function quotaProgress(
  obligations: readonly Pick<Obligation, "code" | "quota">[],
  instances: readonly ObligationInstance[],
  articles: readonly Article[],
): QuotaProgress[] {
  const specs = new Map(obligations.map((o) => [o.code, o.quota] as const));
  const byUnit = new Map<string, Article[]>();
  for (const article of articles) {
    const list = byUnit.get(article.unitId);
    if (list) list.push(article);
    else byUnit.set(article.unitId, [article]);
  }
  const sorted = new Map<string, { articles: Article[]; dates: LocalDate[] }>();
  for (const [unitId, list] of byUnit) {
    list.sort((a, b) => (a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : 0));
    sorted.set(unitId, { articles: list, dates: list.map((a) => a.publishedOn) });
  }
  const result: QuotaProgress[] = [];
  for (const instance of instances) {
    if (instance.kind !== "quota") continue;
    const spec = specs.get(instance.obligationCode) ?? {};
    const target = instance.target ?? 0;
    const unit = sorted.get(instance.unitId);
    let count = 0;
    if (unit) {
      for (let i = lowerBound(unit.dates, instance.periodStart); i < unit.articles.length; i++) {
        const article = unit.articles[i] as Article;
        if (article.publishedOn > instance.periodEnd) break;
        if (articleCounts(spec, article)) count++;
      }
    }
    result.push({ instance, count, target, met: count >= target });
  }
  return result;
}
