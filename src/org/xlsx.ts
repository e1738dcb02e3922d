/**
 * XLSX through exceljs, the only importer of it. We read the first worksheet and write one styled
 * sheet: bold, filled, frozen header row; column widths; dates as real Excel dates (dd/mm/yyyy).
 */
import ExcelJS from "exceljs";
import type { Cell, RawRow } from "./cells";

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : String(value.hyperlink);
  if ("result" in value || "formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null || typeof result === "object") {
      return result instanceof Date ? result : null;
    }
    return result as string | number | boolean;
  }
  return null; // an error value such as #N/A
}

/** Every non-empty row of the first worksheet, with Excel's row numbers. */
export async function readXlsx(bytes: Uint8Array): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    // row.values is 1-based and sparse: index 0 is always empty.
    const values = row.values as ExcelJS.CellValue[];
    for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
    rows.push({ rowNumber, cells });
  });
  return rows;
}

export interface SheetColumn {
  readonly header: string;
  readonly widthChars: number;
  readonly date?: boolean;
}

const HEADER_FILL_ARGB = "FFDDEBF7";

export async function writeXlsx(
  file: string,
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "baocao";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: `c${i}`,
    width: c.widthChars,
    ...(c.date ? { style: { numFmt: "dd/mm/yyyy" } } : {}),
  }));
  for (const row of rows) sheet.addRow(row.map((v) => v ?? null));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL_ARGB } };
    cell.border = { bottom: { style: "thin" } };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  await workbook.xlsx.writeFile(file);
}
