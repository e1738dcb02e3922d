/**
 * Quota progress: articles a unit declared, published within a period, that the quota counts
 * (its channels and article kind). One grouped query for any number of units.
 */
import type { Db } from "../../db/index";
import type { LocalDate } from "../../domain/org";
import type { QuotaSpec } from "../../domain/plan";

export async function countArticles(
  db: Db,
  unitIds: readonly string[],
  quota: QuotaSpec,
  range: { readonly start: LocalDate; readonly end: LocalDate },
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (unitIds.length === 0) return counts;
  let query = db
    .selectFrom("articles")
    .select(["unit_id", db.fn.countAll<number>().as("n")])
    .where("unit_id", "in", unitIds)
    .where("published_on", ">=", range.start)
    .where("published_on", "<=", range.end);
  if (quota.channels && quota.channels.length > 0) query = query.where("channel", "in", [...quota.channels]);
  if (quota.article_kind) query = query.where("topic", "=", quota.article_kind);
  for (const row of await query.groupBy("unit_id").execute()) counts.set(row.unit_id, Number(row.n));
  return counts;
}
