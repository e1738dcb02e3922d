import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listMemberships, listPeople } from "../../src/db/people";
import { listUnitLinks } from "../../src/db/unit-links";
import { listUnits } from "../../src/db/units";
import { exportPeople, exportUnits, importPeople, importUnits, loadDemo } from "../../src/org/index";
import { createTestDatabase, type TestDatabase, tempDir } from "../helpers/db";

const now = new Date("2026-11-02T03:00:00Z");
let source: TestDatabase;
let target: TestDatabase;
let dir: string;
beforeEach(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  dir = tempDir();
  await loadDemo(source.db, now);
  // A comms officer who left, a newcomer not started yet: their dates go out and come back.
  const first = await source.db.selectFrom("memberships").select("id").orderBy("id").limit(2).execute();
  await source.db
    .updateTable("memberships")
    .set({ valid_from: "2020-09-01", valid_to: "2026-08-31" })
    .where("id", "=", first[0]?.id ?? "")
    .execute();
  await source.db
    .updateTable("memberships")
    .set({ valid_from: "2027-01-15" })
    .where("id", "=", first[1]?.id ?? "")
    .execute();
});
afterEach(async () => {
  await source.dispose();
  await target.dispose();
});

/** The organisation without ids (a fresh database makes new ones): codes and phones name things. */
async function snapshot(t: TestDatabase) {
  const units = await listUnits(t.db);
  const code = new Map(units.map((u) => [u.id, u.code]));
  const people = new Map((await listPeople(t.db)).map((p) => [p.id, p]));
  return {
    units: units.map(({ id: _, parentId, reportsToId, ...u }) => ({
      ...u,
      parent: parentId ? code.get(parentId) : null,
      reportsTo: reportsToId ? code.get(reportsToId) : null,
    })),
    links: (await listUnitLinks(t.db))
      .map((l) => [code.get(l.fromUnitId), code.get(l.toUnitId), l.kind, l.effectiveDate])
      .sort(),
    roles: (await listMemberships(t.db))
      .map((m) => {
        const { id: _, ...person } = people.get(m.personId) ?? { id: "" };
        return { unit: code.get(m.unitId), role: m.role, from: m.validFrom, to: m.validTo, ...person };
      })
      .sort((a, b) => `${a.unit}${a.role}${a.fullName}`.localeCompare(`${b.unit}${b.role}${b.fullName}`)),
  };
}

describe.each(["xlsx", "csv"])("export → import round trip (%s)", (ext) => {
  it("rebuilds the same organisation in an empty database, and a second import changes nothing", async () => {
    const unitsFile = path.join(dir, `units.${ext}`);
    const peopleFile = path.join(dir, `people.${ext}`);
    expect(await exportUnits(source.db, unitsFile)).toEqual({ ok: true, rows: 24 });
    expect(await exportPeople(source.db, peopleFile)).toEqual({ ok: true, rows: 41 });

    expect(await importUnits(target.db, unitsFile, { now })).toMatchObject({
      ok: true,
      summary: { created: 24 },
    });
    expect(await importPeople(target.db, peopleFile, { now })).toMatchObject({
      ok: true,
      summary: { created: 41 },
    });
    const expected = await snapshot(source);
    expect(expected.roles.filter((r) => r.from !== null || r.to !== null)).toHaveLength(2);
    expect(await snapshot(target)).toEqual(expected);

    // Back into the database it came from: nothing to do.
    expect(await importUnits(source.db, unitsFile, { now })).toMatchObject({
      ok: true,
      summary: { created: 0, updated: 0, unchanged: 24, links: { created: 0, updated: 0, unchanged: 2 } },
    });
    expect(await importPeople(source.db, peopleFile, { now })).toMatchObject({
      ok: true,
      summary: { created: 0, updated: 0, unchanged: 41 },
    });
    expect(await snapshot(source)).toEqual(expected);
  });
});

describe("export files", () => {
  it("write CSV with a BOM and the standard header", async () => {
    const file = path.join(dir, "units.csv");
    await exportUnits(source.db, file);
    const text = fs.readFileSync(file, "utf8");
    expect(
      text.startsWith(
        "\uFEFFcode,name,short_name,kind,parent_code,levels,reports_to_code,valid_from,valid_to,phone,email,successor_codes\r\n",
      ),
    ).toBe(true);
    expect(text).toContain(
      "PGD-YENHOA,Phòng Giáo dục và Đào tạo huyện Yên Hòa,Phòng GD&ĐT Yên Hòa,Phòng GD&ĐT,,,SO,,30/06/2025,",
    );
  });

  it("write the people's membership dates as dd/mm/yyyy under the standard header", async () => {
    const file = path.join(dir, "people.csv");
    await exportPeople(source.db, file);
    const text = fs.readFileSync(file, "utf8");
    expect(
      text.startsWith("\uFEFFunit_code,full_name,role,phone,email,address_as,valid_from,valid_to\r\n"),
    ).toBe(true);
    expect(text).toContain(",01/09/2020,31/08/2026\r\n");
    expect(text).toContain(",15/01/2027,\r\n");
  });

  it("write XLSX with a styled, frozen header row, column widths and real dates", async () => {
    const file = path.join(dir, "units.xlsx");
    await exportUnits(source.db, file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe("code");
    expect(sheet?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getColumn(2).width).toBeGreaterThan(30);
    const validTo = sheet?.getColumn(9).values.find((v) => v instanceof Date);
    expect(validTo).toEqual(new Date("2025-06-30T00:00:00Z"));
  });

  it("refuse an unknown extension", async () => {
    expect(await exportUnits(source.db, path.join(dir, "units.pdf"))).toEqual({
      ok: false,
      reason: "unsupportedFormat",
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
