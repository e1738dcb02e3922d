/**
 * The office's workbook of one report and period. Sheet 1 "Tổng hợp": one row per unit that owes
 * it, submitted or not, with its status, who sent it and when, its review, then one column per
 * question of the plan's form and a totals row. Then one sheet per repeatable group of the form
 * (the dư luận issues of a monthly report…): one row per item with the unit and the item's number.
 * Last, "Thông tin": which report, which period, the deadline, the counts, when it was made.
 */
import ExcelJS from "exceljs";
import { localized } from "../conversation/text";
import type { ReviewState } from "../db/submissions";
import { periodLabel } from "../domain/period-labels";
import type { Question } from "../domain/plan";
import type { ReportStatus } from "../domain/status";
import type { Lang, Translate } from "../i18n/index";
import { answerCell, type CellText, type CellValue, columnKind, localInstantCell } from "./cells";
import type { ExportData, ExportRow } from "./collect";
import { addTable, type SheetColumn, sheetName } from "./sheet";

export interface WorkbookText {
  readonly t: Translate;
  readonly lang: Lang;
}

const STATUS_KEYS: Readonly<Record<ReportStatus, string>> = {
  submitted_on_time: "exports:status.onTime",
  submitted_late: "exports:status.late",
  not_open: "exports:status.missing",
  open: "exports:status.missing",
  overdue: "exports:status.overdue",
  exempt: "exports:status.exempt",
};

const REVIEW_KEYS: Readonly<Record<ReviewState, string>> = {
  submitted: "exports:review.submitted",
  resubmitted: "exports:review.resubmitted",
  returned: "exports:review.returned",
  accepted: "exports:review.accepted",
};

/** Unit code and name stay in view when scrolling right. */
const FROZEN_COLUMNS = 3;

function questionColumn(q: Question, wt: WorkbookText): SheetColumn {
  const label = localized(q.label, wt.lang);
  const kind = columnKind(q);
  return {
    header: q.type === "group" ? wt.t("exports:column.groupCount", { label }) : label,
    kind,
    total: kind === "number",
  };
}

function note(row: ExportRow, nilAllowed: boolean, t: Translate): string | null {
  const notes: string[] = [];
  if (row.submission?.nil) notes.push(t(nilAllowed ? "exports:note.nil" : "exports:note.nilRefused"));
  if (row.exemption) notes.push(t("exports:note.exempt", { reason: row.exemption.reason ?? "" }).trim());
  return notes.length > 0 ? notes.join("; ") : null;
}

function summaryTable(data: ExportData, questions: readonly Question[], wt: WorkbookText, name: string) {
  const { t } = wt;
  const ct: CellText = wt;
  const columns: SheetColumn[] = [
    { header: t("exports:column.index"), kind: "number" },
    { header: t("exports:column.unitCode"), kind: "text" },
    { header: t("exports:column.unitName"), kind: "text" },
    { header: t("exports:column.submitTo"), kind: "text" },
    { header: t("exports:column.status"), kind: "text" },
    { header: t("exports:column.submittedAt"), kind: "instant" },
    { header: t("exports:column.submittedBy"), kind: "text" },
    { header: t("exports:column.reference"), kind: "text" },
    { header: t("exports:column.review"), kind: "text" },
    { header: t("exports:column.note"), kind: "text" },
    ...questions.map((q) => questionColumn(q, wt)),
  ];
  const rows = data.rows.map((row, i): CellValue[] => {
    const s = row.submission;
    const answers = s && !s.nil ? s.answers : null;
    return [
      i + 1,
      row.unit.code,
      row.unit.name,
      row.submitTo?.name ?? null,
      t(STATUS_KEYS[row.status]),
      s ? localInstantCell(s.submittedAt) : null,
      s?.submittedByName ?? null,
      s?.reference ?? null,
      s ? t(REVIEW_KEYS[s.reviewState]) : null,
      note(row, data.obligation.nil_report, t),
      ...questions.map((q) => (answers ? answerCell(q, answers[q.id], ct) : null)),
    ];
  });
  const submitted = data.rows.filter(
    (r) => r.status === "submitted_on_time" || r.status === "submitted_late",
  );
  return {
    name,
    columns,
    rows,
    frozenColumns: FROZEN_COLUMNS,
    totals: {
      label: t("exports:column.total"),
      column: 2,
      texts: new Map([
        [4, t("exports:totalStatus", { submitted: submitted.length, rows: data.rows.length })],
      ]),
    },
  };
}

