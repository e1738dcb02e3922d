/**
 * Checks every row of a people file and turns it into `PersonInput`s. Beyond each cell: a unit
 * must exist, one person appears once per unit, and one phone number belongs to one name.
 * The membership's dates (`valid_from`, `valid_to`) are read as the units file reads its own
 * (validity.ts): a column present in the file is the truth for every row (empty = since always /
 * open-ended); a column absent from the file leaves the stored dates as they are.
 */

import type { PersonInput } from "../db/people";
import { normalizeUnitCode } from "../db/units";
import { foldText, normalizeEmail, normalizePhone } from "../domain/contact";
import { cellText } from "./cells";
import type { LocatedTable } from "./columns";
import type { PersonColumn } from "./person-columns";
import { type Problem, sortProblems } from "./problems";
import { readValidity } from "./validity";
import { parseAddressAs, parseRole } from "./vocabulary";

export function validatePersonRows(
  table: LocatedTable<PersonColumn>,
  /** Stored units: code → id. */
  unitIds: ReadonlyMap<string, string>,
): { ok: true; inputs: PersonInput[]; rowNumbers: number[] } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const has = (c: PersonColumn) => table.headers.has(c);
  const header = (c: PersonColumn) => table.headers.get(c) ?? c;
  const problem = (row: number, column: PersonColumn, key: string, params: Record<string, unknown> = {}) =>
    problems.push({ row, column: header(column), key, params });
  const seenInUnit = new Map<string, number>();
  const phoneOwner = new Map<string, { name: string; row: number }>();
  const inputs: PersonInput[] = [];
  /** The file row of each input. */
  const rowNumbers: number[] = [];

  for (const { rowNumber: r, values } of table.records) {
    const text = (c: PersonColumn) => cellText(values[c]);
    const unitCode = normalizeUnitCode(text("unit_code"));
    const unitId = unitIds.get(unitCode);
    if (unitCode === "") problem(r, "unit_code", "org:problem.required");
    else if (!unitId) problem(r, "unit_code", "org:problem.unknownPersonUnit", { value: unitCode });
    const fullName = text("full_name");
    if (fullName === "") problem(r, "full_name", "org:problem.required");
    const role = parseRole(text("role"));
    if (text("role") === "") problem(r, "role", "org:problem.required");
    else if (!role) problem(r, "role", "org:problem.unknownRole", { value: text("role") });

    let phone: string | null = null;
    if (text("phone") !== "") {
      const result = normalizePhone(text("phone"));
      if (result.ok) phone = result.value;
      else problem(r, "phone", "org:problem.badPhone", { value: text("phone") });
    }
    let email: string | null = null;
    if (text("email") !== "") {
      const result = normalizeEmail(text("email"));
      if (result.ok) email = result.value;
      else problem(r, "email", "org:problem.badEmail", { value: text("email") });
    }
    const addressAs = text("address_as") === "" ? null : (parseAddressAs(text("address_as")) ?? undefined);
    if (addressAs === undefined)
      problem(r, "address_as", "org:problem.unknownAddressAs", { value: text("address_as") });
    const { validFrom, validTo } = readValidity(values, has, (c, key, params) => problem(r, c, key, params));

    const name = foldText(fullName);
    // The same keys the repository uses to recognise a person (see src/db/people.ts).
    const identity = phone ? `p:${phone}` : email ? `e:${email}|${name}` : `n:${name}`;
    const key = `${unitCode}|${identity}`;
    const first = seenInUnit.get(key);
    if (first !== undefined && fullName !== "") {
      problem(r, phone ? "phone" : "full_name", "org:problem.duplicatePerson", { first, unit: unitCode });
    } else seenInUnit.set(key, r);
    if (phone && fullName !== "") {
      const owner = phoneOwner.get(phone);
      if (owner && owner.name !== name)
        problem(r, "phone", "org:problem.phoneOfAnother", { value: phone, first: owner.row });
      else if (!owner) phoneOwner.set(phone, { name, row: r });
    }
    if (unitId && fullName !== "" && role && addressAs !== undefined) {
      inputs.push({ unitId, fullName, role, phone, email, addressAs, validFrom, validTo });
      rowNumbers.push(r);
    }
  }
  return problems.length > 0
    ? { ok: false, problems: sortProblems(problems) }
    : { ok: true, inputs, rowNumbers };
}
