/**
 * The `valid_from`, `valid_to` columns of an import row, read the same way for units and for
 * memberships (people files): dd/mm/yyyy, yyyy-mm-dd or an Excel date; a column absent from the
 * file → undefined (keep what is stored), present but empty → null (since always / open-ended).
 * A bad date, or an end before the start, is a problem at that row and column.
 */
import type { LocalDate } from "../domain/org";
import { type Cell, cellText, parseDateCell } from "./cells";

/** "2025-06-30" → "30/06/2025", as dates are shown to Vietnamese users. */
export const dmy = (day: LocalDate) => day.split("-").reverse().join("/");

export interface Validity {
  readonly validFrom: LocalDate | null | undefined;
  readonly validTo: LocalDate | null | undefined;
}

export function readValidity(
  values: Partial<Record<"valid_from" | "valid_to", Cell>>,
  has: (column: "valid_from" | "valid_to") => boolean,
  problem: (column: "valid_from" | "valid_to", key: string, params: Record<string, unknown>) => void,
): Validity {
  const date = (c: "valid_from" | "valid_to"): LocalDate | null | undefined => {
    if (!has(c)) return undefined;
    const parsed = parseDateCell(values[c] as Cell);
    if (parsed.ok) return parsed.value;
    problem(c, "org:problem.badDate", { value: cellText(values[c]) });
    return null;
  };
  const validFrom = date("valid_from");
  const validTo = date("valid_to");
  if (validFrom && validTo && validTo < validFrom) {
    problem("valid_to", "org:problem.endBeforeStart", { from: dmy(validFrom), to: dmy(validTo) });
  }
  return { validFrom, validTo };
}
