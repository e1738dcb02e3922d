/**
 * Defensive readers for cross-field rules. The rules run even when parts of the input failed the
 * schema, so they see `unknown` and only judge the fields that have the expected type.
 */
export type Rec = Readonly<Record<string, unknown>>;

export function rec(value: unknown): Rec | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Rec) : undefined;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function strings(value: unknown): string[] {
  return list(value).filter((v): v is string => typeof v === "string");
}

/** Indexes of values seen before: [a, b, a] → {2: 0}. */
export function duplicates<T>(values: readonly (T | undefined)[]): Map<number, number> {
  const first = new Map<T, number>();
  const dup = new Map<number, number>();
  values.forEach((v, i) => {
    if (v === undefined) return;
    const seen = first.get(v);
    if (seen === undefined) first.set(v, i);
    else dup.set(i, seen);
  });
  return dup;
}
