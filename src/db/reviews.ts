/** What the office did with a submission (return, accept) and when its unit reopened it. */
import type { Kysely, Selectable } from "kysely";
import type { Database, ReviewTable } from "./schema";
import type { ActionSource } from "./submissions";

type Conn = Kysely<Database>;

export interface Review {
  readonly action: "return" | "accept" | "reopen";
  readonly note: string | null;
  readonly byPerson: string | null;
  readonly source: ActionSource;
  readonly at: Date;
}

export async function addReview(
  db: Conn,
  r: { id: string; submissionId: string; action: Review["action"]; note: string | null } & Pick<
    Review,
    "byPerson" | "source" | "at"
  >,
): Promise<void> {
  const row: Selectable<ReviewTable> = {
    id: r.id,
    submission_id: r.submissionId,
    action: r.action,
    note: r.note,
    by_person: r.byPerson,
    source: r.source,
    at: r.at.toISOString(),
  };
  await db.insertInto("reviews").values(row).execute();
}

export async function listReviews(db: Conn, submissionId: string): Promise<Review[]> {
  const rows = await db
    .selectFrom("reviews")
    .selectAll()
    .where("submission_id", "=", submissionId)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    action: r.action as Review["action"],
    note: r.note,
    byPerson: r.by_person,
    source: r.source === "cli" ? "cli" : "chat",
    at: new Date(r.at),
  }));
}
