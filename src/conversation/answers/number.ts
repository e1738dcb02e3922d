/**
 * Integers and decimals as Vietnamese offices type them. Vietnamese usage comes first: "." groups
 * thousands and "," marks decimals ("1.234,5" = 1234.5, "1,5" = 1.5, "1.234" = 1234). English
 * input is understood where it cannot be misread: "1234.5", "1,234.5", "1,234,567". The two
 * ambiguous shapes are decided the Vietnamese way and documented in README.md:
 *   - one "." followed by exactly three digits after 1–3 digits ("1.234", "12.500") is a thousands
 *     separator; any other single "." is a decimal point ("1234.5", "0.500", "3.14");
 *   - one "," is always a decimal comma ("1,234" = 1.234).
 * Spaces inside the number ("1 234") are ignored; "−" and "-" make it negative; "không" is 0.
 */
import type { Lang } from "../../i18n/index";
import { fold } from "../text";
import { formatNumber } from "./format-number";
import { fail, ok, type ParseResult, quoted } from "./result";

/** Beyond this a double no longer holds every integer exactly; nobody reports such counts. */
const MAX_ABS_VALUE = 1e15;
const ZERO_WORDS = new Set(["khong", "khong co", "zero"]);

function grouped(intPart: string, sep: string): string | null {
  if (!sep) return /^\d+$/.test(intPart) ? intPart : null;
  const parts = intPart.split(sep);
  const [first, ...rest] = parts;
  if (first === undefined || !/^\d{1,3}$/.test(first) || !rest.every((p) => /^\d{3}$/.test(p))) return null;
  return parts.join("");
}

/** The number written in `raw`, or null when it is not a number in any accepted shape. */
export function readNumber(raw: string): number | null {
  if (ZERO_WORDS.has(fold(raw))) return 0;
  const s = raw
    .normalize("NFKC")
    .replace(/[\s\u00a0\u2009\u202f]/g, "")
    .replace(/^[−–]/, "-");
  const m = /^([+-]?)(\d[\d.,]*)$/.exec(s);
  if (!m) return null;
  const negative = m[1] === "-";
  const body = m[2] as string;
  if (/[.,]$/.test(body)) return null;
  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  let digits: string | null;
  let fraction = "";
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    const at = body.lastIndexOf(decimal);
    fraction = body.slice(at + 1);
    digits = grouped(body.slice(0, at), thousands);
    if (!/^\d+$/.test(fraction)) return null;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? "." : ",";
    const pieces = body.split(sep);
    if (pieces.length > 2) {
      digits = grouped(body, sep);
    } else {
      const [left = "", right = ""] = pieces;
      const thousands = sep === "." && right.length === 3 && /^[1-9]\d{0,2}$/.test(left);
      digits = thousands ? left + right : left;
      fraction = thousands ? "" : right;
    }
  } else {
    digits = body;
  }
  if (digits === null) return null;
  const value = Number(fraction ? `${digits}.${fraction}` : digits);
  if (!Number.isFinite(value) || Math.abs(value) > MAX_ABS_VALUE) return null;
  return negative && value !== 0 ? -value : value;
}

interface Bounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/** i18next context selecting the message variant that states the allowed range. */
function boundsContext({ min, max }: Bounds): string | undefined {
  if (min !== undefined && max !== undefined) return "range";
  if (min !== undefined) return "min";
  if (max !== undefined) return "max";
  return undefined;
}

function example(bounds: Bounds, integer: boolean): number {
  const preferred = integer ? 5 : 2.5;
  if (bounds.min !== undefined && preferred < bounds.min) return bounds.min;
  if (bounds.max !== undefined && preferred > bounds.max) return bounds.max;
  return preferred;
}

function params(raw: string, bounds: Bounds, integer: boolean, lang: Lang): Record<string, unknown> {
  const p: Record<string, unknown> = {
    input: quoted(raw),
    example: formatNumber(example(bounds, integer), lang),
  };
  const context = boundsContext(bounds);
  if (context) p.context = context;
  if (bounds.min !== undefined) p.min = formatNumber(bounds.min, lang);
  if (bounds.max !== undefined) p.max = formatNumber(bounds.max, lang);
  return p;
}

export function parseInteger(raw: string, bounds: Bounds, lang: Lang): ParseResult<number> {
  const value = readNumber(raw);
  if (value === null || !Number.isSafeInteger(value)) {
    return fail("form:invalid.integer", params(raw, bounds, true, lang));
  }
  return checkBounds(value, raw, bounds, true, lang);
}

export function parseDecimal(raw: string, bounds: Bounds, lang: Lang): ParseResult<number> {
  const value = readNumber(raw);
  if (value === null) return fail("form:invalid.decimal", params(raw, bounds, false, lang));
  return checkBounds(value, raw, bounds, false, lang);
}

function checkBounds(
  value: number,
  raw: string,
  bounds: Bounds,
  integer: boolean,
  lang: Lang,
): ParseResult<number> {
  if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
    const key = integer ? "form:invalid.integer_out" : "form:invalid.decimal_out";
    return fail(key, { ...params(raw, bounds, integer, lang), value: formatNumber(value, lang) });
  }
  return ok(value);
}
