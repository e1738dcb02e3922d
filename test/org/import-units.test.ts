import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listUnitLinks } from "../../src/db/unit-links";
import { countUnits, getUnitByCode, listUnits } from "../../src/db/units";
import { importUnits, type Problem } from "../../src/org/index";
import { createTestDatabase, type TestDatabase, tempDir } from "../helpers/db";
import { UNIT_HEADER, writeCsvFile, writeXlsxFile } from "./files";

const now = new Date("2026-11-02T03:00:00Z");
let t: TestDatabase;
let dir: string;
beforeEach(async () => {
  t = await createTestDatabase();
  dir = tempDir();
});
afterEach(() => t.dispose());

const importFile = (file: string) => importUnits(t.db, file, { now });
const where = (problems: Problem[]) => problems.map((p) => [p.row, p.column, p.key]);

const SMALL = [
  UNIT_HEADER,
  ["SO", "Sở Giáo dục và Đào tạo tỉnh Minh Lâm", "Sở GD&ĐT", "", "", "", "", ""],
  ["VHXH-A", "Phòng Văn hóa - Xã hội xã A", "Phòng Văn hóa - Xã hội", "", "", "SO", "01/07/2025", ""],
  ["TH-A", "Trường Tiểu học A", "trường", "VHXH-A", "TH", "SO", "", ""],
];

