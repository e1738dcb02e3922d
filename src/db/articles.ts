/** Articles (tin bài) declared by units; unique per (unit, url_key) so a link counts once. */
import type { Kysely } from "kysely";
import type { Database } from "./schema";

type Conn = Kysely<Database>;

export interface StoredArticle {
  readonly id: string;
  readonly unitId: string;
  readonly url: string;
  readonly urlKey: string;
  readonly title: string;
  readonly channel: string;
  readonly outlet: string | null;
  readonly topic: string | null;
  readonly publishedOn: string;
  readonly submittedBy: string | null;
  readonly createdAt: Date;
  readonly screenshotFileId: string | null;
}

export async function findArticle(
  db: Conn,
  unitId: string,
  urlKey: string,
): Promise<StoredArticle | undefined> {
  const r = await db
    .selectFrom("articles")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("url_key", "=", urlKey)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    unitId: r.unit_id,
    url: r.url,
    urlKey: r.url_key,
    title: r.title,
    channel: r.channel,
    outlet: r.outlet,
    topic: r.topic,
    publishedOn: r.published_on,
    submittedBy: r.submitted_by,
    createdAt: new Date(r.created_at),
    screenshotFileId: r.screenshot_file_id ?? null,
  };
}

export type NewArticle = Omit<StoredArticle, "createdAt"> & { readonly now: Date };

/** Inserts the article unless the unit already declared the same link; true when inserted. */
export async function insertArticle(db: Conn, a: NewArticle): Promise<boolean> {
  const result = await db
    .insertInto("articles")
    .values({
      id: a.id,
      unit_id: a.unitId,
      url: a.url,
      url_key: a.urlKey,
      title: a.title,
      channel: a.channel,
      outlet: a.outlet,
      topic: a.topic,
      published_on: a.publishedOn,
      submitted_by: a.submittedBy,
      created_at: a.now.toISOString(),
      screenshot_file_id: a.screenshotFileId,
    })
    .onConflict((oc) => oc.columns(["unit_id", "url_key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
