/**
 * A cell as read from a CSV (always text) or an XLSX (text, number, date…), and how to read one as
 * text or as a calendar date.
 */
import type { LocalDate } from "../domain/org";

export type Cell = string | number | boolean | Date | null;

/** One line of a file: its row number as the user sees it (Excel row, or CSV record, from 1). */
export interface RawRow {
  readonly rowNumber: number;
  readonly cells: readonly Cell[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Excel stores dates as UTC midnights (exceljs hands them over as such). */
function utcDay(d: Date): LocalDate {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return utcDay(cell);
  if (typeof cell === "number") return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return cell.replace(/\s+/g, " ").trim();
}

function validDay(year: number, month: number, day: number): LocalDate | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  const ok = year >= 1900 && year <= 2999 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  return ok ? utcDay(d) : undefined;
}

/** Day 0 of Excel's 1900 date system, as JavaScript counts it (Excel's fake 29/02/1900 included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy), yyyy-mm-dd, an Excel date, or an Excel day
 * number. Empty → null.
 */
export function parseDateCell(cell: Cell | undefined): { ok: true; value: LocalDate | null } | { ok: false } {
  if (cell === null || cell === undefined || cell === "") return { ok: true, value: null };
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? { ok: false } : { ok: true, value: utcDay(cell) };
  }
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 1 || cell > 400_000) return { ok: false };
    return { ok: true, value: utcDay(new Date(EXCEL_EPOCH_MS + cell * DAY_MS)) };
  }
  const text = cellText(cell);
  if (text === "") return { ok: true, value: null };
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const day = vn
    ? validDay(Number(vn[3]), Number(vn[2]), Number(vn[1]))
    : iso
      ? validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
      : undefined;
  return day ? { ok: true, value: day } : { ok: false };
}
