/** Writing import files for tests: CSV as Excel or LibreOffice would save it, XLSX through exceljs. */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

export function writeCsvFile(
  dir: string,
  name: string,
  rows: readonly (readonly string[])[],
  options: { bom?: boolean; delimiter?: string; eol?: string } = {},
): string {
  const delimiter = options.delimiter ?? ",";
  const quote = (v: string) =>
    /["\r\n]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v;
  const text = rows.map((r) => r.map(quote).join(delimiter)).join(options.eol ?? "\r\n");
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${options.bom ? "\uFEFF" : ""}${text}\n`);
  return file;
}

export async function writeXlsxFile(
  dir: string,
  name: string,
  rows: readonly (readonly ExcelJS.CellValue[])[],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow([...row]);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

export const UNIT_HEADER = [
  "code",
  "name",
  "kind",
  "parent_code",
  "levels",
  "reports_to_code",
  "valid_from",
  "valid_to",
];
export const PERSON_HEADER = ["unit_code", "full_name", "role", "phone", "email", "address_as"];
