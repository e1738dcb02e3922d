/**
 * `baocao people export FILE`: one row per person and unit, in the import format — ended and
 * future memberships too, with their dates (`valid_from`, `valid_to`), so that export → import
 * gives back the same memberships.
 */
import type { Kysely } from "kysely";
import { listMemberships, listPeople } from "../db/people";
import type { Database } from "../db/schema";
import { listUnits } from "../db/units";
import { ROLES } from "../domain/org";
import type { Cell } from "./cells";
import { treeOrder } from "./export-units";
import { PERSON_COLUMN_KEYS, type PersonColumn } from "./person-columns";
import { ADDRESS_LABELS, roleLabel } from "./vocabulary";
import { dateCell, writeTable } from "./write-file";
import type { SheetColumn } from "./xlsx";

const WIDTHS_CHARS: Record<PersonColumn, number> = {
  unit_code: 18,
  full_name: 28,
  role: 24,
  phone: 14,
  email: 32,
  address_as: 12,
  valid_from: 12,
  valid_to: 12,
};

export async function exportPeople(db: Kysely<Database>, file: string) {
  const units = treeOrder(await listUnits(db));
  const position = new Map(units.map((u, i) => [u.id, i]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const personById = new Map((await listPeople(db)).map((p) => [p.id, p]));
  const memberships = (await listMemberships(db)).sort(
    (a, b) =>
      (position.get(a.unitId) ?? 0) - (position.get(b.unitId) ?? 0) ||
      ROLES.indexOf(a.role) - ROLES.indexOf(b.role) ||
      (personById.get(a.personId)?.fullName ?? "").localeCompare(
        personById.get(b.personId)?.fullName ?? "",
        "vi",
      ),
  );
  const rows: Cell[][] = [];
  for (const m of memberships) {
    const unit = unitById.get(m.unitId);
    const person = personById.get(m.personId);
    if (!unit || !person) continue;
    const cells: Record<PersonColumn, Cell> = {
      unit_code: unit.code,
      full_name: person.fullName,
      role: roleLabel(m.role, unit.kind),
      phone: person.phone,
      email: person.email,
      address_as: person.addressAs ? ADDRESS_LABELS[person.addressAs] : null,
      valid_from: dateCell(m.validFrom),
      valid_to: dateCell(m.validTo),
    };
    rows.push(PERSON_COLUMN_KEYS.map((k) => cells[k]));
  }
  const columns: SheetColumn[] = PERSON_COLUMN_KEYS.map((k) => ({
    header: k,
    widthChars: WIDTHS_CHARS[k],
    date: k === "valid_from" || k === "valid_to",
  }));
  const written = await writeTable(file, "Nhân sự", columns, rows);
  return written.ok ? { ok: true as const, rows: rows.length } : written;
}
