/**
 * A month of DL_MONTHLY for the export tests, on the runner's harness (real bot, real SQLite, real
 * migrations): THCS Nguyễn Du sends through the chat with two dư luận issues, a PDF and a link
 * (accepted by the office); Kim Đồng sends "Không có phát sinh"; a kindergarten sends late and is
 * returned; a school is exempted; a centre sends nothing. Names carry Vietnamese diacritics.
 */
import ExcelJS from "exceljs";
import { addExemption } from "../../src/db/exemptions";
import { insertSubmission, setReviewState } from "../../src/db/submissions";
import type { Plan } from "../../src/domain/plan";
import { getPreset } from "../../src/plan/index";
import { type Harness, joined, P, startHarness, to, U } from "../conversation/runner/harness";

/** The modern preset where DL_MONTHLY accepts nil reports and goes to the unit it reports to. */
export function exportPlan(): Plan {
  const modern = getPreset("modern") as Plan;
  return {
    ...modern,
    obligations: modern.obligations.map((o) =>
      o.code === "DL_MONTHLY"
        ? { ...o, nil_report: true, submit_to: { relation: "reports_to" as const } }
        : o,
    ),
  };
}

export const X = {
  kindergarten: "u-mn-hs",
  dongLac: "u-th-dl",
  centre: "u-tt-gdnn",
  thuy: "p-thuy",
} as const;

export const PDF = new TextEncoder().encode("%PDF-1.4 minh chung thang 11");

async function addUnitsAndPeople(h: Harness): Promise<void> {
  const at = "2026-01-01T00:00:00.000Z";
  const unit = (id: string, code: string, name: string, kind: string, levels: string) => ({
    id,
    code,
    name,
    short_name: null,
    kind,
    levels,
    parent_id: U.district,
    reports_to_id: U.district,
    valid_from: null,
    valid_to: null,
    phone: null,
    email: null,
    created_at: at,
    updated_at: at,
  });
  await h.db
    .insertInto("units")
    .values([
      unit(X.kindergarten, "MN-HS", "Trường Mầm non Hoa Sữa", "school", "mn"),
      unit(X.dongLac, "TH-DL", "Trường Tiểu học Đồng Lạc", "school", "th"),
      unit(X.centre, "TT-GDNN", "Trung tâm GDNN-GDTX huyện Kim Thành", "center", ""),
    ])
    .execute();
  await h.db
    .insertInto("people")
    .values({
      id: X.thuy,
      full_name: "Đặng Thị Thuỷ",
      phone: null,
      email: null,
      address_as: "co",
      created_at: at,
      updated_at: at,
    })
    .execute();
  await h.db
    .insertInto("memberships")
    .values({
      id: "m-thuy",
      person_id: X.thuy,
      unit_id: X.kindergarten,
      role: "comms",
      valid_from: null,
      valid_to: null,
      created_at: at,
    })
    .execute();
}

async function say(h: Harness, chat: string, text: string): Promise<string> {
  return joined(to(await h.text(chat, text), chat));
}

/** THCS Nguyễn Du's November report through the chat, two issues, a PDF, a link; its reference. */
async function nguyenDuThroughChat(h: Harness): Promise<string> {
  await h.tap("lan", `report:DL_MONTHLY:2026-11:${U.nguyenDu}`);
  for (const n of ["12", "4", "2", "1", "0", "3"]) await say(h, "lan", n);
  await say(h, "lan", "có");
  for (const a of [
    "05/11/2026",
    "1",
    "Phụ huynh phản ánh trên Facebook về khoản thu đầu năm.",
    "3",
    "Đã xác minh, trả lời phụ huynh và báo cáo Phòng.",
    "1",
    "facebook.com/groups/phuhuynh/posts/1",
    "có",
    "07/11/2026",
    "2",
    "Báo địa phương hỏi về bữa ăn bán trú.",
    "2",
    "Đang làm việc với phóng viên.",
    "2",
    "/boqua",
    "không",
    "/boqua",
    "Đề nghị tập huấn viết tin.",
  ])
    await say(h, "lan", a);
  await h.file("lan", { name: "minh-chứng tháng 11.pdf", mimeType: "application/pdf", bytes: PDF });
  await say(h, "lan", "https://drive.google.com/drive/folders/thcs-nd-11");
  const receipt = joined(await h.tap("lan", "c:submit"));
  const ref = /BC-\d{4}-\d{4,9}/.exec(receipt)?.[0];
  if (!ref) throw new Error(`no receipt: ${receipt}`);
  return ref;
}

export interface ExportFixture {
  readonly h: Harness;
  readonly nguyenDuRef: string;
  readonly kimDongRef: string;
  readonly kindergartenRef: string;
}

/** The month above; the clock ends on 26/11/2026 10:00 (after the 24/11 deadline). */
export async function startExportFixture(): Promise<ExportFixture> {
  const h = await startHarness({ plan: exportPlan() });
  await addUnitsAndPeople(h);
  const nguyenDuRef = await nguyenDuThroughChat(h);
  // The office accepts it from the chat.
  await h.text("tuan", `chấp nhận ${nguyenDuRef}`);

  // Kim Đồng: "Không có phát sinh".
  await h.tap("hoa", `report:DL_MONTHLY:2026-11:${U.kimDong}`);
  await h.tap("hoa", "c:nil");
  const nil = joined(await h.tap("hoa", "c:submit"));
  const kimDongRef = /BC-\d{4}-\d{4,9}/.exec(nil)?.[0] ?? "";

  // Hoa Sữa: sent late (25/11 08:30), then returned by the office.
  const late = await insertSubmission(h.db, {
    id: "s-mn-hs",
    reference: "BC-2611-7001",
    unitId: X.kindergarten,
    obligationCode: "DL_MONTHLY",
    periodKey: "2026-11",
    formVersion: 1,
    answers: {
      articles_website: 3,
      posts_fanpage: 5,
      posts_zalo_oa: 0,
      items_so_website: 1,
      press_articles: 0,
      exemplary_stories: 1,
      has_issues: false,
      issues: [],
      difficulties: "Thiếu máy ảnh; cô Thuỷ kiêm nhiệm.",
    },
    nil: false,
    byPerson: X.thuy,
    at: new Date("2026-11-25T01:30:00.000Z"),
    dueAt: new Date("2026-11-24T16:59:59.999Z"),
    revisionId: "r-mn-hs-1",
    revisionKey: "test:mn-hs",
    source: "chat",
  });
  await setReviewState(h.db, late.id, "returned");

  await addExemption(
    h.db,
    {
      unitId: X.dongLac,
      obligationCode: "DL_MONTHLY",
      periodKey: "2026-11",
      reason: "Sáp nhập vào Trường Tiểu học Kim Đồng",
      createdBy: P.tuan,
    },
    h.now,
  );
  h.now = new Date("2026-11-26T03:00:00.000Z");
  return { h, nguyenDuRef, kimDongRef, kindergartenRef: late.reference };
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A row's values from column 1 (exceljs rows are 1-based and sparse). */
export function rowValues(sheet: ExcelJS.Worksheet, n: number): ExcelJS.CellValue[] {
  const values = sheet.getRow(n).values as ExcelJS.CellValue[];
  return Array.from({ length: sheet.columnCount }, (_, i) => values[i + 1] ?? null);
}
