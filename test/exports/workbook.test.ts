/**
 * The office's workbook of DL_MONTHLY 2026-11, read back with exceljs: every unit that owes it
 * (sent or not) with the status /trangthai computes, typed answer cells, the totals, the issues
 * sheet, nil reports and exemptions marked, names with diacritics intact.
 */
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportSubmissions, exportTarget, type SubmissionsExport } from "../../src/exports/index";
import { translator } from "../../src/i18n/index";
import { joined } from "../conversation/runner/harness";
import { type ExportFixture, readWorkbook, rowValues, startExportFixture } from "./fixtures";

let f: ExportFixture;
let result: SubmissionsExport;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  f = await startExportFixture();
  const target = exportTarget(f.h.active, "DL_MONTHLY", "2026-11", f.h.now);
  if (!target.ok) throw new Error(target.reason);
  result = await exportSubmissions(f.h.db, f.h.active, target, {
    now: f.h.now,
    lang: "vi",
    t: translator("vi"),
  });
  workbook = await readWorkbook(result.bytes);
}, 60_000);
afterAll(async () => {
  await f.h.dispose();
});

const summary = () => workbook.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
/** The row of a unit on sheet 1, by its code in column B. */
function unitRow(code: string): ExcelJS.CellValue[] {
  const sheet = summary();
  for (let n = 2; n <= sheet.rowCount; n++)
    if (sheet.getCell(n, 2).value === code) return rowValues(sheet, n);
  throw new Error(`no row for ${code}`);
}
/** Sheet 1's column of a header. */
function column(header: string): number {
  const i = rowValues(summary(), 1).indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

describe("the submissions workbook", () => {
  it("has the summary, the issues sheet and the information sheet, and a summary of counts", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Tổng hợp",
      "Các vụ việc, dư luận trong kỳ",
      "Thông tin",
    ]);
    expect(result.fileName).toBe("tong-hop_DL_MONTHLY_2026-11.xlsx");
    // Exempt counts as done, as on /trangthai; the overdue centre is the one missing.
    expect(result.summary).toEqual({ rows: 5, submitted: 4, missing: 1 });
  });

  it("lists every unit that owes the report, sent or not, with /trangthai's statuses", async () => {
    expect(rowValues(summary(), 1).slice(0, 10)).toEqual([
      "STT",
      "Mã đơn vị",
      "Tên đơn vị",
      "Báo cáo về",
      "Tình trạng",
      "Thời điểm nộp",
      "Người nộp",
      "Số tham chiếu",
      "Trạng thái duyệt",
      "Ghi chú",
    ]);
    const rows = [2, 3, 4, 5, 6].map((n) => rowValues(summary(), n).slice(0, 5));
    expect(rows).toEqual([
      [1, "MN-HS", "Trường Mầm non Hoa Sữa", "Phòng GD&ĐT huyện Kim Thành", "nộp muộn"],
      [2, "TH-DL", "Trường Tiểu học Đồng Lạc", "Phòng GD&ĐT huyện Kim Thành", "được miễn"],
      [3, "TH-KD", "Trường Tiểu học Kim Đồng", "Phòng GD&ĐT huyện Kim Thành", "đã nộp"],
      [4, "THCS-ND", "Trường THCS Nguyễn Du", "Phòng GD&ĐT huyện Kim Thành", "đã nộp"],
      [5, "TT-GDNN", "Trung tâm GDNN-GDTX huyện Kim Thành", "Phòng GD&ĐT huyện Kim Thành", "quá hạn"],
    ]);
    // The Văn phòng's /trangthai counts the same: 4 of the 5 owing units done, 1 missing.
    expect(joined(await f.h.text("tuan", "/trangthai"))).toContain(
      "tháng 11/2026 — hạn 24/11/2026: 4/5 đơn vị đã nộp, 1 chưa nộp",
    );
  });

  it("shows who sent what and when, the review, the reference, nil reports and exemptions", () => {
    const nd = unitRow("THCS-ND");
    expect(nd.slice(5, 10)).toEqual([
      new Date("2026-11-10T10:00:00.000Z"), // 10/11/2026 10:00 in Hà Nội, as Excel shows it
      "Nguyễn Thị Lan",
      f.nguyenDuRef,
      "đã tiếp nhận",
      null,
    ]);
    expect(summary().getCell(5, 6).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(unitRow("MN-HS").slice(5, 10)).toEqual([
      new Date("2026-11-25T08:30:00.000Z"),
      "Đặng Thị Thuỷ",
      f.kindergartenRef,
      "trả lại",
      null,
    ]);
    const kd = unitRow("TH-KD");
    expect(kd.slice(6, 10)).toEqual(["Lê Thị Hoa", f.kimDongRef, "đã gửi", "Không có phát sinh"]);
    // A nil report has no answers.
    expect(kd.slice(10).every((v) => v === null)).toBe(true);
    expect(unitRow("TH-DL").slice(5, 10)).toEqual([
      null,
      null,
      null,
      null,
      "Được miễn: Sáp nhập vào Trường Tiểu học Kim Đồng",
    ]);
    expect(unitRow("TT-GDNN").slice(5)).toEqual(new Array(17).fill(null));
  });

  it("writes answers as typed cells, labelled as in the plan", () => {
    const nd = unitRow("THCS-ND");
    const at = (header: string) => nd[column(header)];
    expect(at("Số tin, bài đăng trên trang thông tin điện tử (website) của đơn vị")).toBe(12);
    expect(at("Số gương điển hình, người tốt việc tốt đã gửi")).toBe(3);
    expect(at("Trong kỳ có vụ việc, dư luận quan tâm liên quan đến đơn vị không?")).toBe("Có");
    expect(
      unitRow("MN-HS")[column("Trong kỳ có vụ việc, dư luận quan tâm liên quan đến đơn vị không?")],
    ).toBe("Không");
    expect(at("Các vụ việc, dư luận trong kỳ (số mục)")).toBe(2);
    expect(at("Đề xuất, kiến nghị")).toBe("Đề nghị tập huấn viết tin.");
    expect(at("Tệp minh chứng (PDF, ảnh chụp, văn bản)")).toMatch(
      /^minh-chứng tháng 11\.pdf \(SHA-256: [0-9a-f]{12}\)$/,
    );
    expect(at("Đường dẫn minh chứng (thư mục chia sẻ, bài viết…), nếu có")).toEqual({
      text: "https://drive.google.com/drive/folders/thcs-nd-11",
      hyperlink: "https://drive.google.com/drive/folders/thcs-nd-11",
    });
    expect(unitRow("MN-HS")[column("Khó khăn, vướng mắc")]).toBe("Thiếu máy ảnh; cô Thuỷ kiêm nhiệm.");
  });

  it("adds a totals row of SUMs under the numeric columns", () => {
    const totals = rowValues(summary(), 7);
    expect(totals[2]).toBe("Tổng cộng");
    expect(totals[4]).toBe("3/5 đã nộp");
    const website = column("Số tin, bài đăng trên trang thông tin điện tử (website) của đơn vị");
    const letter = summary().getColumn(website + 1).letter;
    expect(totals[website]).toEqual({ formula: `SUM(${letter}2:${letter}6)`, result: 15 });
    expect(totals[column("Các vụ việc, dư luận trong kỳ (số mục)")]).toMatchObject({ result: 2 });
    // Texts are not summed.
    expect(totals[column("Đề xuất, kiến nghị")]).toBeNull();
    expect(totals[0]).toBeNull();
  });

  it("freezes the header and the unit, filters the data, and sizes the columns", () => {
    const sheet = summary();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 3 });
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(sheet.columnCount).letter}6`);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const width = (n: number) => sheet.getColumn(n).width ?? 0;
    expect(width(3)).toBeGreaterThanOrEqual("Trung tâm GDNN-GDTX huyện Kim Thành".length);
    expect(width(1)).toBeLessThan(width(3));
    expect(width(column("Khó khăn, vướng mắc") + 1)).toBeLessThanOrEqual(60);
  });

  it("puts each dư luận issue on the second sheet with its unit and number", () => {
    const sheet = workbook.getWorksheet("Các vụ việc, dư luận trong kỳ") as ExcelJS.Worksheet;
    expect(rowValues(sheet, 1)).toEqual([
      "STT",
      "Mã đơn vị",
      "Tên đơn vị",
      "Số tham chiếu",
      "Mục số",
      "Ngày phát hiện",
      "Vụ việc xuất hiện ở đâu?",
      "Tóm tắt nội dung vụ việc",
      "Mức độ",
      "Đơn vị đã xử lý thế nào (xác minh, báo cáo ai, trả lời, kết quả)?",
      "Tình trạng",
      "Đường dẫn bài viết liên quan (nếu có)",
    ]);
    expect(rowValues(sheet, 2)).toEqual([
      1,
      "THCS-ND",
      "Trường THCS Nguyễn Du",
      f.nguyenDuRef,
      1,
      new Date("2026-11-05T00:00:00.000Z"),
      "Mạng xã hội (Facebook, Zalo, TikTok…)",
      "Phụ huynh phản ánh trên Facebook về khoản thu đầu năm.",
      "Cao: lan rộng, báo chí đưa tin, cần chỉ đạo",
      "Đã xác minh, trả lời phụ huynh và báo cáo Phòng.",
      "Đã giải quyết xong",
      {
        text: "https://facebook.com/groups/phuhuynh/posts/1",
        hyperlink: "https://facebook.com/groups/phuhuynh/posts/1",
      },
    ]);
    expect(rowValues(sheet, 3).slice(4, 7)).toEqual([
      2,
      new Date("2026-11-07T00:00:00.000Z"),
      "Báo chí, đài phát thanh – truyền hình",
    ]);
    expect(sheet.getCell(2, 6).numFmt).toBe("dd/mm/yyyy");
    // No numeric question in an issue: no totals row.
    expect(sheet.rowCount).toBe(3);
  });

  it("says which report, period and deadline it is, with the counts", () => {
    const sheet = workbook.getWorksheet("Thông tin") as ExcelJS.Worksheet;
    const lines = Object.fromEntries(
      Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2) as [string, unknown]),
    );
    expect(lines).toMatchObject({
      "Báo cáo": "Báo cáo tháng công tác truyền thông và tình hình dư luận (DL_MONTHLY)",
      "Kỳ báo cáo": "tháng 11/2026 (2026-11)",
      "Hạn nộp": new Date("2026-11-24T23:59:59.999Z"),
      "Số đơn vị phải nộp": 5,
      "đã nộp": 2,
      "nộp muộn": 1,
      "quá hạn": 1,
      "được miễn": 1,
      "Trong đó: không có phát sinh": 1,
      "Thời điểm xuất": new Date("2026-11-26T10:00:00.000Z"),
    });
  });

  it("keeps Vietnamese names intact (NFC) through the file", () => {
    const names = [2, 3, 4, 5, 6].flatMap((n) => [
      summary().getCell(n, 3).value,
      summary().getCell(n, 7).value,
    ]);
    for (const name of names.filter((v): v is string => typeof v === "string"))
      expect(name).toBe(name.normalize("NFC"));
    expect(names).toContain("Đặng Thị Thuỷ");
    expect(names).toContain("Trường Tiểu học Đồng Lạc");
  });
});
