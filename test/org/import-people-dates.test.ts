/**
 * The membership's dates in a people file (`valid_from`, `valid_to`, "Hiệu lực từ", "Hiệu lực
 * đến"): read as the units file reads its own, written onto the (person, unit) membership. A column
 * present in the file is the truth (empty = open-ended); a column absent leaves the stored dates.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listMemberships, listPeople } from "../../src/db/people";
import { importPeople, importUnits, type Problem } from "../../src/org/index";
import { createTestDatabase, type TestDatabase, tempDir } from "../helpers/db";
import { PERSON_HEADER, UNIT_HEADER, writeCsvFile, writeXlsxFile } from "./files";

const now = new Date("2026-11-02T03:00:00Z");
const DATED_HEADER = [...PERSON_HEADER, "valid_from", "valid_to"];
let t: TestDatabase;
let dir: string;
beforeEach(async () => {
  t = await createTestDatabase();
  dir = tempDir();
  const units = writeCsvFile(dir, "units.csv", [
    UNIT_HEADER,
    ["SO", "Sở GD&ĐT", "sở", "", "", "", "", ""],
    ["THCS-A", "Trường THCS A", "trường", "SO", "THCS", "", "", ""],
    ["TH-B", "Trường TH B", "trường", "SO", "TH", "", "", ""],
  ]);
  expect((await importUnits(t.db, units, { now })).ok).toBe(true);
});
afterEach(() => t.dispose());

const importFile = (file: string) => importPeople(t.db, file, { now });
const where = (problems: Problem[]) => problems.map((p) => [p.row, p.column, p.key, p.params]);

/** Memberships as "UNIT name role from..to", in a stable order. */
async function dated(): Promise<string[]> {
  const units = await t.db.selectFrom("units").select(["id", "code"]).execute();
  const code = new Map(units.map((u) => [u.id, u.code]));
  const names = new Map((await listPeople(t.db)).map((p) => [p.id, p.fullName]));
  return (await listMemberships(t.db))
    .map((m) => `${code.get(m.unitId)} ${names.get(m.personId)} ${m.role} ${m.validFrom}..${m.validTo}`)
    .sort();
}

