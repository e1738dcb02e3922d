/** Writes an export file as CSV or XLSX by its extension; atomically, so a reader never sees half a file. */
import fs from "node:fs/promises";
import path from "node:path";
import type { Cell } from "./cells";
import { toCsv } from "./csv";
import { formatOf } from "./read-file";
import { type SheetColumn, writeXlsx } from "./xlsx";

const pad = (n: number) => String(n).padStart(2, "0");

/** CSV dates are written the Vietnamese way, dd/mm/yyyy; imports read them back. */
function csvText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date)
    return `${pad(cell.getUTCDate())}/${pad(cell.getUTCMonth() + 1)}/${cell.getUTCFullYear()}`;
  return String(cell);
}

export async function writeTable(
  file: string,
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: readonly (readonly Cell[])[],
): Promise<{ ok: true } | { ok: false; reason: "unsupportedFormat" }> {
  const format = formatOf(file);
  if (!format) return { ok: false, reason: "unsupportedFormat" };
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    if (format === "csv") {
      await fs.writeFile(temp, toCsv([columns.map((c) => c.header), ...rows.map((r) => r.map(csvText))]));
    } else await writeXlsx(temp, sheetName, columns, rows);
    await fs.rename(temp, file);
  } finally {
    await fs.rm(temp, { force: true });
  }
  return { ok: true };
}

/** "2025-06-30" → a Date at UTC midnight, which Excel shows as 30/06/2025. */
export function dateCell(day: string | null): Date | null {
  return day === null ? null : new Date(`${day}T00:00:00Z`);
}
