/**
 * Dates the way Vietnamese people write them: dd/mm/yyyy first (also d/m/yyyy, dd-mm-yyyy,
 * dd.mm.yyyy, a two-digit year "5/11/26", dd/mm for the current year), "hôm nay"/"hôm qua" with or
 * without accents, and ISO "2026-11-24". Impossible dates (31/02) are refused, never rolled over.
 */
import type { LocalDate } from "../../domain/org";
import { addDays, formatDateVi, isValidLocalDate } from "../../domain/time";
import { fold } from "../text";
import { fail, ok, type ParseResult, quoted } from "./result";

const TODAY_WORDS = new Set(["hom nay", "homnay", "today", "nay"]);
const YESTERDAY_WORDS = new Set(["hom qua", "homqua", "yesterday", "qua"]);

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `today` is the local date in Asia/Ho_Chi_Minh, passed in (the engine never reads the clock). */
export function parseDate(raw: string, today: LocalDate): ParseResult<LocalDate> {
  const words = fold(raw).replace(/^ngay\s+/, "");
  if (TODAY_WORDS.has(words)) return ok(today);
  if (YESTERDAY_WORDS.has(words)) return ok(addDays(today, -1));
  const invalid = fail<LocalDate>("form:invalid.date", { input: quoted(raw), example: formatDateVi(today) });

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(words);
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?$/.exec(words);
  let year: number;
  let month: number;
  let day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (dmy) {
    day = Number(dmy[1]);
    month = Number(dmy[2]);
    const y = dmy[3];
    year = y === undefined ? Number(today.slice(0, 4)) : y.length === 2 ? 2000 + Number(y) : Number(y);
  } else {
    return invalid;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2999) {
    return fail("form:invalid.date_impossible", { input: quoted(raw), example: formatDateVi(today) });
  }
  const value = `${year}-${pad(month)}-${pad(day)}`;
  if (!isValidLocalDate(value)) {
    return fail("form:invalid.date_impossible", { input: quoted(raw), example: formatDateVi(today) });
  }
  return ok(value);
}
