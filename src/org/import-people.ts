/**
 * `baocao people import FILE`: people and their roles, from CSV or XLSX; units must exist already.
 * All or nothing in one transaction, like units; re-importing the same file changes nothing.
 */
import type { Kysely } from "kysely";
import { upsertPeople } from "../db/people";
import type { Database } from "../db/schema";
import { listUnits } from "../db/units";
import { locateColumns } from "./columns";
import { countOutcomes, type ImportOptions, type ImportResult } from "./import-result";
import { PERSON_COLUMNS } from "./person-columns";
import { readRows } from "./read-file";
import { validatePersonRows } from "./validate-people";

export async function importPeople(
  db: Kysely<Database>,
  file: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const read = await readRows(file);
  if (!read.ok) return read;
  const located = locateColumns(read.rows, PERSON_COLUMNS);
  if (!located.ok) return located;
  const table = located.value;
  return db.transaction().execute(async (trx): Promise<ImportResult> => {
    const units = await listUnits(trx);
    const validated = validatePersonRows(table, new Map(units.map((u) => [u.code, u.id])));
    if (!validated.ok) return validated;
    const outcomes = await upsertPeople(trx, validated.inputs, options.now, options.onProgress);
    return { ok: true, summary: { rows: outcomes.length, ...countOutcomes(outcomes) } };
  });
}
