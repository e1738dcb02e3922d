/**
 * Answers as typed spreadsheet cells: numbers stay numbers (so the office can add them up), dates
 * become dates, yes/no "Có"/"Không", choices their labels, files their name with a short SHA-256
 * (to match against the stored evidence), links clickable. Pure: no workbook library here.
 */
import { localized } from "../conversation/text";
import type { Question } from "../domain/plan";
import { isValidLocalDate, VN_UTC_OFFSET_MINUTES } from "../domain/time";
import type { Lang, Translate } from "../i18n/index";

export type CellValue = string | number | Date | { readonly text: string; readonly hyperlink: string } | null;

/** How a column is shown and totalled. */
export type ColumnKind = "text" | "long_text" | "number" | "date" | "instant" | "link";

/** Hex digits of the SHA-256 shown next to a file name: enough to tell files apart by eye. */
export const SHA256_SHORT_CHARS = 12;

export function columnKind(q: Question): ColumnKind {
  switch (q.type) {
    case "integer":
    case "decimal":
    case "group":
      return "number";
    case "date":
      return "date";
    case "url":
      return "link";
    case "long_text":
      return "long_text";
    default:
      return "text";
  }
}

/** "2026-11-05" → a Date at UTC midnight, which Excel shows as 05/11/2026 whatever the time zone. */
export function dateCell(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** An instant as its Hà Nội wall-clock time, for a date-time cell (Excel has no time zones). */
export function localInstantCell(at: Date): Date {
  return new Date(at.getTime() + VN_UTC_OFFSET_MINUTES * 60 * 1000);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Only web links become hyperlinks: a "javascript:" or "file:" answer stays inert text. */
function linkCell(text: string): CellValue {
  return /^https?:\/\/\S+$/i.test(text) ? { text, hyperlink: text } : text;
}

export interface CellText {
  readonly t: Translate;
  readonly lang: Lang;
}

/** The cell of one answer; a value of an unexpected shape (an older form) is shown as text. */
export function answerCell(q: Question, value: unknown, ct: CellText): CellValue {
  if (value === undefined || value === null) return null;
  const label = (v: string) => {
    const option = q.options?.find((o) => o.value === v);
    return option ? localized(option.label, ct.lang) : v;
  };
  switch (q.type) {
    case "integer":
    case "decimal":
      if (typeof value === "number" && Number.isFinite(value)) return value;
      break;
    case "date":
      if (typeof value === "string" && isValidLocalDate(value)) return dateCell(value);
      break;
    case "yes_no":
      if (typeof value === "boolean") return ct.t(value ? "exports:value.yes" : "exports:value.no");
      break;
    case "choice":
      if (typeof value === "string") return label(value);
      break;
    case "multi_choice":
      if (Array.isArray(value)) return value.map((v) => label(String(v))).join("; ");
      break;
    case "file":
      if (isRecord(value) && typeof value.name === "string") {
        const sha = typeof value.sha256 === "string" ? value.sha256.slice(0, SHA256_SHORT_CHARS) : "";
        return sha ? ct.t("exports:value.file", { name: value.name, sha }) : value.name;
      }
      break;
    case "url":
      if (typeof value === "string") return linkCell(value);
      break;
    case "group":
      // Sheet 1 shows how many items; the items have their own sheet.
      if (Array.isArray(value)) return value.length;
      break;
    default:
      if (typeof value === "string") return value;
  }
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  return JSON.stringify(value);
}

/** The text a cell shows, for column widths. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return "00/00/0000 00:00";
  if (typeof value === "object") return value.text;
  return String(value);
}
