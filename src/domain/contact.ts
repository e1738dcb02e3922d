/**
 * Phone numbers, e-mail addresses and names as people type them, reduced to one form so that the
 * same person is found however they were written ("+84 912.345.678" = "0912345678").
 */

export type ContactResult = { ok: true; value: string } | { ok: false };

/** Mobile numbers have 10 digits (03x, 05x, 07x, 08x, 09x); landlines 11 (02xx area codes). */
const VN_PHONE = /^0(?:[35789]\d{8}|2\d{9})$/;

/**
 * "+84 912 345 678", "84912345678", "0912.345.678", "(0203) 3812 345" → "0912345678"/"02033812345".
 * A number without its leading 0 (what Excel makes of 0912345678 typed into a number cell) is
 * accepted too.
 */
export function normalizePhone(input: string): ContactResult {
  let digits = input.trim().replace(/[\s.\-()/]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("0084")) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith("84") && (digits.length === 11 || digits.length === 12)) {
    digits = `0${digits.slice(2)}`;
  } else if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) digits = `0${digits}`;
  return VN_PHONE.test(digits) ? { ok: true, value: digits } : { ok: false };
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** E-mail addresses compare case-insensitively in practice; we store them lower-cased. */
export function normalizeEmail(input: string): ContactResult {
  const value = input.trim().toLowerCase();
  return EMAIL.test(value) ? { ok: true, value } : { ok: false };
}

/**
 * Lower-cased, accents removed (đ → d), whitespace collapsed: "  Nguyễn  Thị Lan" → "nguyen thi lan".
 * For matching what people type, never for display.
 */
export function foldText(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
