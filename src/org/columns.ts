/**
 * Finding the header row and the columns of an import file. The standard names (code, name…) are a
 * public interface; Vietnamese headers are accepted too, matched without case, accents or
 * punctuation ("Mã đơn vị cấp trên" = "ma don vi cap tren" = "parent_code"'s alias).
 */
import { type Cell, cellText, type RawRow } from "./cells";
import type { Problem } from "./problems";
import { foldWord } from "./vocabulary";

export interface ColumnSpec<K extends string> {
  readonly key: K;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

export interface TableRecord<K extends string> {
  readonly rowNumber: number;
  readonly values: Partial<Record<K, Cell>>;
}

export interface LocatedTable<K extends string> {
  readonly headerRow: number;
  /** The header of each column found, as written in the file. */
  readonly headers: ReadonlyMap<K, string>;
  readonly records: readonly TableRecord<K>[];
}

/** A title or a note may sit above the header row; we look this far down for it. */
const HEADER_SEARCH_ROWS = 10;

export function locateColumns<K extends string>(
  rows: readonly RawRow[],
  spec: readonly ColumnSpec<K>[],
): { ok: true; value: LocatedTable<K> } | { ok: false; problems: Problem[] } {
  const byAlias = new Map<string, K>();
  for (const column of spec) {
    byAlias.set(foldWord(column.key), column.key);
    for (const alias of column.aliases) byAlias.set(foldWord(alias), column.key);
  }
  let best: { row: RawRow; columns: Map<K, number> } | undefined;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns = new Map<K, number>();
    row.cells.forEach((cell, index) => {
      const key = byAlias.get(foldWord(cellText(cell)));
      if (key !== undefined && !columns.has(key)) columns.set(key, index);
    });
    if (columns.size > (best?.columns.size ?? 0)) best = { row, columns };
  }
  const expected = spec.filter((c) => c.required).map((c) => c.key);
  if (!best) {
    return {
      ok: false,
      problems: [
        { row: null, column: null, key: "org:problem.noHeader", params: { expected: expected.join(", ") } },
      ],
    };
  }
  const { row: headerRow, columns } = best;
  const missing = expected.filter((k) => !columns.has(k));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((k) => ({
        row: headerRow.rowNumber,
        column: k,
        key: "org:problem.missingColumn",
        params: { column: k },
      })),
    };
  }
  const headers = new Map<K, string>();
  for (const [key, index] of columns) headers.set(key, cellText(headerRow.cells[index] ?? null));
  const records: TableRecord<K>[] = [];
  for (const row of rows) {
    if (row.rowNumber <= headerRow.rowNumber) continue;
    if (row.cells.every((c) => cellText(c) === "")) continue;
    const values: Partial<Record<K, Cell>> = {};
    for (const [key, index] of columns) values[key] = row.cells[index] ?? null;
    records.push({ rowNumber: row.rowNumber, values });
  }
  return { ok: true, value: { headerRow: headerRow.rowNumber, headers, records } };
}
