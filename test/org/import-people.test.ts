import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listMemberships, listPeople } from "../../src/db/people";
import { getUnitByCode } from "../../src/db/units";
import { importPeople, importUnits, type Problem } from "../../src/org/index";
import { createTestDatabase, type TestDatabase, tempDir } from "../helpers/db";
import { PERSON_HEADER, UNIT_HEADER, writeCsvFile, writeXlsxFile } from "./files";

const now = new Date("2026-11-02T03:00:00Z");
let t: TestDatabase;
let dir: string;
beforeEach(async () => {
  t = await createTestDatabase();
  dir = tempDir();
  const units = writeCsvFile(dir, "units.csv", [
    UNIT_HEADER,
    ["SO", "Sở GD&ĐT", "sở", "", "", "", "", ""],
    ["CUM-1", "Cụm chuyên môn số 1", "cụm", "SO", "", "", "", ""],
    ["THCS-A", "Trường THCS A", "trường", "SO", "THCS", "", "", ""],
    ["TH-B", "Trường TH B", "trường", "SO", "TH", "", "", ""],
  ]);
  expect((await importUnits(t.db, units, { now })).ok).toBe(true);
});
afterEach(() => t.dispose());

const importFile = (file: string) => importPeople(t.db, file, { now });
const where = (problems: Problem[]) => problems.map((p) => [p.row, p.column, p.key]);

