import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countUnits, getUnitByCode } from "../../src/db/units";
import { translator } from "../../src/i18n/index";
import { formatProblem, importUnits, type Problem } from "../../src/org/index";
import { createTestDatabase, type TestDatabase, tempDir } from "../helpers/db";
import { UNIT_HEADER, writeCsvFile } from "./files";

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

describe("importUnits problems", () => {
  it("lists every problem with its row and column, and writes nothing", async () => {
    const file = writeCsvFile(dir, "units.csv", [
      [
        "code",
        "name",
        "kind",
        "parent_code",
        "levels",
        "reports_to_code",
        "valid_from",
        "valid_to",
        "phone",
        "email",
        "successor_codes",
      ],
      ["SO", "Sở GD&ĐT", "sở", "", "", "", "", "", "", "", ""], // 2: fine
      ["TH-A", "", "trường", "SO", "", "", "", "", "", "", ""], // 3: missing name
      ["TH-B", "Trường B", "bệnh viện", "SO", "", "", "", "", "", "", ""], // 4: unknown kind
      ["TH-C", "Trường C", "trường", "KHONG-CO", "", "", "", "", "", "", ""], // 5: unknown parent
      ["SO", "Sở lần hai", "sở", "", "", "", "", "", "", "", ""], // 6: duplicate code
      ["TH-D", "Trường D", "trường", "SO", "", "", "31/02/2025", "", "", "", ""], // 7: bad date
      ["TH-E", "Trường E", "trường", "SO", "", "", "01/09/2025", "01/08/2025", "", "", ""], // 8: end before start
      ["TH-F", "Trường F", "trường", "SO", "", "", "", "", "12345", "", ""], // 9: bad phone
      ["TH-G", "Trường G", "trường", "SO", "", "", "", "", "", "g@", ""], // 10: bad email
      ["TH-H", "Trường H", "trường", "SO", "TH, đại học", "", "", "", "", "", ""], // 11: unknown level
      ["TH-I", "Trường I", "trường", "SO", "", "", "", "", "", "", "TH-A"], // 12: successor without end
      ["Mã có dấu", "Trường J", "trường", "SO", "", "", "", "", "", "", ""], // 13: bad code
      ["TH-K", "Trường K", "trường", "TH-K", "", "", "", "", "", "", ""], // 14: own parent
      ["TH-L", "Trường L", "", "SO", "", "KHONG-CO", "", "", "", "", ""], // 15: missing kind, unknown reports_to
    ]);
    const result = await importFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(where(result.problems)).toEqual([
      [3, "name", "org:problem.required"],
      [4, "kind", "org:problem.unknownKind"],
      [5, "parent_code", "org:problem.unknownUnit"],
      [6, "code", "org:problem.duplicateCode"],
      [7, "valid_from", "org:problem.badDate"],
      [8, "valid_to", "org:problem.endBeforeStart"],
      [9, "phone", "org:problem.badPhone"],
      [10, "email", "org:problem.badEmail"],
      [11, "levels", "org:problem.unknownLevel"],
      [12, "successor_codes", "org:problem.successorNeedsEnd"],
      [13, "code", "org:problem.badCode"],
      [14, "parent_code", "org:problem.selfReference"],
      [15, "kind", "org:problem.required"],
      [15, "reports_to_code", "org:problem.unknownUnit"],
    ]);
    expect(await countUnits(t.db)).toBe(0);
    const vi = translator("vi");
    expect(formatProblem(result.problems[2] as Problem, vi)).toBe(
      'Dòng 5, cột "parent_code": Không có đơn vị mã "KHONG-CO" trong tệp hay trong cơ sở dữ liệu.',
    );
    expect(formatProblem(result.problems[5] as Problem, vi)).toBe(
      'Dòng 8, cột "valid_to": Ngày hết hiệu lực 01/08/2025 trước ngày bắt đầu hiệu lực 01/09/2025.',
    );
    expect(formatProblem(result.problems[0] as Problem, translator("en"))).toBe(
      'Row 3, column "name": Must not be empty.',
    );
  });

  it("names the column as the file's header says it", async () => {
    const file = writeCsvFile(dir, "units.csv", [
      ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"],
      ["TH-A", "Trường A", "trường", "KHONG-CO"],
    ]);
    const result = await importFile(file);
    expect(!result.ok && where(result.problems)).toEqual([
      [2, "Mã đơn vị cấp trên", "org:problem.unknownUnit"],
    ]);
  });

  it("finds cycles in parents, in the file and through the database", async () => {
    const inFile = writeCsvFile(dir, "cycle.csv", [
      UNIT_HEADER,
      ["A", "Đơn vị A", "cụm", "C", "", "", "", ""],
      ["B", "Đơn vị B", "cụm", "A", "", "", "", ""],
      ["C", "Đơn vị C", "cụm", "B", "", "", "", ""],
      ["D", "Đơn vị D", "cụm", "A", "", "", "", ""],
    ]);
    const result = await importFile(inFile);
    expect(!result.ok && where(result.problems)).toEqual([
      [2, "parent_code", "org:problem.parentCycle"],
      [3, "parent_code", "org:problem.parentCycle"],
      [4, "parent_code", "org:problem.parentCycle"],
    ]);
    expect(!result.ok && result.problems[0]?.params).toEqual({ chain: "A → C → B → A" });

    await importFile(
      writeCsvFile(dir, "ok.csv", [
        UNIT_HEADER,
        ["P", "Cha", "sở", "", "", "", "", ""],
        ["Q", "Con", "trường", "P", "", "", "", ""],
      ]),
    );
    const throughDb = writeCsvFile(dir, "db-cycle.csv", [
      UNIT_HEADER,
      ["P", "Cha", "sở", "Q", "", "", "", ""],
    ]);
    const second = await importFile(throughDb);
    expect(!second.ok && where(second.problems)).toEqual([[2, "parent_code", "org:problem.parentCycle"]]);
    expect((await getUnitByCode(t.db, "P"))?.parentId).toBeNull();
  });

  it("reports files it cannot use", async () => {
    const missing = await importFile(
      writeCsvFile(dir, "cols.csv", [
        ["code", "name"],
        ["A", "B"],
      ]),
    );
    expect(!missing.ok && where(missing.problems)).toEqual([[1, "kind", "org:problem.missingColumn"]]);
    const noHeader = await importFile(
      writeCsvFile(dir, "none.csv", [
        ["x", "y"],
        ["1", "2"],
      ]),
    );
    expect(!noHeader.ok && noHeader.problems[0]?.key).toBe("org:problem.noHeader");
    const pdf = await importFile(writeCsvFile(dir, "units.pdf", SMALL));
    expect(!pdf.ok && pdf.problems[0]?.key).toBe("org:problem.unsupportedFormat");
    const absent = await importFile(`${dir}/absent.csv`);
    expect(!absent.ok && absent.problems[0]?.key).toBe("org:problem.cannotRead");
  });
});
