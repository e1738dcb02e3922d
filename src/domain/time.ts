/**
 * Local time in Asia/Ho_Chi_Minh. Vietnam has used UTC+7 without daylight saving since 1975, so a
 * fixed offset is exact for every date baocao deals with (and much faster than Intl per call).
 */
import type { LocalDate } from "./org";

export const VN_UTC_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VN_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** The local calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Local wall-clock time "HH:MM" of an instant. */
export function localTimeOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant at which a local date and time ("HH:MM" or "HH:MM:SS") occurs. */
export function instantAt(date: LocalDate, time = "00:00"): Date {
  const [h = "0", m = "0", s = "0"] = time.split(":");
  const ms = Date.parse(`${date}T00:00:00.000Z`) + ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
  return new Date(ms - OFFSET_MS);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

export function isValidLocalDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** "2026-11-24" → "24/11/2026", the everyday Vietnamese form. */
export function formatDateVi(date: LocalDate): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}
