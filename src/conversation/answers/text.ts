/** Short and long free text, with character bounds from the plan (min/max) or sane defaults. */

import type { Lang } from "../../i18n/index";
import { formatNumber } from "./format-number";
import { fail, ok, type ParseResult } from "./result";

/** A one-line answer (a title, a name) longer than this is almost surely a paste in the wrong place. */
export const SHORT_TEXT_DEFAULT_MAX_CHARS = 500;
/** Long answers (a summary of the month) are still bounded so a state row stays small. */
export const LONG_TEXT_DEFAULT_MAX_CHARS = 4000;

interface TextBounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly long: boolean;
}

export function textLimit(bounds: TextBounds): number {
  return bounds.max ?? (bounds.long ? LONG_TEXT_DEFAULT_MAX_CHARS : SHORT_TEXT_DEFAULT_MAX_CHARS);
}

export function parseText(raw: string, bounds: TextBounds, lang: Lang): ParseResult<string> {
  // Short texts are one line: newlines from a paste become spaces. Long texts keep their lines.
  const value = bounds.long ? raw.trim() : raw.replace(/\s+/g, " ").trim();
  const length = [...value].length;
  if (length === 0) return fail("form:invalid.text_empty");
  const max = textLimit(bounds);
  if (length > max) {
    return fail("form:invalid.text_too_long", {
      length: formatNumber(length, lang),
      max: formatNumber(max, lang),
    });
  }
  if (bounds.min !== undefined && length < bounds.min) {
    return fail("form:invalid.text_too_short", {
      length: formatNumber(length, lang),
      min: formatNumber(bounds.min, lang),
    });
  }
  return ok(value);
}
