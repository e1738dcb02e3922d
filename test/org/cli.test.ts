import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { openDatabase } from "../../src/db/index";
import { countUnits } from "../../src/db/units";
import { tempDir } from "../helpers/db";
import { PERSON_HEADER, UNIT_HEADER, writeCsvFile } from "./files";

let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = tempDir();
  out = [];
  err = [];
});

const run = (...argv: string[]) =>
  runCli(argv, {
    env: { DATA_DIR: dir, BAOCAO_LOG_LEVEL: "silent" },
    cwd: dir,
    now: () => new Date("2026-11-02T03:00:00Z"),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    interactive: false,
  });

async function unitCount(): Promise<number> {
  const opened = await openDatabase({ kind: "sqlite", file: path.join(dir, "baocao.db") });
  try {
    return await countUnits(opened.db);
  } finally {
    await opened.close();
  }
}

describe("baocao demo", () => {
  it("loads the demo once, then says the database has data and changes nothing", async () => {
    expect(await run("demo")).toBe(0);
    expect(out).toEqual(["Đã nạp dữ liệu mẫu tỉnh Minh Lâm: 24 đơn vị, 40 người (41 vai trò)."]);
    out = [];
    expect(await run("demo", "--json")).toBe(0);
    expect(JSON.parse(out[0] ?? "")).toEqual({ loaded: false, reason: "notEmpty" });
    expect(await unitCount()).toBe(24);
  });
});

describe("baocao org/people import and export", () => {
  afterEach(() => {
    out = [];
    err = [];
  });

  it("imports with a JSON summary, then exports, exit 0", async () => {
    const units = writeCsvFile(dir, "units.csv", [
      UNIT_HEADER,
      ["SO", "Sở GD&ĐT", "sở", "", "", "", "", ""],
      ["TH-A", "Trường TH A", "trường", "SO", "TH", "", "", ""],
    ]);
    expect(await run("org", "import", units, "--json")).toBe(0);
    expect(JSON.parse(out[0] ?? "")).toMatchObject({
      ok: true,
      what: "units",
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const people = writeCsvFile(dir, "people.csv", [
      PERSON_HEADER,
      ["TH-A", "Phạm Văn Đức", "Hiệu trưởng", "0919000118", "", "Thầy"],
    ]);
    expect(await run("people", "import", people)).toBe(0);
    expect(out[1]).toBe("Đã nhập 1 dòng nhân sự từ people.csv: 1 mới, 0 cập nhật, 0 không đổi.");
    expect(await run("people", "export", path.join(dir, "out.xlsx"), "--json")).toBe(0);
    expect(JSON.parse(out[2] ?? "")).toMatchObject({ ok: true, what: "people", rows: 1 });
    expect(await run("org", "export", path.join(dir, "out.csv"), "--lang", "en")).toBe(0);
    expect(out[3]).toBe(`Exported 2 units to ${path.join(dir, "out.csv")}.`);
    expect(err).toEqual([]);
  });

  it("exits 1 with a one-line reason and every problem, changing nothing", async () => {
    const units = writeCsvFile(dir, "units.csv", [UNIT_HEADER, ["TH-A", "", "trường", "SO", "", "", "", ""]]);
    expect(await run("org", "import", units)).toBe(1);
    expect(err).toEqual([
      "Không nhập được units.csv: có 2 lỗi, cơ sở dữ liệu không thay đổi. Xin sửa các lỗi sau rồi nhập lại:",
      '  Dòng 2, cột "name": Không được để trống.',
      '  Dòng 2, cột "parent_code": Không có đơn vị mã "SO" trong tệp hay trong cơ sở dữ liệu.',
    ]);
    expect(out).toEqual([]);
    expect(await unitCount()).toBe(0);
  });

  it("prints the problems as JSON too with --json", async () => {
    const people = writeCsvFile(dir, "people.csv", [
      PERSON_HEADER,
      ["X", "Trần A", "Hiệu trưởng", "", "", ""],
    ]);
    expect(await run("people", "import", people, "--json", "--lang", "en")).toBe(1);
    expect(JSON.parse(out[0] ?? "")).toMatchObject({
      ok: false,
      problems: [
        {
          row: 2,
          column: "unit_code",
          code: "org:problem.unknownPersonUnit",
          message: expect.stringContaining("Row 2"),
        },
      ],
    });
    expect(err[0]).toContain("Could not import people.csv");
  });

  it("refuses unknown file types and missing arguments", async () => {
    expect(await run("org", "export", path.join(dir, "out.pdf"))).toBe(1);
    expect(err[0]).toBe("Không hỗ trợ định dạng của tệp out.pdf: hãy dùng đuôi .csv hoặc .xlsx.");
    expect(await run("people", "import")).toBe(2);
    expect(await run("org", "import", path.join(dir, "missing.csv"))).toBe(1);
    expect(err.at(-1)).toContain("Không đọc được tệp");
  });
});
