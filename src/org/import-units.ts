/**
 * `baocao org import FILE`: units from CSV or XLSX. All or nothing: the file is checked completely
 * against the database inside one transaction, and written in that same transaction only when no
 * row has a problem. Re-importing the same file changes nothing.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { linkUnits, type UnitLinkInput, type UnitLinkKind } from "../db/unit-links";
import { listUnits, upsertUnits } from "../db/units";
import { locateColumns } from "./columns";
import { countOutcomes, type ImportOptions, type ImportResult } from "./import-result";
import { readRows } from "./read-file";
import { UNIT_COLUMNS } from "./unit-columns";
import { type UnitRow, validateUnitRows } from "./validate-units";

export async function importUnits(
  db: Kysely<Database>,
  file: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const read = await readRows(file);
  if (!read.ok) return read;
  const located = locateColumns(read.rows, UNIT_COLUMNS);
  if (!located.ok) return located;
  const table = located.value;
  return db.transaction().execute(async (trx): Promise<ImportResult> => {
    const units = await listUnits(trx);
    const codeOf = new Map(units.map((u) => [u.id, u.code]));
    const stored = new Map(units.map((u) => [u.code, u.parentId ? (codeOf.get(u.parentId) ?? null) : null]));
    const validated = validateUnitRows(table, stored);
    if (!validated.ok) return validated;
    const { outcomes, idsByCode } = await upsertUnits(
      trx,
      validated.rows.map((r) => r.input),
      options.now,
      options.onProgress,
    );
    const links = await linkUnits(trx, successorLinks(validated.rows, idsByCode));
    return {
      ok: true,
      summary: { rows: outcomes.length, ...countOutcomes(outcomes), links: countOutcomes(links) },
    };
  });
}

/**
 * One link per (unit, successor). Its kind follows the shape: one unit into several is a split,
 * several into one a merge, one into one a rename. It takes effect the day after the unit ends.
 */
function successorLinks(rows: readonly UnitRow[], idsByCode: ReadonlyMap<string, string>): UnitLinkInput[] {
  const pairs = rows.flatMap((r) => (r.successorCodes ?? []).map((to) => ({ row: r, to })));
  const predecessors = new Map<string, number>();
  for (const { to } of pairs) predecessors.set(to, (predecessors.get(to) ?? 0) + 1);
  return pairs.map(({ row, to }) => {
    const kind: UnitLinkKind =
      (row.successorCodes?.length ?? 0) > 1 ? "split" : (predecessors.get(to) ?? 0) > 1 ? "merge" : "rename";
    return {
      fromUnitId: idsByCode.get(row.input.code) as string,
      toUnitId: idsByCode.get(to) as string,
      kind,
      effectiveDate: dayAfter(row.input.validTo as string),
    };
  });
}

function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
