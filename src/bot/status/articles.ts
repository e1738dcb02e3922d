/** The articles quota counting needs: these units', published within a date range (one query). */
import type { Db } from "../../db/index";
import type { LocalDate } from "../../domain/org";
import type { ArticleChannel } from "../../domain/plan";
import type { Article } from "../../domain/quota";

/** SQLite's bound-parameter limit is 32766; stay far below it per query. */
const UNITS_PER_QUERY = 5_000;

export async function loadArticles(
  db: Db,
  unitIds: readonly string[],
  range: { readonly from: LocalDate; readonly to: LocalDate },
): Promise<Article[]> {
  const articles: Article[] = [];
  for (let i = 0; i < unitIds.length; i += UNITS_PER_QUERY) {
    const rows = await db
      .selectFrom("articles")
      .select(["unit_id", "channel", "published_on", "topic"])
      .where("unit_id", "in", unitIds.slice(i, i + UNITS_PER_QUERY))
      .where("published_on", ">=", range.from)
      .where("published_on", "<=", range.to)
      .execute();
    for (const r of rows) {
      articles.push({
        unitId: r.unit_id,
        // Stored values are the plan's channel words (website, fanpage, zalo_oa, press, …).
        channel: r.channel as ArticleChannel,
        publishedOn: r.published_on,
        kind: r.topic,
      });
    }
  }
  return articles;
}
