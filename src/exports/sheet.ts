/**
 * One styled table per worksheet, through exceljs: a bold, filled, wrapped header row that stays
 * frozen (with the first columns, so the unit stays in view), an autofilter over the data, typed
 * cells with Vietnamese date formats, clickable links, wrapped long texts, a totals row of SUM
 * formulas under the numeric columns (with their value cached, so viewers that do not recalculate
 * still show it), and widths from the content.
 */
import type ExcelJS from "exceljs";
import { type CellValue, type ColumnKind, cellText } from "./cells";

export interface SheetColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  /** Summed in the totals row (numeric columns only). */
  readonly total?: boolean | undefined;
}

export interface SheetTable {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Columns kept in view when scrolling right. */
  readonly frozenColumns: number;
  /** The totals row: its label and the (0-based) column it goes in; other texts by column. */
  readonly totals?: {
    readonly label: string;
    readonly column: number;
    readonly texts?: ReadonlyMap<number, string>;
  };
  /** Default true: an autofilter over the header and the data rows (not the totals). */
  readonly filter?: boolean | undefined;
}

const HEADER_FILL_ARGB = "FFDDEBF7";
const TOTALS_FILL_ARGB = "FFF2F2F2";
const LINK_ARGB = "FF0563C1";
const MIN_WIDTH_CHARS = 6;
const MAX_WIDTH_CHARS = 60;
/** Long headers wrap rather than widen a column of small numbers. */
const HEADER_WIDTH_CHARS = 24;

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  date: "dd/mm/yyyy",
  instant: "dd/mm/yyyy hh:mm",
};

function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (value instanceof Date || typeof value !== "object") return value;
  return { text: value.text, hyperlink: value.hyperlink };
}

function widthOf(column: SheetColumn, rows: readonly (readonly CellValue[])[], index: number): number {
  let longest = Math.min([...column.header].length, HEADER_WIDTH_CHARS);
  for (const row of rows) {
    // Multi-line texts are as wide as their longest line.
    for (const line of cellText(row[index] ?? null).split("\n"))
      longest = Math.max(longest, [...line].length);
  }
  return Math.max(MIN_WIDTH_CHARS, Math.min(MAX_WIDTH_CHARS, longest + 2));
}

export function addTable(workbook: ExcelJS.Workbook, table: SheetTable): ExcelJS.Worksheet {
  const { columns, rows } = table;
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: "frozen", xSplit: table.frozenColumns, ySplit: 1 }],
  });
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: widthOf(c, rows, i),
    ...(NUM_FMT[c.kind] ? { style: { numFmt: NUM_FMT[c.kind] } } : {}),
  }));

  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL_ARGB } };
    cell.border = { bottom: { style: "thin" } };
  });

  for (const values of rows) {
    const row = sheet.addRow(values.map(excelValue));
    columns.forEach((c, i) => {
      const value = values[i] ?? null;
      const cell = row.getCell(i + 1);
      if (c.kind === "long_text") cell.alignment = { vertical: "top", wrapText: true };
      if (value !== null && typeof value === "object" && !(value instanceof Date))
        cell.font = { color: { argb: LINK_ARGB }, underline: true };
    });
  }

  const lastData = rows.length + 1;
  const totalled = table.totals && (columns.some((c) => c.total) || (table.totals.texts?.size ?? 0) > 0);
  if (table.totals && totalled && rows.length > 0) {
    const values: ExcelJS.CellValue[] = columns.map((c, i) => {
      if (i === table.totals?.column) return table.totals.label;
      const text = table.totals?.texts?.get(i);
      if (text !== undefined) return text;
      if (!c.total) return null;
      const letter = sheet.getColumn(i + 1).letter;
      const result = rows.reduce((sum, r) => sum + (typeof r[i] === "number" ? (r[i] as number) : 0), 0);
      return { formula: `SUM(${letter}2:${letter}${lastData})`, result };
    });
    const totals = sheet.addRow(values);
    totals.font = { bold: true };
    totals.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: TOTALS_FILL_ARGB } };
      cell.border = { top: { style: "thin" } };
    });
  }
  if (table.filter !== false)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastData, column: columns.length } };
  return sheet;
}

/** A worksheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
  const clean =
    wanted
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "Sheet";
  const chars = [...clean];
  let name = chars.slice(0, 31).join("").trim();
  for (let n = 2; [...taken].some((t) => t.toLowerCase() === name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${chars
      .slice(0, 31 - suffix.length)
      .join("")
      .trim()}${suffix}`;
  }
  return name;
}
