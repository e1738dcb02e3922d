/**
 * Short references people can read out on the phone: "BC-2611-4827" (báo cáo, year and month of
 * the submission in Hà Nội time, four random digits), "VV-…" for incidents. Random rather than
 * sequential so that a reference says nothing about how many others were sent; a collision is
 * checked and drawn again, widening to six digits if a month ever gets crowded.
 */
import type { Kysely } from "kysely";
import { localDateOf } from "../domain/time";
import type { Database } from "./schema";

type Conn = Kysely<Database>;

const ATTEMPTS_PER_WIDTH = 20;

export async function newReference(
  db: Conn,
  table: "submissions" | "incidents",
  prefix: "BC" | "VV",
  now: Date,
  random: () => number,
): Promise<string> {
  const day = localDateOf(now);
  const stem = `${prefix}-${day.slice(2, 4)}${day.slice(5, 7)}-`;
  for (const digits of [4, 6, 9]) {
    for (let i = 0; i < ATTEMPTS_PER_WIDTH; i++) {
      const n = Math.floor(random() * 10 ** digits);
      const ref = `${stem}${String(n).padStart(digits, "0")}`;
      const taken = await db.selectFrom(table).select("id").where("reference", "=", ref).executeTakeFirst();
      if (!taken) return ref;
    }
  }
  throw new Error(`no free reference under ${stem}`);
}
