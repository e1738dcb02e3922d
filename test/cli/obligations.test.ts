import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { migrateToLatest, openDatabase, upsertUnits } from "../../src/db/index";
import { tempDir } from "../helpers/db";

// Uses the default plan (the `modern` preset, calendar "vn"), whose DL_MONTHLY report is due
// "trước ngày 25" with roll_back, for schools and centres, submitted to the office. Units due in
// November: TH-A, TH-MOI (weekly quota only) and the office (its own reports).
let dir: string;
const now = () => new Date("2026-11-02T03:00:00Z");

beforeEach(async () => {
  dir = tempDir();
  const opened = await openDatabase({ kind: "sqlite", file: path.join(dir, "baocao.db") });
  await migrateToLatest(opened.db);
  await upsertUnits(
    opened.db,
    [
      { code: "SO", name: "Sở GD&ĐT Minh Lâm", kind: "so" },
      { code: "VP", name: "Văn phòng Sở", kind: "office", parentCode: "SO" },
      { code: "TH-A", name: "Trường Tiểu học A", kind: "school", levels: ["th"], parentCode: "SO" },
      // Created after November's deadline (24/11): owes no November report.
      {
        code: "TH-MOI",
        name: "Trường Tiểu học Mới",
        kind: "school",
        levels: ["th"],
        validFrom: "2026-11-26",
      },
    ],
    now(),
  );
  await opened.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["obligations", ...argv], {
    env: { DATA_DIR: dir },
    cwd: dir,
    now,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

interface JsonRow {
  obligationCode: string;
  unitCode: string;
  periodKey: string;
  dueDate: string;
  submitToCode: string | null;
  periodLabel: string;
  due: string;
}

describe("baocao obligations", () => {
  it("lists November's deadlines grouped by obligation, with period label, weekday and recipient", async () => {
    const { code, out, err } = await cli("--period", "2026-11");
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Hạn nộp từ 01\/11\/2026 đến 30\/11\/2026 \(2026-11\): \d+ lượt, 3 đơn vị$/);
    const monthly = out.indexOf(out.find((l) => l.includes("(DL_MONTHLY)")) ?? "");
    expect(monthly).toBeGreaterThan(0);
    expect(out[monthly + 1]).toBe("  tháng 11/2026 — hạn 24/11/2026 (Thứ Ba) — 1 đơn vị");
    expect(out[monthly + 2]).toBe("      TH-A  Trường Tiểu học A → nộp cho Văn phòng Sở (VP)");
  });

  it("--json gives every instance due in the range, and none for a unit created after its deadline", async () => {
    const { code, out } = await cli("--period", "2026-11", "--json");
    expect(code).toBe(0);
    const body = JSON.parse(out.join("")) as { from: string; to: string; instances: JsonRow[] };
    expect([body.from, body.to]).toEqual(["2026-11-01", "2026-11-30"]);
    expect(body.instances.length).toBeGreaterThan(0);
    expect(body.instances.every((i) => i.dueDate >= "2026-11-01" && i.dueDate <= "2026-11-30")).toBe(true);
    const monthly = body.instances.filter((i) => i.obligationCode === "DL_MONTHLY");
    expect(monthly).toMatchObject([
      {
        unitCode: "TH-A",
        periodKey: "2026-11",
        dueDate: "2026-11-24",
        submitToCode: "VP",
        periodLabel: "tháng 11/2026",
        due: "24/11/2026 (Thứ Ba)",
      },
    ]);
  });

  it("--unit narrows to one unit; English on request", async () => {
    const { code, out } = await cli("--period", "2026-W48", "--unit", "th-moi", "--lang", "en");
    expect(code).toBe(0);
    expect(out[0]).toMatch(
      /^Deadlines of Trường Tiểu học Mới \(TH-MOI\) from 23\/11\/2026 to 29\/11\/2026 \(2026-W48\): \d+ instances$/,
    );
    expect(out.some((l) => l.includes("TH-A"))).toBe(false);
    expect(out.some((l) => l.includes("(DL_MONTHLY)"))).toBe(false);
  });

  it("refuses a bad period or an unknown unit with one precise line", async () => {
    expect(await cli("--period", "2027-W53")).toMatchObject({
      code: 2,
      err: ['Tuần "2027-W53" không tồn tại: năm 2027 có 52 tuần (W01 đến W52).'],
    });
    expect(await cli("--period", "2026-13")).toMatchObject({
      code: 2,
      err: ['Tháng "2026-13" không tồn tại: tháng ghi từ 01 đến 12, ví dụ 2026-11.'],
    });
    expect((await cli("--period", "11/2026")).err).toHaveLength(1);
    expect((await cli("--period", "2026-2028")).err[0]).toContain("ví dụ 2026-2027");
    expect((await cli()).code).toBe(2);
    expect(await cli("--period", "2026-11", "--unit", "KHONG-CO")).toMatchObject({
      code: 1,
      err: ['Không có đơn vị mã "KHONG-CO". Xem danh sách bằng lệnh: baocao org export TỆP'],
    });
  });
});