function groupTable(data: ExportData, group: Question, wt: WorkbookText, name: string) {
  const { t } = wt;
  const subs = group.questions ?? [];
  const columns: SheetColumn[] = [
    { header: t("exports:column.index"), kind: "number" },
    { header: t("exports:column.unitCode"), kind: "text" },
    { header: t("exports:column.unitName"), kind: "text" },
    { header: t("exports:column.reference"), kind: "text" },
    { header: t("exports:column.item"), kind: "number" },
    ...subs.map((q) => questionColumn(q, wt)),
  ];
  const rows: CellValue[][] = [];
  for (const row of data.rows) {
    const s = row.submission;
    const items = s && !s.nil ? s.answers[group.id] : undefined;
    if (!s || !Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      const record = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
      rows.push([
        rows.length + 1,
        row.unit.code,
        row.unit.name,
        s.reference,
        index + 1,
        ...subs.map((q) => answerCell(q, record[q.id], wt)),
      ]);
    });
  }
  return {
    name,
    columns,
    rows,
    frozenColumns: FROZEN_COLUMNS,
    totals: { label: t("exports:column.total"), column: 2 },
  };
}

function infoTable(data: ExportData, wt: WorkbookText, name: string) {
  const { t } = wt;
  const label = periodLabel(data.scheduled.period);
  const count = (...statuses: ReportStatus[]) => data.rows.filter((r) => statuses.includes(r.status)).length;
  const lines: [string, CellValue][] = [
    [t("exports:info.report"), `${localized(data.obligation.name, wt.lang)} (${data.obligation.code})`],
    [t("exports:info.period"), `${t(label.key, label.params)} (${data.scheduled.period.key})`],
    [t("exports:info.due"), localInstantCell(new Date(data.scheduled.dueAt))],
    [t("exports:info.units"), data.rows.length],
    [t("exports:status.onTime"), count("submitted_on_time")],
    [t("exports:status.late"), count("submitted_late")],
    [t("exports:status.missing"), count("open", "not_open")],
    [t("exports:status.overdue"), count("overdue")],
    [t("exports:status.exempt"), count("exempt")],
    [t("exports:info.nil"), data.rows.filter((r) => r.submission?.nil).length],
    [t("exports:info.at"), localInstantCell(data.at)],
  ];
  const columns: SheetColumn[] = [
    { header: t("exports:info.what"), kind: "text" },
    { header: t("exports:info.value"), kind: "text" },
  ];
  return { name, columns, rows: lines, frozenColumns: 0, filter: false };
}

export async function submissionsWorkbook(data: ExportData, wt: WorkbookText): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "baocao";
  workbook.created = data.at;
  // The totals are formulas: Excel and LibreOffice compute them again when the file opens.
  workbook.calcProperties.fullCalcOnLoad = true;
  const questions = data.obligation.form?.questions ?? [];
  const taken = new Set<string>();
  const named = (wanted: string) => {
    const name = sheetName(wanted, taken);
    taken.add(name);
    return name;
  };
  addTable(workbook, summaryTable(data, questions, wt, named(wt.t("exports:sheet.summary"))));
  const infoName = named(wt.t("exports:sheet.info"));
  for (const group of questions.filter((q) => q.type === "group"))
    addTable(workbook, groupTable(data, group, wt, named(localized(group.label, wt.lang))));
  const info = addTable(workbook, infoTable(data, wt, infoName));
  // Dates and times in the second column of "Thông tin" (the deadline, when it was made).
  info.getColumn(2).eachCell((cell) => {
    if (cell.value instanceof Date) cell.numFmt = "dd/mm/yyyy hh:mm";
  });
  info.getColumn(2).alignment = { horizontal: "left" };
  const bytes = await workbook.xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}
