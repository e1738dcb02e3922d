/**
 * Who is told when the office returns a report or an incident is reported (peopleWithRoles): the
 * holders of the roles at that moment — not someone whose membership ended, nor one starting later.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { peopleWithRoles } from "../../../src/conversation/runner/notify";
import { createTestDatabase, type TestDatabase } from "../../helpers/db";
import { NOW, P, seedOrg, U } from "./harness";

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
});
afterEach(async () => {
  await tdb.dispose();
});

async function setValidity(personId: string, unitId: string, from: string | null, to: string | null) {
  await tdb.db
    .updateTable("memberships")
    .set({ valid_from: from, valid_to: to })
    .where("person_id", "=", personId)
    .where("unit_id", "=", unitId)
    .execute();
}

/** 10:00 in Hà Nội on the day. */
const on = (day: string) => new Date(`${day}T03:00:00.000Z`);

describe("peopleWithRoles", () => {
  it("counts only the memberships in force at the moment asked", async () => {
    const ROLES = ["comms", "head"] as const;
    expect(await peopleWithRoles(tdb.db, [U.nguyenDu], ROLES, NOW)).toEqual([P.ha, P.lan, P.minh].sort());
    // Cô Hà left Nguyễn Du on 9/11 (still heads Kim Đồng); Thầy Minh starts there on 11/11.
    await setValidity(P.ha, U.nguyenDu, null, "2026-11-09");
    await setValidity(P.minh, U.nguyenDu, "2026-11-11", null);
    expect(await peopleWithRoles(tdb.db, [U.nguyenDu], ROLES, NOW)).toEqual([P.lan]);
    expect(await peopleWithRoles(tdb.db, [U.nguyenDu, U.kimDong], ROLES, NOW)).toEqual(
      [P.ha, P.hoa, P.lan].sort(),
    );
    expect(await peopleWithRoles(tdb.db, [U.nguyenDu], ROLES, on("2026-11-11"))).toEqual(
      [P.lan, P.minh].sort(),
    );
    expect(await peopleWithRoles(tdb.db, [U.nguyenDu], ROLES, on("2026-11-09"))).toEqual(
      [P.ha, P.lan].sort(),
    );
  });
});
