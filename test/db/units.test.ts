import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkUnits, listUnitLinks, predecessorsOf, successorsOf } from "../../src/db/unit-links";
import { countUnits, getUnitByCode, getUnitById, listUnits, upsertUnits } from "../../src/db/units";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const now = new Date("2026-11-02T03:00:00Z");
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.dispose());

describe("units repository", () => {
  it("creates units whose parents and report targets come later in the batch", async () => {
    const result = await upsertUnits(
      t.db,
      [
        {
          code: "TH-A",
          name: "Trường TH&THCS A",
          kind: "school",
          levels: ["thcs", "th"],
          parentCode: "VHXH",
          reportsToCode: "CUM",
        },
        { code: "CUM", name: "Cụm 1", kind: "cluster", parentCode: "SO" },
        { code: "VHXH", name: "Phòng VH-XH", kind: "commune_office", reportsToCode: "SO" },
        { code: "SO", name: "Sở", kind: "so" },
      ],
      now,
    );
    expect(result.outcomes).toEqual(["created", "created", "created", "created"]);
    const school = await getUnitByCode(t.db, " th-a ");
    expect(school).toMatchObject({
      levels: ["th", "thcs"],
      parentId: result.idsByCode.get("VHXH"),
      reportsToId: result.idsByCode.get("CUM"),
    });
    expect(await getUnitById(t.db, result.idsByCode.get("SO") ?? "")).toMatchObject({
      code: "SO",
      kind: "so",
      parentId: null,
    });
    expect(await countUnits(t.db)).toBe(4);
  });

  it("creates units whose reporting lines loop", async () => {
    const { idsByCode } = await upsertUnits(
      t.db,
      [
        { code: "A", name: "A", kind: "cluster", reportsToCode: "B" },
        { code: "B", name: "B", kind: "cluster", reportsToCode: "A" },
      ],
      now,
    );
    expect((await listUnits(t.db)).map((u) => u.reportsToId)).toEqual([
      idsByCode.get("B"),
      idsByCode.get("A"),
    ]);
  });

  it("updates only changed units and keeps fields the input leaves undefined", async () => {
    await upsertUnits(
      t.db,
      [{ code: "SO", name: "Sở", kind: "so", phone: "02993812345", validFrom: "2025-07-01" }],
      now,
    );
    const later = new Date("2026-12-01T00:00:00Z");
    const same = await upsertUnits(t.db, [{ code: "SO", name: "Sở", kind: "so" }], later);
    expect(same.outcomes).toEqual(["unchanged"]);
    const renamed = await upsertUnits(
      t.db,
      [{ code: "SO", name: "Sở GD&ĐT", kind: "so", validFrom: null }],
      later,
    );
    expect(renamed.outcomes).toEqual(["updated"]);
    expect(await getUnitByCode(t.db, "SO")).toMatchObject({
      name: "Sở GD&ĐT",
      phone: "02993812345",
      validFrom: null,
    });
    const stored = await t.db
      .selectFrom("units")
      .select(["created_at", "updated_at"])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ created_at: now.toISOString(), updated_at: later.toISOString() });
  });

  it("lists units with their levels parsed, by code", async () => {
    await upsertUnits(
      t.db,
      [
        { code: "B", name: "B", kind: "school", levels: ["thpt"] },
        { code: "A", name: "A", kind: "center", levels: ["gdtx"] },
      ],
      now,
    );
    expect((await listUnits(t.db)).map((u) => [u.code, u.levels])).toEqual([
      ["A", ["gdtx"]],
      ["B", ["thpt"]],
    ]);
  });

  it("links predecessors and successors once per kind", async () => {
    const { idsByCode } = await upsertUnits(
      t.db,
      [
        { code: "OLD", name: "Phòng GD&ĐT cũ", kind: "district_office", validTo: "2025-06-30" },
        { code: "NEW", name: "Phòng VH-XH", kind: "commune_office" },
      ],
      now,
    );
    const link = {
      fromUnitId: idsByCode.get("OLD") ?? "",
      toUnitId: idsByCode.get("NEW") ?? "",
      kind: "rename" as const,
      effectiveDate: "2025-07-01",
      note: "NQ 203",
    };
    expect(await linkUnits(t.db, [link])).toEqual(["created"]);
    expect(await linkUnits(t.db, [{ ...link, note: undefined }])).toEqual(["unchanged"]);
    expect(await linkUnits(t.db, [{ ...link, effectiveDate: "2025-07-02" }])).toEqual(["updated"]);
    expect(await listUnitLinks(t.db)).toEqual([{ ...link, effectiveDate: "2025-07-02" }]);
    expect(await successorsOf(t.db, link.fromUnitId)).toHaveLength(1);
    expect(await predecessorsOf(t.db, link.toUnitId)).toHaveLength(1);
    expect(await predecessorsOf(t.db, link.fromUnitId)).toHaveLength(0);
  });
});
