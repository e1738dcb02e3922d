/**
 * `baocao people show` lists each membership with its dates and whether it is in force today (the
 * local day of the CLI's clock), after a people import that set them.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import type { PersonData } from "../../src/identity/person-data";
import { tempDir } from "../helpers/db";
import { UNIT_HEADER, writeCsvFile } from "./files";

let dir: string;
let out: string[];
let err: string[];
beforeEach(() => {
  dir = tempDir();
  out = [];
  err = [];
});

/** 02/11/2026 10:00 in Asia/Ho_Chi_Minh. */
const run = (...argv: string[]) =>
  runCli(argv, {
    env: { DATA_DIR: dir, BAOCAO_LOG_LEVEL: "silent" },
    cwd: dir,
    now: () => new Date("2026-11-02T03:00:00Z"),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    interactive: false,
  });

describe("baocao people show: membership dates", () => {
  it("shows each membership's period and whether it is in force today", async () => {
    const units = writeCsvFile(dir, "units.csv", [
      UNIT_HEADER,
      ["SO", "Sở GD&ĐT", "sở", "", "", "", "", ""],
      ["TH-A", "Trường TH A", "trường", "SO", "TH", "", "", ""],
      ["TH-B", "Trường TH B", "trường", "SO", "TH", "", "", ""],
      ["CUM-1", "Cụm chuyên môn số 1", "cụm", "SO", "", "", "", ""],
      ["TH-C", "Trường TH C", "trường", "SO", "TH", "", "", ""],
    ]);
    expect(await run("org", "import", units)).toBe(0);
    const people = writeCsvFile(dir, "people.csv", [
      ["Mã đơn vị", "Họ và tên", "Vai trò", "Điện thoại", "Xưng hô", "Hiệu lực từ", "Hiệu lực đến"],
      ["TH-A", "Phạm Văn Đức", "Hiệu trưởng", "0919000118", "Thầy", "01/09/2020", "01/11/2026"],
      ["TH-B", "Phạm Văn Đức", "Hiệu trưởng", "0919000118", "Thầy", "02/11/2026", ""],
      ["CUM-1", "Phạm Văn Đức", "Cụm trưởng", "0919000118", "Thầy", "", ""],
      ["TH-C", "Phạm Văn Đức", "Cán bộ", "0919000118", "Thầy", "", "2027-01-01"],
    ]);
    expect(await run("people", "import", people)).toBe(0);
    out = [];

    expect(await run("people", "show", "0919000118")).toBe(0);
    expect(err).toEqual([]);
    // Nobody linked a chat nor has an invite: every "  - " line is a membership.
    const lines = out.filter((l) => l.startsWith("  - "));
    expect(lines.sort()).toEqual(
      [
        "  - Thủ trưởng đơn vị, Trường TH A (TH-A): từ ngày 01/09/2020 đến hết ngày 01/11/2026 — đã hết hiệu lực",
        "  - Thủ trưởng đơn vị, Trường TH B (TH-B): từ ngày 02/11/2026 — đang có hiệu lực",
        "  - Cụm trưởng, Cụm chuyên môn số 1 (CUM-1): không thời hạn — đang có hiệu lực",
        "  - Cán bộ, Trường TH C (TH-C): đến hết ngày 01/01/2027 — đang có hiệu lực",
      ].sort(),
    );

    // A start still ahead, in English, and the JSON export carries the dates and the state.
    const later = writeCsvFile(dir, "later.csv", [
      ["unit_code", "full_name", "role", "phone", "valid_from", "valid_to"],
      ["TH-C", "Phạm Văn Đức", "Cán bộ", "0919000118", "15/01/2027", "30/06/2027"],
    ]);
    expect(await run("people", "import", later)).toBe(0);
    out = [];
    expect(await run("people", "show", "0919000118", "--lang", "en")).toBe(0);
    expect(out.filter((l) => l.includes("(TH-C)"))).toEqual([
      "  - Staff, Trường TH C (TH-C): from 15/01/2027 to 30/06/2027 inclusive — not started yet",
    ]);
    out = [];
    expect(await run("people", "show", "0919000118", "--json")).toBe(0);
    const data = JSON.parse(out[0] ?? "") as PersonData;
    expect(
      data.memberships
        .map((m) => [m.unitCode, m.validFrom, m.validTo, m.state])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ["CUM-1", null, null, "in_force"],
      ["TH-A", "2020-09-01", "2026-11-01", "ended"],
      ["TH-B", "2026-11-02", null, "in_force"],
      ["TH-C", "2027-01-15", "2027-06-30", "not_started"],
    ]);
  });
});
