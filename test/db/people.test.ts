import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findPersonByPhoneOrEmail, listMemberships, listPeople, upsertPeople } from "../../src/db/people";
import { upsertUnits } from "../../src/db/units";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const now = new Date("2026-11-02T03:00:00Z");
let t: TestDatabase;
let unit: (code: string) => string;
beforeEach(async () => {
  t = await createTestDatabase();
  const { idsByCode } = await upsertUnits(
    t.db,
    [
      { code: "A", name: "Trường A", kind: "school" },
      { code: "B", name: "Trường B", kind: "school" },
    ],
    now,
  );
  unit = (code) => idsByCode.get(code) ?? "";
});
afterEach(() => t.dispose());

describe("people repository", () => {
  it("keeps one person per phone across units, with one role per unit", async () => {
    const outcomes = await upsertPeople(
      t.db,
      [
        { unitId: unit("A"), fullName: "Nguyễn Văn An", role: "head", phone: "0904000121" },
        {
          unitId: unit("B"),
          fullName: "Nguyễn Văn An",
          role: "staff",
          phone: "0904000121",
          email: "an@example.vn",
        },
        { unitId: unit("A"), fullName: "Nguyễn Văn An", role: "deputy", phone: "0904000121" },
      ],
      now,
    );
    expect(outcomes).toEqual(["created", "created", "updated"]);
    const people = await listPeople(t.db);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ email: "an@example.vn" });
    expect((await listMemberships(t.db)).map((m) => m.role).sort()).toEqual(["deputy", "staff"]);
  });

  it("keys people without a phone by unit and e-mail, else by unit and name", async () => {
    const rows = [
      { unitId: unit("A"), fullName: "Lê Thị Mai", role: "comms" as const, email: "truong.a@example.vn" },
      { unitId: unit("A"), fullName: "Trần Văn Bình", role: "head" as const, email: "truong.a@example.vn" },
      { unitId: unit("A"), fullName: "Đỗ Thị Hoa", role: "staff" as const },
      { unitId: unit("B"), fullName: "Đỗ Thị Hoa", role: "staff" as const },
    ];
    expect(await upsertPeople(t.db, rows, now)).toEqual(["created", "created", "created", "created"]);
    expect(await upsertPeople(t.db, rows, now)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
    // Without a phone, the same name in another unit may well be someone else.
    expect(await listPeople(t.db)).toHaveLength(4);
  });

  it("never erases a stored value with an empty one", async () => {
    await upsertPeople(
      t.db,
      [
        {
          unitId: unit("A"),
          fullName: "Lê Thị Mai",
          role: "comms",
          phone: "0983000103",
          email: "mai@example.vn",
          addressAs: "chi",
        },
      ],
      now,
    );
    expect(
      await upsertPeople(
        t.db,
        [{ unitId: unit("A"), fullName: "Lê Thị Mai", role: "comms", phone: "0983000103" }],
        now,
      ),
    ).toEqual(["unchanged"]);
    expect((await listPeople(t.db))[0]).toMatchObject({ email: "mai@example.vn", addressAs: "chi" });
  });

  it("finds a person by a phone typed any way, or by an e-mail only one person has", async () => {
    await upsertPeople(
      t.db,
      [
        {
          unitId: unit("A"),
          fullName: "Lê Thị Mai",
          role: "comms",
          phone: "0983000103",
          email: "mai@example.vn",
        },
        { unitId: unit("A"), fullName: "Trần Văn Bình", role: "head", email: "truong.a@example.vn" },
        { unitId: unit("A"), fullName: "Đỗ Thị Hoa", role: "staff", email: "truong.a@example.vn" },
      ],
      now,
    );
    expect((await findPersonByPhoneOrEmail(t.db, { phone: "+84 983.000.103" }))?.fullName).toBe("Lê Thị Mai");
    expect((await findPersonByPhoneOrEmail(t.db, { email: " MAI@example.vn" }))?.fullName).toBe("Lê Thị Mai");
    expect(await findPersonByPhoneOrEmail(t.db, { email: "truong.a@example.vn" })).toBeUndefined();
    expect(await findPersonByPhoneOrEmail(t.db, { phone: "0999999999" })).toBeUndefined();
    expect(await findPersonByPhoneOrEmail(t.db, { phone: "abc" })).toBeUndefined();
  });

  it("lists memberships with their validity dates; `on` keeps only those in force that day", async () => {
    await upsertPeople(
      t.db,
      [
        { unitId: unit("A"), fullName: "Nguyễn Văn An", role: "head", phone: "0904000121" },
        { unitId: unit("B"), fullName: "Nguyễn Văn An", role: "head", phone: "0904000121" },
        { unitId: unit("A"), fullName: "Lê Thị Mai", role: "comms", phone: "0983000103" },
      ],
      now,
    );
    const an = (await listPeople(t.db)).find((p) => p.fullName === "Nguyễn Văn An");
    // Thầy An heads A until 31/10, and B from 1/11.
    await t.db
      .updateTable("memberships")
      .set({ valid_to: "2026-10-31" })
      .where("unit_id", "=", unit("A"))
      .where("person_id", "=", an?.id ?? "")
      .execute();
    await t.db
      .updateTable("memberships")
      .set({ valid_from: "2026-11-01" })
      .where("unit_id", "=", unit("B"))
      .execute();
    const all = await listMemberships(t.db, { personId: an?.id });
    expect(all.map((m) => [m.unitId, m.validFrom, m.validTo])).toEqual(
      [
        [unit("A"), null, "2026-10-31"],
        [unit("B"), "2026-11-01", null],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const unitsOn = async (day: string) =>
      (await listMemberships(t.db, { personId: an?.id, on: day })).map((m) => m.unitId);
    expect(await unitsOn("2026-10-31")).toEqual([unit("A")]);
    expect(await unitsOn("2026-11-01")).toEqual([unit("B")]);
    expect((await listMemberships(t.db, { unitId: unit("A"), on: "2026-11-01" })).map((m) => m.role)).toEqual(
      ["comms"],
    );
  });
});
