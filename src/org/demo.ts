/**
 * `loadDemo`: fills an empty database with the demo organisation (demo-data.ts). Idempotent: it
 * never touches a database that already has units, so it is safe to run at every start.
 */
import type { Kysely } from "kysely";
import { upsertPeople } from "../db/people";
import type { Database } from "../db/schema";
import { linkUnits } from "../db/unit-links";
import { countUnits, upsertUnits } from "../db/units";
import { DEMO_LINKS, DEMO_PEOPLE, DEMO_UNITS } from "./demo-data";

export type DemoResult =
  | { loaded: true; units: number; people: number; memberships: number }
  | { loaded: false; reason: "notEmpty" };

export async function loadDemo(db: Kysely<Database>, now: Date): Promise<DemoResult> {
  return db.transaction().execute(async (trx): Promise<DemoResult> => {
    if ((await countUnits(trx)) > 0) return { loaded: false, reason: "notEmpty" };
    const { idsByCode } = await upsertUnits(trx, DEMO_UNITS, now);
    const id = (code: string) => {
      const value = idsByCode.get(code);
      if (!value) throw new Error(`demo data names an unknown unit ${code}`);
      return value;
    };
    await linkUnits(
      trx,
      DEMO_LINKS.flatMap((l) =>
        l.toCodes.map((to) => ({
          fromUnitId: id(l.fromCode),
          toUnitId: id(to),
          kind: l.kind,
          effectiveDate: l.effectiveDate,
          note: l.note,
        })),
      ),
    );
    await upsertPeople(
      trx,
      DEMO_PEOPLE.map((p) => ({ ...p, unitId: id(p.unitCode) })),
      now,
    );
    return {
      loaded: true,
      units: DEMO_UNITS.length,
      people: new Set(DEMO_PEOPLE.map((p) => p.phone)).size,
      memberships: DEMO_PEOPLE.length,
    };
  });
}
