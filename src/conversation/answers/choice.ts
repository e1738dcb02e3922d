/**
 * Single and multiple choice. An option is chosen by its button (payload), by its number in the
 * list ("2"), or by typing its label or value, accents and case ignored ("trang web" = "Trang web").
 *
 * Multiple choice, designed for phones: one message can carry the whole answer ("1,3", "1 3",
 * "1 và 3", "Website, Fanpage"); with buttons, each tap toggles an option (✓) and "Xong" confirms.
 */
import type { ChoiceOption } from "../../domain/plan";
import { fold, utf8Bytes } from "../text";
import { fail, ok, type ParseResult, quoted } from "./result";

/** Telegram's callback_data limit, the smallest of our channels. */
const PAYLOAD_MAX_BYTES = 64;

/** The payload of an option's button: its value when short enough, else its position. */
export function optionPayload(options: readonly ChoiceOption[], index: number, prefix: "o" | "m"): string {
  const value = options[index]?.value ?? "";
  const byValue = `${prefix}:${value}`;
  return utf8Bytes(byValue) <= PAYLOAD_MAX_BYTES ? byValue : `${prefix}#${index}`;
}

/** The option a payload of the given prefix refers to, or null (a stale button of another question). */
export function optionFromPayload(
  options: readonly ChoiceOption[],
  payload: string,
  prefix: "o" | "m",
): string | null {
  if (payload.startsWith(`${prefix}#`)) {
    const index = Number(payload.slice(2));
    return Number.isInteger(index) ? (options[index]?.value ?? null) : null;
  }
  if (!payload.startsWith(`${prefix}:`)) return null;
  const value = payload.slice(2);
  return options.some((o) => o.value === value) ? value : null;
}

function matchOne(options: readonly ChoiceOption[], token: string): string | null {
  const folded = fold(token).replace(/[.)]$/, "");
  if (/^\d+$/.test(folded)) return options[Number(folded) - 1]?.value ?? null;
  const hit = options.find(
    (o) =>
      fold(o.value) === folded || fold(o.label.vi) === folded || (o.label.en && fold(o.label.en) === folded),
  );
  return hit?.value ?? null;
}

export function parseChoice(raw: string, options: readonly ChoiceOption[]): ParseResult<string> {
  const value = matchOne(options, raw);
  if (value === null) return fail("form:invalid.choice", { input: quoted(raw), count: options.length });
  return ok(value);
}

interface CountBounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

function countContext({ min, max }: CountBounds): Record<string, unknown> {
  if (min !== undefined && max !== undefined) return { context: "range", min, max };
  if (min !== undefined) return { context: "min", min };
  if (max !== undefined) return { context: "max", max };
  return {};
}

/** Checks a complete selection (typed in one message, or built with toggles) against the bounds. */
export function checkSelection(
  selected: readonly string[],
  options: readonly ChoiceOption[],
  bounds: CountBounds,
): ParseResult<string[]> {
  // Keep the plan's option order whatever order they were typed or tapped in.
  const ordered = options.map((o) => o.value).filter((v) => selected.includes(v));
  if (ordered.length === 0) return fail("form:invalid.multi_empty", { count: options.length });
  if (
    (bounds.min !== undefined && ordered.length < bounds.min) ||
    (bounds.max !== undefined && ordered.length > bounds.max)
  ) {
    return fail("form:invalid.multi_count", { selected: ordered.length, ...countContext(bounds) });
  }
  return ok(ordered);
}

export function parseMultiChoice(
  raw: string,
  options: readonly ChoiceOption[],
  bounds: CountBounds,
): ParseResult<string[]> {
  const tokens = raw
    .replace(/\s+(?:và|va|and|&)\s+/gi, ",")
    .split(/[,;/+\n]+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    // "1 3" is two numbers; "Trang web" is one label.
    .flatMap((t) => (/^\d+(?:\s+\d+)+$/.test(t) ? t.split(/\s+/) : [t]));
  const selected: string[] = [];
  for (const token of tokens) {
    const value = matchOne(options, token);
    if (value === null) {
      return fail("form:invalid.multi", { input: quoted(token), count: options.length });
    }
    if (!selected.includes(value)) selected.push(value);
  }
  return checkSelection(selected, options, bounds);
}
