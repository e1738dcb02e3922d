/** `baocao org export FILE`: every unit, parents before children, in the import format. */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { listUnitLinks } from "../db/unit-links";
import { listUnits, type StoredUnit } from "../db/units";
import type { Cell } from "./cells";
import { UNIT_COLUMN_KEYS, type UnitColumn } from "./unit-columns";
import { KIND_LABELS, LEVEL_LABELS } from "./vocabulary";
import { dateCell, writeTable } from "./write-file";
import type { SheetColumn } from "./xlsx";

const WIDTHS_CHARS: Record<UnitColumn, number> = {
  code: 18,
  name: 48,
  short_name: 28,
  kind: 22,
  parent_code: 18,
  levels: 16,
  reports_to_code: 18,
  valid_from: 12,
  valid_to: 12,
  phone: 14,
  email: 30,
  successor_codes: 28,
};

/** Kinds in the order a Văn phòng reads an org chart. */
const KIND_ORDER = [
  "so",
  "office",
  "division",
  "cluster",
  "commune_office",
  "district_office",
  "school",
  "center",
];

/** Depth-first from the roots; siblings by kind, then name. Parents always come first. */
export function treeOrder(units: readonly StoredUnit[]): StoredUnit[] {
  const children = new Map<string | null, StoredUnit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const ordered: StoredUnit[] = [];
  const visit = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, "vi"),
    );
    for (const u of list) {
      ordered.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return ordered;
}

export async function exportUnits(db: Kysely<Database>, file: string) {
  const units = treeOrder(await listUnits(db));
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const successors = new Map<string, string[]>();
  for (const link of await listUnitLinks(db)) {
    const to = codeOf.get(link.toUnitId);
    if (to) successors.set(link.fromUnitId, [...(successors.get(link.fromUnitId) ?? []), to]);
  }
  const rows = units.map((u): Cell[] => {
    const cells: Record<UnitColumn, Cell> = {
      code: u.code,
      name: u.name,
      short_name: u.shortName,
      kind: KIND_LABELS[u.kind],
      parent_code: u.parentId ? (codeOf.get(u.parentId) ?? null) : null,
      levels: u.levels.map((l) => LEVEL_LABELS[l]).join(", ") || null,
      reports_to_code: u.reportsToId ? (codeOf.get(u.reportsToId) ?? null) : null,
      valid_from: dateCell(u.validFrom),
      valid_to: dateCell(u.validTo),
      phone: u.phone,
      email: u.email,
      successor_codes: (successors.get(u.id) ?? []).sort().join(", ") || null,
    };
    return UNIT_COLUMN_KEYS.map((k) => cells[k]);
  });
  const columns: SheetColumn[] = UNIT_COLUMN_KEYS.map((k) => ({
    header: k,
    widthChars: WIDTHS_CHARS[k],
    date: k === "valid_from" || k === "valid_to",
  }));
  const written = await writeTable(file, "Đơn vị", columns, rows);
  return written.ok ? { ok: true as const, rows: rows.length } : written;
}