describe("importUnits", () => {
  it("imports a CSV with a BOM, then changes nothing the second time", async () => {
    const file = writeCsvFile(dir, "units.csv", SMALL, { bom: true });
    const first = await importFile(file);
    expect(first).toMatchObject({ ok: true, summary: { rows: 3, created: 3, updated: 0, unchanged: 0 } });
    const second = await importFile(file);
    expect(second).toMatchObject({ ok: true, summary: { rows: 3, created: 0, updated: 0, unchanged: 3 } });
    const school = await getUnitByCode(t.db, "th-a");
    const office = await getUnitByCode(t.db, "VHXH-A");
    const so = await getUnitByCode(t.db, "SO");
    expect(school).toMatchObject({
      kind: "school",
      levels: ["th"],
      parentId: office?.id,
      reportsToId: so?.id,
    });
    expect(office).toMatchObject({
      kind: "commune_office",
      validFrom: "2025-07-01",
      validTo: null,
      parentId: null,
    });
  });

  it("imports a semicolon CSV without a BOM, LF line ends, with commas inside fields", async () => {
    const rows = [
      ...SMALL.slice(0, 3),
      ["TH-A", "Trường TH&THCS A", "trường", "VHXH-A", "TH, THCS", "SO", "", ""],
    ];
    const file = writeCsvFile(dir, "units.csv", rows, { delimiter: ";", eol: "\n" });
    expect(await importFile(file)).toMatchObject({ ok: true, summary: { created: 3 } });
    expect(await getUnitByCode(t.db, "TH-A")).toMatchObject({
      name: "Trường TH&THCS A",
      levels: ["th", "thcs"],
    });
  });

  it("reads Vietnamese headers and words, below a title row, from XLSX with Excel dates", async () => {
    const file = await writeXlsxFile(dir, "don-vi.xlsx", [
      ["DANH SÁCH ĐƠN VỊ"],
      [
        "Mã đơn vị",
        "TÊN ĐƠN VỊ",
        "Loai don vi",
        "Mã đơn vị cấp trên",
        "Cấp học",
        "Đơn vị nhận báo cáo",
        "Hiệu lực từ",
        "Hiệu lực đến",
        "Điện thoại",
        "Email",
      ],
      [
        "PGD-X",
        "Phòng GD&ĐT huyện X",
        "phòng GD&ĐT",
        null,
        null,
        null,
        null,
        new Date(Date.UTC(2025, 5, 30)),
        "+84 299 3812 345",
        null,
      ],
      [
        "MN-A",
        "Trường Mầm non A",
        "Trường",
        "PGD-X",
        "mầm non; nhà trẻ",
        null,
        "2020-09-05",
        "30/06/2025",
        912345678,
        "MN.A@Example.vn",
      ],
    ]);
    const result = await importFile(file);
    expect(result).toMatchObject({ ok: true, summary: { created: 2 } });
    expect(await getUnitByCode(t.db, "PGD-X")).toMatchObject({
      kind: "district_office",
      validTo: "2025-06-30",
      phone: "02993812345",
    });
    expect(await getUnitByCode(t.db, "MN-A")).toMatchObject({
      levels: ["mn"],
      validFrom: "2020-09-05",
      validTo: "2025-06-30",
      phone: "0912345678",
      email: "mn.a@example.vn",
    });
  });

  it("accepts parents that come after their children, at any depth", async () => {
    const file = writeCsvFile(dir, "units.csv", [
      UNIT_HEADER,
      ["TH-A", "Trường Tiểu học A", "trường", "VHXH-A", "TH", "CUM-1", "", ""],
      ["CUM-1", "Cụm chuyên môn số 1", "cụm chuyên môn", "SO", "", "", "", ""],
      ["VHXH-A", "Phòng Văn hóa - Xã hội xã A", "Phòng VH-XH", "SO", "", "", "", ""],
      ["SO", "Sở GD&ĐT", "sở", "", "", "", "", ""],
    ]);
    expect(await importFile(file)).toMatchObject({ ok: true, summary: { created: 4 } });
    const units = new Map((await listUnits(t.db)).map((u) => [u.code, u]));
    expect(units.get("TH-A")?.parentId).toBe(units.get("VHXH-A")?.id);
    expect(units.get("TH-A")?.reportsToId).toBe(units.get("CUM-1")?.id);
    expect(units.get("VHXH-A")?.parentId).toBe(units.get("SO")?.id);
  });

  it("refers to parents already in the database, and updates only what changed", async () => {
    await importFile(writeCsvFile(dir, "a.csv", SMALL));
    const file = writeCsvFile(dir, "b.csv", [
      UNIT_HEADER,
      ["TH-A", "Trường Tiểu học A (đổi tên)", "trường", "VHXH-A", "TH", "SO", "", ""],
      ["TH-B", "Trường Tiểu học B", "trường", "VHXH-A", "TH", "", "", ""],
    ]);
    expect(await importFile(file)).toMatchObject({
      ok: true,
      summary: { created: 1, updated: 1, unchanged: 0 },
    });
    expect((await getUnitByCode(t.db, "TH-A"))?.name).toBe("Trường Tiểu học A (đổi tên)");
    expect(await countUnits(t.db)).toBe(4);
  });

  it("keeps stored values of columns the file does not have", async () => {
    await importFile(writeCsvFile(dir, "a.csv", SMALL));
    const file = writeCsvFile(dir, "b.csv", [
      ["code", "name", "kind"],
      ["TH-A", "Trường Tiểu học A", "trường"],
    ]);
    expect(await importFile(file)).toMatchObject({ ok: true, summary: { unchanged: 1 } });
    expect(await getUnitByCode(t.db, "TH-A")).toMatchObject({ levels: ["th"], parentId: expect.any(String) });
  });

  it("links a dissolved unit to its successors", async () => {
    const file = writeCsvFile(dir, "units.csv", [
      ["code", "name", "kind", "valid_to", "successor_codes"],
      ["PGD-X", "Phòng GD&ĐT huyện X", "phòng GD&ĐT", "30/06/2025", "VHXH-A, VHXH-B"],
      ["VHXH-A", "Phòng VH-XH xã A", "Phòng VH-XH", "", ""],
      ["VHXH-B", "Phòng VH-XH phường B", "Phòng VH-XH", "", ""],
    ]);
    expect(await importFile(file)).toMatchObject({ ok: true, summary: { links: { created: 2 } } });
    const links = await listUnitLinks(t.db);
    expect(links.map((l) => [l.kind, l.effectiveDate])).toEqual([
      ["split", "2025-07-01"],
      ["split", "2025-07-01"],
    ]);
    expect(await importFile(file)).toMatchObject({
      ok: true,
      summary: { links: { created: 0, unchanged: 2 } },
    });
  });

  it("is all or nothing: one bad row in 100 leaves the database untouched", async () => {
    await importFile(writeCsvFile(dir, "base.csv", SMALL));
    const before = await listUnits(t.db);
    const rows = [UNIT_HEADER];
    for (let i = 1; i <= 100; i++) {
      rows.push([`TH-${i}`, `Trường Tiểu học số ${i}`, "trường", "VHXH-A", "TH", "SO", "", ""]);
    }
    rows[73] = ["TH-73", "Trường Tiểu học số 73", "trường", "VHXH-Z", "TH", "SO", "", ""];
    rows[2] = ["TH-A", "Trường Tiểu học A (đổi tên)", "trường", "VHXH-A", "TH", "SO", "", ""];
    const result = await importFile(writeCsvFile(dir, "big.csv", rows));
    expect(!result.ok && where(result.problems)).toEqual([[74, "parent_code", "org:problem.unknownUnit"]]);
    expect(await listUnits(t.db)).toEqual(before);
  });
});