describe("importPeople", () => {
  it("imports Vietnamese headers and words, normalising phones, and is idempotent", async () => {
    const file = writeCsvFile(
      dir,
      "nhan-su.csv",
      [
        ["Mã đơn vị", "Họ và tên", "Vai trò", "Điện thoại", "Email", "Xưng hô"],
        ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "+84 904 000 121", "An.NV@Example.vn", "Thầy"],
        ["thcs-a", "Vũ Thị Lan Anh", "cán bộ truyền thông", "0385.000.122", "", "cô"],
        ["CUM-1", "Nguyễn Văn An", "cụm trưởng", "0904000121", "", ""],
        ["TH-B", "Lê Thị Bích Ngọc", "Phó hiệu trưởng", "", "ngoc@example.vn", "Chị"],
        ["TH-B", "Trịnh Văn Khoa", "Cán bộ", "", "", "Đồng chí"],
      ],
      { bom: true, delimiter: ";" },
    );
    const first = await importFile(file);
    expect(first).toMatchObject({ ok: true, summary: { rows: 5, created: 5, updated: 0, unchanged: 0 } });
    const people = await listPeople(t.db);
    expect(people).toHaveLength(4);
    const an = people.find((p) => p.fullName === "Nguyễn Văn An");
    expect(an).toMatchObject({ phone: "0904000121", email: "an.nv@example.vn", addressAs: "thay" });
    const roles = (await listMemberships(t.db, { personId: an?.id })).map((m) => m.role).sort();
    expect(roles).toEqual(["cluster_head", "head"]);
    expect(people.find((p) => p.fullName === "Vũ Thị Lan Anh")).toMatchObject({
      phone: "0385000122",
      email: null,
    });

    const second = await importFile(file);
    expect(second).toMatchObject({ ok: true, summary: { created: 0, updated: 0, unchanged: 5 } });
    expect(await listPeople(t.db)).toEqual(people);
  });

  it("recognises a person by unit and phone; a role change updates, not duplicates", async () => {
    await importFile(
      writeCsvFile(dir, "a.csv", [
        PERSON_HEADER,
        ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "", "Thầy"],
      ]),
    );
    const again = writeCsvFile(dir, "b.csv", [
      PERSON_HEADER,
      ["THCS-A", "Nguyễn Văn  An", "phó hiệu trưởng", "0904 000 121", "", ""],
    ]);
    expect(await importFile(again)).toMatchObject({ ok: true, summary: { created: 0, updated: 1 } });
    const people = await listPeople(t.db);
    expect(people).toHaveLength(1);
    expect(people[0]?.addressAs).toBe("thay");
    expect((await listMemberships(t.db)).map((m) => m.role)).toEqual(["deputy"]);
  });

  it("gives a phone to a person first imported without one (by unit and e-mail, else name)", async () => {
    await importFile(
      writeCsvFile(dir, "a.csv", [
        PERSON_HEADER,
        ["TH-B", "Lê Thị Bích Ngọc", "Hiệu trưởng", "", "ngoc@example.vn", ""],
        ["TH-B", "Trịnh Văn Khoa", "Cán bộ truyền thông", "", "", ""],
      ]),
    );
    const withPhones = writeCsvFile(dir, "b.csv", [
      PERSON_HEADER,
      ["TH-B", "Lê Thị Bích Ngọc", "Hiệu trưởng", "0903000123", "ngoc@example.vn", ""],
      ["TH-B", "Trịnh Văn Khoa", "Cán bộ truyền thông", "0936000124", "", ""],
    ]);
    expect(await importFile(withPhones)).toMatchObject({ ok: true, summary: { created: 0, updated: 2 } });
    expect((await listPeople(t.db)).map((p) => p.phone).sort()).toEqual(["0903000123", "0936000124"]);
  });

  it("keeps people with the same name apart when their phones differ", async () => {
    const file = writeCsvFile(dir, "a.csv", [
      PERSON_HEADER,
      ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "", ""],
      ["TH-B", "Nguyễn Văn An", "Hiệu trưởng", "0904000999", "", ""],
    ]);
    expect(await importFile(file)).toMatchObject({ ok: true, summary: { created: 2 } });
    expect(await listPeople(t.db)).toHaveLength(2);
  });

  it("reads XLSX with phones typed as numbers (the leading 0 lost)", async () => {
    const file = await writeXlsxFile(dir, "people.xlsx", [
      PERSON_HEADER,
      ["THCS-A", "Tạ Quang Vinh", "Hiệu trưởng", 962000130, null, "Thầy"],
    ]);
    expect(await importFile(file)).toMatchObject({ ok: true, summary: { created: 1 } });
    expect((await listPeople(t.db))[0]?.phone).toBe("0962000130");
  });

  it("lists every problem with its row and column, and writes nothing", async () => {
    const file = writeCsvFile(dir, "bad.csv", [
      PERSON_HEADER,
      ["THCS-A", "Nguyễn Văn An", "Hiệu trưởng", "0904000121", "", ""], // 2: fine
      ["KHONG-CO", "Trần B", "Hiệu trưởng", "", "", ""], // 3: unknown unit
      ["THCS-A", "", "Hiệu trưởng", "", "", ""], // 4: missing name
      ["THCS-A", "Trần C", "bảo vệ", "", "", ""], // 5: unknown role
      ["THCS-A", "Trần D", "Cán bộ", "0123", "", ""], // 6: bad phone
      ["THCS-A", "Trần E", "Cán bộ", "", "e@", ""], // 7: bad email
      ["THCS-A", "Trần F", "Cán bộ", "", "", "Ông"], // 8: unknown form of address
      ["THCS-A", "Nguyễn Văn An", "Cán bộ truyền thông", "0904.000.121", "", ""], // 9: duplicate in unit
      ["TH-B", "Trần G", "Cán bộ", "0904000121", "", ""], // 10: phone of another person
      ["", "Trần H", "", "", "", ""], // 11: missing unit and role
    ]);
    const result = await importFile(file);
    expect(!result.ok && where(result.problems)).toEqual([
      [3, "unit_code", "org:problem.unknownPersonUnit"],
      [4, "full_name", "org:problem.required"],
      [5, "role", "org:problem.unknownRole"],
      [6, "phone", "org:problem.badPhone"],
      [7, "email", "org:problem.badEmail"],
      [8, "address_as", "org:problem.unknownAddressAs"],
      [9, "phone", "org:problem.duplicatePerson"],
      [10, "phone", "org:problem.phoneOfAnother"],
      [11, "unit_code", "org:problem.required"],
      [11, "role", "org:problem.required"],
    ]);
    expect(await listPeople(t.db)).toEqual([]);
    expect(await getUnitByCode(t.db, "THCS-A")).toBeDefined();
  });
});
