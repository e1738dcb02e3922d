/**
 * Checks every row of a units file against the file itself and the units already stored, and turns
 * the rows into `UnitInput`s. Every problem is collected (row, column), none stops the others.
 * A present column means "this is the value" (empty = none); an absent column keeps stored values.
 */

import { normalizeUnitCode, type UnitInput } from "../db/units";
import { normalizeEmail, normalizePhone } from "../domain/contact";
import { cellText } from "./cells";
import type { LocatedTable } from "./columns";
import { type Problem, sortProblems } from "./problems";
import type { UnitColumn } from "./unit-columns";
import { readValidity } from "./validity";
import { parseKind, parseLevels } from "./vocabulary";

export interface UnitRow {
  readonly rowNumber: number;
  readonly input: UnitInput;
  /** Codes of the units that replaced this one; undefined when the file has no such column. */
  readonly successorCodes: readonly string[] | undefined;
}

/** Letters, digits and . _ - ; at most 40 characters, so that codes stay typeable in a chat. */
const UNIT_CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;

export function validateUnitRows(
  table: LocatedTable<UnitColumn>,
  /** Stored units: code → parent code. */
  stored: ReadonlyMap<string, string | null>,
): { ok: true; rows: UnitRow[] } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const has = (c: UnitColumn) => table.headers.has(c);
  const header = (c: UnitColumn) => table.headers.get(c) ?? c;
  const problem = (row: number, column: UnitColumn, key: string, params: Record<string, unknown> = {}) =>
    problems.push({ row, column: header(column), key, params });

  // First pass: the codes in the file, so that parents may come after their children.
  const firstRowOf = new Map<string, number>();
  for (const record of table.records) {
    const code = normalizeUnitCode(cellText(record.values.code));
    if (code !== "" && !firstRowOf.has(code)) firstRowOf.set(code, record.rowNumber);
  }
  const known = (code: string) => firstRowOf.has(code) || stored.has(code);

  const rows: UnitRow[] = [];
  for (const { rowNumber: r, values } of table.records) {
    const text = (c: UnitColumn) => cellText(values[c]);
    const optional = (c: UnitColumn): string | null | undefined => (has(c) ? text(c) || null : undefined);

    const code = normalizeUnitCode(text("code"));
    if (code === "") problem(r, "code", "org:problem.required");
    else if (!UNIT_CODE.test(code)) problem(r, "code", "org:problem.badCode", { value: code });
    else if (firstRowOf.get(code) !== r) {
      problem(r, "code", "org:problem.duplicateCode", { value: code, first: firstRowOf.get(code) });
    }
    const name = text("name");
    if (name === "") problem(r, "name", "org:problem.required");
    const kind = parseKind(text("kind"));
    if (text("kind") === "") problem(r, "kind", "org:problem.required");
    else if (!kind) problem(r, "kind", "org:problem.unknownKind", { value: text("kind") });

    const reference = (c: UnitColumn): string | null | undefined => {
      const value = optional(c);
      if (value === undefined || value === null) return value;
      const ref = normalizeUnitCode(value);
      if (ref === code) problem(r, c, "org:problem.selfReference", { value: ref });
      else if (!known(ref)) problem(r, c, "org:problem.unknownUnit", { value: ref });
      return ref;
    };
    const parentCode = reference("parent_code");
    const reportsToCode = reference("reports_to_code");

    let levels: UnitInput["levels"];
    if (has("levels")) {
      const parsed = parseLevels(text("levels"));
      if (parsed.ok) levels = parsed.value;
      else problem(r, "levels", "org:problem.unknownLevel", { value: parsed.bad });
    }
    const { validFrom, validTo } = readValidity(values, has, (c, key, params) => problem(r, c, key, params));
    const contact = (c: UnitColumn, normalize: typeof normalizePhone, key: string) => {
      const value = optional(c);
      if (value === undefined || value === null) return value;
      const result = normalize(value);
      if (result.ok) return result.value;
      problem(r, c, key, { value });
      return null;
    };
    const phone = contact("phone", normalizePhone, "org:problem.badPhone");
    const email = contact("email", normalizeEmail, "org:problem.badEmail");

    let successorCodes: string[] | undefined;
    if (has("successor_codes")) {
      successorCodes = text("successor_codes")
        .split(/[,;\s]+/)
        .filter((s) => s !== "")
        .map(normalizeUnitCode);
      for (const s of successorCodes) {
        if (s === code) problem(r, "successor_codes", "org:problem.selfReference", { value: s });
        else if (!known(s)) problem(r, "successor_codes", "org:problem.unknownUnit", { value: s });
      }
      if (successorCodes.length > 0 && !validTo)
        problem(r, "successor_codes", "org:problem.successorNeedsEnd");
    }
    if (!kind || code === "" || name === "") continue;
    const input: UnitInput = {
      code,
      name,
      kind,
      shortName: optional("short_name"),
      levels,
      parentCode,
      reportsToCode,
      validFrom,
      validTo,
      phone,
      email,
    };
    rows.push({ rowNumber: r, input, successorCodes });
  }
  problems.push(...findParentCycles(rows, stored, header("parent_code")));
  return problems.length > 0 ? { ok: false, problems: sortProblems(problems) } : { ok: true, rows };
}

/** A unit may not be its own ancestor, counting the parents stored and those in the file. */
function findParentCycles(
  rows: readonly UnitRow[],
  stored: ReadonlyMap<string, string | null>,
  column: string,
): Problem[] {
  const parentOf = new Map(stored);
  const rowOf = new Map<string, number>();
  for (const { rowNumber, input } of rows) {
    rowOf.set(input.code, rowNumber);
    if (input.parentCode !== undefined) parentOf.set(input.code, input.parentCode);
  }
  const problems: Problem[] = [];
  const done = new Set<string>();
  for (const { input } of rows) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let code: string | null | undefined = input.code;
    while (code && !done.has(code) && !onPath.has(code)) {
      path.push(code);
      onPath.add(code);
      code = parentOf.get(code);
    }
    const cycle = code && onPath.has(code) ? path.slice(path.indexOf(code)) : [];
    // A unit that is its own parent is already reported as a self-reference.
    if (code && cycle.length > 1) {
      const chain = [...cycle, code].join(" → ");
      for (const member of cycle) {
        const row = rowOf.get(member);
        if (row !== undefined)
          problems.push({ row, column, key: "org:problem.parentCycle", params: { chain } });
      }
    }
    for (const c of path) done.add(c);
  }
  return problems;
}
