/** The result of parsing what someone typed: a typed value, or a precise, localized reason. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reasonKey: string; readonly params: Readonly<Record<string, unknown>> };

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(reasonKey: string, params: Record<string, unknown> = {}): ParseResult<T> {
  return { ok: false, reasonKey, params };
}

/** Long inputs are quoted shortened in error messages so the reply stays readable on a phone. */
export function quoted(input: string): string {
  const chars = [...input.trim()];
  return chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : chars.join("");
}