describe("people import: membership dates", () => {
  it("reads Vietnamese headers, dd/mm/yyyy and yyyy-mm-dd, and is idempotent", async () => {
    const file = writeCsvFile(
      dir,
      "nhan-su.csv",
      [
        ["Mã đơn vị", "Họ và tên", "Vai trò", "Điện thoại", "Hiệu lực từ", "Hiệu lực đến"],
        ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "01/09/2020", "31/08/2026"],
        ["TH-B", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "2026-09-01", ""],
        ["TH-B", "Trịnh Văn Khoa", "Cán bộ truyền thông", "0936000124", "", "2026-12-31"],
        ["THCS-A", "Vũ Thị Lan Anh", "Cán bộ truyền thông", "0385000122", "", ""],
      ],
      { bom: true, delimiter: ";" },
    );
    expect(await importFile(file)).toMatchObject({ ok: true, summary: { rows: 4, created: 4 } });
    expect(await dated()).toEqual([
      "TH-B Nguyễn Văn An head 2026-09-01..null",
      "TH-B Trịnh Văn Khoa comms null..2026-12-31",
      "THCS-A Nguyễn Văn An head 2020-09-01..2026-08-31",
      "THCS-A Vũ Thị Lan Anh comms null..null",
    ]);
    // The principal who moved is one person with two memberships, one ended.
    expect(await listPeople(t.db)).toHaveLength(3);
    expect(await importFile(file)).toMatchObject({
      ok: true,
      summary: { created: 0, updated: 0, unchanged: 4 },
    });
  });

  it("reads real dates and dd/mm/yyyy text from an XLSX", async () => {
    const file = await writeXlsxFile(dir, "people.xlsx", [
      ["Danh sách nhân sự"],
      DATED_HEADER,
      [
        "THCS-A",
        "Tạ Quang Vinh",
        "Hiệu trưởng",
        962000130,
        null,
        "Thầy",
        new Date("2024-09-05T00:00:00Z"),
        "30/06/2027",
      ],
    ]);
    expect(await importFile(file)).toMatchObject({ ok: true, summary: { created: 1 } });
    expect(await dated()).toEqual(["THCS-A Tạ Quang Vinh head 2024-09-05..2027-06-30"]);
  });

  it("a bad date and an end before the start are listed with row and column; nothing changes", async () => {
    await importFile(
      writeCsvFile(dir, "a.csv", [
        DATED_HEADER,
        ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "", "", "01/09/2020", ""],
      ]),
    );
    const before = await dated();
    const file = writeCsvFile(dir, "bad.csv", [
      ["Mã đơn vị", "Họ và tên", "Vai trò", "Điện thoại", "Hiệu lực từ", "Hiệu lực đến"],
      ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "01/09/2020", "31/08/2026"], // 2: fine
      ["TH-B", "Trịnh Văn Khoa", "Cán bộ", "", "31/02/2026", ""], // 3: no such day
      ["TH-B", "Lê Thị Bích Ngọc", "Hiệu trưởng", "", "01/09/2026", "2026-08-31"], // 4: inverted
      ["TH-B", "Trần Văn Bình", "Cán bộ", "", "", "sắp tới"], // 5: not a date
    ]);
    const result = await importFile(file);
    expect(!result.ok && where(result.problems)).toEqual([
      [3, "Hiệu lực từ", "org:problem.badDate", { value: "31/02/2026" }],
      [4, "Hiệu lực đến", "org:problem.endBeforeStart", { from: "01/09/2026", to: "31/08/2026" }],
      [5, "Hiệu lực đến", "org:problem.badDate", { value: "sắp tới" }],
    ]);
    expect(await dated()).toEqual(before);
    expect(await listPeople(t.db)).toHaveLength(1);
  });

  it("refuses a single date column that would cross the stored other date; nothing changes", async () => {
    await importFile(
      writeCsvFile(dir, "a.csv", [
        DATED_HEADER,
        ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "", "", "01/09/2020", "31/08/2026"],
        ["TH-B", "Trịnh Văn Khoa", "Cán bộ", "0936000124", "", "", "01/09/2026", ""],
      ]),
    );
    const before = await dated();
    const startOnly = writeCsvFile(dir, "start.csv", [
      ["Mã đơn vị", "Họ và tên", "Vai trò", "Điện thoại", "Hiệu lực từ"],
      ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "01/09/2026"],
      ["TH-B", "Trịnh Văn Khoa", "Cán bộ", "0936000124", "01/10/2026"],
    ]);
    const late = await importFile(startOnly);
    expect(!late.ok && where(late.problems)).toEqual([
      [2, "Hiệu lực từ", "org:problem.startAfterStoredEnd", { from: "01/09/2026", to: "31/08/2026" }],
    ]);
    const endOnly = writeCsvFile(dir, "end.csv", [
      ["Mã đơn vị", "Họ và tên", "Vai trò", "Điện thoại", "Hiệu lực đến"],
      ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "30/06/2026"],
      ["TH-B", "Trịnh Văn Khoa", "Cán bộ", "0936000124", "31/08/2026"],
    ]);
    const early = await importFile(endOnly);
    expect(!early.ok && where(early.problems)).toEqual([
      [3, "Hiệu lực đến", "org:problem.endBeforeStoredStart", { from: "01/09/2026", to: "31/08/2026" }],
    ]);
    expect(await dated()).toEqual(before);
  });

  it("sets the end date of an existing membership (a principal who moved)", async () => {
    await importFile(
      writeCsvFile(dir, "a.csv", [
        PERSON_HEADER,
        ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "", ""],
      ]),
    );
    const moved = writeCsvFile(dir, "b.csv", [
      DATED_HEADER,
      ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "", "", "", "31/12/2026"],
      ["TH-B", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "", "", "01/01/2027", ""],
    ]);
    expect(await importFile(moved)).toMatchObject({ ok: true, summary: { created: 1, updated: 1 } });
    expect(await dated()).toEqual([
      "TH-B Nguyễn Văn An head 2027-01-01..null",
      "THCS-A Nguyễn Văn An head null..2026-12-31",
    ]);
    const an = (await listPeople(t.db))[0]?.id;
    const unitsOn = async (day: string) =>
      (await listMemberships(t.db, { personId: an, on: day })).map((m) => m.unitId);
    const [thcsA, thB] = await Promise.all(
      ["THCS-A", "TH-B"].map(async (code) => {
        const u = await t.db
          .selectFrom("units")
          .select("id")
          .where("code", "=", code)
          .executeTakeFirstOrThrow();
        return u.id;
      }),
    );
    expect(await unitsOn("2026-12-31")).toEqual([thcsA]);
    expect(await unitsOn("2027-01-01")).toEqual([thB]);
  });

  it("re-adds a person who returns: the column present and empty clears the end date; absent, keeps it", async () => {
    await importFile(
      writeCsvFile(dir, "left.csv", [
        DATED_HEADER,
        [
          "THCS-A",
          "Vũ Thị Lan Anh",
          "Cán bộ truyền thông",
          "0385000122",
          "",
          "Cô",
          "01/09/2020",
          "31/08/2026",
        ],
      ]),
    );
    // A file without the date columns (an older template) leaves the dates alone.
    const undated = writeCsvFile(dir, "undated.csv", [
      PERSON_HEADER,
      ["THCS-A", "Vũ Thị Lan Anh", "Cán bộ truyền thông", "0385000122", "", "Cô"],
    ]);
    expect(await importFile(undated)).toMatchObject({ ok: true, summary: { unchanged: 1 } });
    expect(await dated()).toEqual(["THCS-A Vũ Thị Lan Anh comms 2020-09-01..2026-08-31"]);

    // Only "Hiệu lực đến" in the file, empty: open-ended again; the start date is kept.
    const back = writeCsvFile(dir, "back.csv", [
      ["Mã đơn vị", "Họ và tên", "Vai trò", "Điện thoại", "Hiệu lực đến"],
      ["THCS-A", "Vũ Thị Lan Anh", "Cán bộ truyền thông", "0385000122", ""],
    ]);
    expect(await importFile(back)).toMatchObject({ ok: true, summary: { created: 0, updated: 1 } });
    expect(await dated()).toEqual(["THCS-A Vũ Thị Lan Anh comms 2020-09-01..null"]);
    expect(await listPeople(t.db)).toHaveLength(1);

    // Or a new period: both columns given replace both dates.
    const again = writeCsvFile(dir, "again.csv", [
      DATED_HEADER,
      ["THCS-A", "Vũ Thị Lan Anh", "Cán bộ truyền thông", "0385000122", "", "", "15/01/2027", "31/05/2027"],
    ]);
    expect(await importFile(again)).toMatchObject({ ok: true, summary: { updated: 1 } });
    expect(await dated()).toEqual(["THCS-A Vũ Thị Lan Anh comms 2027-01-15..2027-05-31"]);
  });
});
