/**
 * `baocao submissions export FILE.xlsx --obligation CODE --period PERIOD [--json]` on a database
 * where THCS Nguyễn Du sent November's report through the chat (modern preset, as the server
 * would run it): the file is written and reads back; --json gives the summary; --help, exit codes
 * and localized messages as the other submissions commands.
 */
import fs from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliOn, type Harness, sendNovemberReport, startHarness } from "../conversation/runner/harness";
import { readWorkbook, rowValues } from "./fixtures";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await sendNovemberReport(h);
});
afterEach(async () => {
  await h.dispose();
});

const cli = (...argv: string[]) => cliOn(h, ...argv);

describe("baocao submissions export", () => {
  it("writes the workbook and prints the summary, as text and as JSON", async () => {
    const file = path.join(h.tdb.dir, "Tổng hợp tháng 11.xlsx");
    const text = await cli(
      "submissions",
      "export",
      file,
      "--obligation",
      "DL_MONTHLY",
      "--period",
      "2026-11",
    );
    expect(text).toEqual({
      code: 0,
      out: `Đã ghi ${file}: «Báo cáo tháng công tác truyền thông và tình hình dư luận», tháng 11/2026 — 2 đơn vị phải nộp, 1 đã nộp (kể cả được miễn), 1 chưa nộp.`,
      err: "",
    });
    const workbook = await readWorkbook(new Uint8Array(fs.readFileSync(file)));
    const sheet = workbook.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    expect(rowValues(sheet, 2).slice(1, 7)).toEqual([
      "TH-KD",
      "Trường Tiểu học Kim Đồng",
      "Văn phòng Sở",
      "chưa nộp",
      null,
      null,
    ]);
    expect(rowValues(sheet, 3).slice(1, 11)).toEqual([
      "THCS-ND",
      "Trường THCS Nguyễn Du",
      "Văn phòng Sở",
      "đã nộp",
      new Date("2026-11-10T10:00:00.000Z"),
      "Nguyễn Thị Lan",
      expect.stringMatching(/^BC-2611-\d{4}$/),
      "đã gửi",
      null,
      12,
    ]);
    expect(rowValues(sheet, 4)[10]).toEqual({ formula: "SUM(K2:K3)", result: 12 });
    // No temporary file is left beside it.
    expect(fs.readdirSync(h.tdb.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);

    // A relative FILE (here inside the test's directory) is reported as an absolute path.
    const relative = path.relative(process.cwd(), path.join(h.tdb.dir, "out.xlsx"));
    const json = await cli(
      "submissions",
      "export",
      relative,
      "--obligation",
      "dl_monthly",
      "--period",
      "11/2026",
      "--json",
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual({
      file: path.join(h.tdb.dir, "out.xlsx"),
      rows: 2,
      submitted: 1,
      missing: 1,
    });
    expect(fs.existsSync(path.join(h.tdb.dir, "out.xlsx"))).toBe(true);
  });

  it("has --help and is listed with the other commands", async () => {
    const help = await cli("submissions", "export", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain(
      "baocao submissions export FILE.xlsx --obligation CODE --period PERIOD [--json]",
    );
    const all = await cli("--help");
    expect(all.out).toContain("Xuất bảng Excel tổng hợp một kỳ báo cáo của mọi đơn vị");
  });

  it("refuses what it cannot do, with exit codes and localized messages", async () => {
    const file = path.join(h.tdb.dir, "x.xlsx");
    const usage = "baocao submissions export FILE.xlsx --obligation CODE --period PERIOD [--json]";
    expect(await cli("submissions", "export", file, "--period", "2026-11")).toEqual({
      code: 2,
      out: "",
      err: `Thiếu --obligation hoặc --period. Cách dùng: ${usage}`,
    });
    expect(
      await cli(
        "submissions",
        "export",
        path.join(h.tdb.dir, "x.csv"),
        "--obligation",
        "DL_MONTHLY",
        "--period",
        "2026-11",
      ),
    ).toMatchObject({
      code: 2,
      err: `Tệp «${path.join(h.tdb.dir, "x.csv")}» phải có đuôi .xlsx. Cách dùng: ${usage}`,
    });
    expect(
      await cli("submissions", "export", file, "--obligation", "DL_MONTHLY", "--period", "2026-13"),
    ).toMatchObject({
      code: 2,
      err: "Kỳ «2026-13» không dùng được cho DL_MONTHLY (báo cáo hằng tháng). Kỳ của báo cáo này viết như: 2026-11.",
    });
    const en = await cli(
      "submissions",
      "export",
      file,
      "--obligation",
      "DL_MONTHLY",
      "--period",
      "2026-Q4",
      "--lang",
      "en",
    );
    expect(en).toMatchObject({
      code: 2,
      err: "“2026-Q4” is not a period of DL_MONTHLY (reported monthly). Its periods are written like: 2026-11.",
    });
    const unknown = await cli(
      "submissions",
      "export",
      file,
      "--obligation",
      "KHONG_CO",
      "--period",
      "2026-11",
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(
      /^Kế hoạch đang áp dụng không có báo cáo «KHONG_CO»\. Các mã báo cáo: DL_MONTHLY, /,
    );
    expect(
      await cli("submissions", "export", file, "--obligation", "PRESS_UNIT", "--period", "2026-2027"),
    ).toMatchObject({
      code: 1,
      err: "PRESS_UNIT (Bài tuyên truyền trên báo chí, đài phát thanh – truyền hình) không phải báo cáo định kỳ có biểu mẫu nên không có bảng tổng hợp.",
    });
    const missingDir = path.join(h.tdb.dir, "khong-co", "x.xlsx");
    expect(
      await cli("submissions", "export", missingDir, "--obligation", "DL_MONTHLY", "--period", "2026-11"),
    ).toMatchObject({
      code: 1,
      err: `Không ghi được tệp «${missingDir}» (ENOENT).`,
    });
    expect(fs.existsSync(file)).toBe(false);
  });
});
