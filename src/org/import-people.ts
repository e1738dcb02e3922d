/**
 * `baocao people import FILE`: people and their roles, from CSV or XLSX; units must exist already.
 * All or nothing in one transaction, like units; re-importing the same file changes nothing.
 * Membership dates (`valid_from`, `valid_to`): a column present in the file sets them on every row
 * (empty = since always / open-ended, so a person who returns is re-added by clearing the end);
 * a column absent leaves the stored date. A row whose date would fall on the wrong side of the
 * stored other one (a start after the stored end) is refused like an inverted range.
 */
import type { Kysely } from "kysely";
import { type PeoplePlan, planPeople } from "../db/people";
import type { Database } from "../db/schema";
import { listUnits } from "../db/units";
import { locateColumns } from "./columns";
import { countOutcomes, type ImportOptions, type ImportResult } from "./import-result";
import { PERSON_COLUMNS, type PersonColumn } from "./person-columns";
import type { Problem } from "./problems";
import { readRows } from "./read-file";
import { validatePersonRows } from "./validate-people";
import { dmy } from "./validity";

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
    const plan = await planPeople(trx, validated.inputs, options.now);
    const inverted = invertedWithStored(plan, validated.rowNumbers, table.headers);
    if (inverted.length > 0) return { ok: false, problems: inverted };
    await plan.write(options.onProgress);
    return { ok: true, summary: { rows: plan.outcomes.length, ...countOutcomes(plan.outcomes) } };
  });
}

/**
 * Rows whose own dates are fine but whose membership would end before it starts once the stored
 * date of the column the file lacks is kept (the range within a row is checked with the cells).
 */
function invertedWithStored(
  plan: PeoplePlan,
  rowNumbers: readonly number[],
  headers: ReadonlyMap<PersonColumn, string>,
): Problem[] {
  // Without either column the stored dates stay as they are, whatever they are.
  if (!headers.has("valid_from") && !headers.has("valid_to")) return [];
  const problems: Problem[] = [];
  plan.memberships.forEach(({ validFrom, validTo }, i) => {
    if (!validFrom || !validTo || validTo >= validFrom) return;
    const row = rowNumbers[i] ?? null;
    const params = { from: dmy(validFrom), to: dmy(validTo) };
    const fileHasFrom = headers.has("valid_from");
    const column = fileHasFrom ? "valid_from" : "valid_to";
    const key = fileHasFrom ? "org:problem.startAfterStoredEnd" : "org:problem.endBeforeStoredStart";
    problems.push({ row, column: headers.get(column) ?? column, key, params });
  });
  return problems;
}
