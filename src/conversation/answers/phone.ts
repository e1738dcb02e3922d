/**
 * Vietnamese phone numbers, stored in E.164 ("+84912345678"). Accepted: mobile numbers of 10
 * digits starting 03/05/07/08/09 and landlines of 11 digits starting 02 (the 2017 area-code
 * plan), written with spaces, dots, dashes or brackets, with 0, 84 or +84 in front.
 */
import { fail, ok, type ParseResult, quoted } from "./result";

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

export function parsePhone(raw: string): ParseResult<string> {
  const compact = raw.trim().replace(/[\s.\-()]/g, "");
  let national = compact;
  if (/^\+?84\d{9,10}$/.test(compact)) national = `0${compact.replace(/^\+?84/, "")}`;
  if (!MOBILE.test(national) && !LANDLINE.test(national)) {
    return fail("form:invalid.phone", { input: quoted(raw) });
  }
  return ok(`+84${national.slice(1)}`);
}

/** "+84912345678" → "0912 345 678", "+842838123456" → "028 3812 3456" (how people read them). */
export function formatPhone(e164: string): string {
  const national = e164.startsWith("+84") ? `0${e164.slice(3)}` : e164;
  if (national.length === 10) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (national.length === 11) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  return national;
}
