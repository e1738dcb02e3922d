/**
 * Organisation units, keyed by their code for people and files, by id for everything else.
 * Rows never leave this file: callers get domain `Unit`s.
 */
import type { Kysely, Selectable } from "kysely";
import {
  type LocalDate,
  SCHOOL_LEVELS,
  type SchoolLevel,
  UNIT_KINDS,
  type Unit,
  type UnitKind,
} from "../domain/org";
import { newId } from "./ids";
import type { Database, UnitTable } from "./schema";

type Conn = Kysely<Database>;

/** A unit with the contact details the table keeps but the domain does not need. */
export type StoredUnit = Unit & { readonly phone: string | null; readonly email: string | null };

/** One unit to create or update, parents by code. An undefined field keeps the stored value. */
export interface UnitInput {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly shortName?: string | null;
  readonly levels?: readonly SchoolLevel[];
  readonly parentCode?: string | null;
  readonly reportsToCode?: string | null;
  readonly validFrom?: LocalDate | null;
  readonly validTo?: LocalDate | null;
  readonly phone?: string | null;
  readonly email?: string | null;
}

export type UpsertOutcome = "created" | "updated" | "unchanged";

export interface UnitUpsertResult {
  /** One outcome per input, in input order. */
  readonly outcomes: readonly UpsertOutcome[];
  /** Every known unit id by code, after the upsert. */
  readonly idsByCode: ReadonlyMap<string, string>;
}

/** Rows per multi-row INSERT: 14 columns × 400 stays far below SQLite's and PostgreSQL's parameter caps. */
const UNIT_INSERT_CHUNK_ROWS = 400;

/** Codes are compared upper-cased and trimmed: "thcs-nguyendu " is "THCS-NGUYENDU". */
export function normalizeUnitCode(code: string): string {
  return code.trim().toUpperCase();
}

export function serializeLevels(levels: readonly SchoolLevel[]): string {
  return SCHOOL_LEVELS.filter((l) => levels.includes(l)).join(",");
}

function parseLevels(stored: string): SchoolLevel[] {
  const parts = stored.split(",");
  return SCHOOL_LEVELS.filter((l) => parts.includes(l));
}

function toUnit(row: Selectable<UnitTable>): StoredUnit {
  const kind = UNIT_KINDS.find((k) => k === row.kind);
  if (!kind) throw new Error(`unit ${row.code} has an unknown kind "${row.kind}"`);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind,
    levels: parseLevels(row.levels),
    parentId: row.parent_id,
    reportsToId: row.reports_to_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    phone: row.phone,
    email: row.email,
  };
}

export async function listUnits(db: Conn): Promise<StoredUnit[]> {
  const rows = await db.selectFrom("units").selectAll().orderBy("code").execute();
  return rows.map(toUnit);
}

export async function getUnitByCode(db: Conn, code: string): Promise<StoredUnit | undefined> {
  const row = await db
    .selectFrom("units")
    .selectAll()
    .where("code", "=", normalizeUnitCode(code))
    .executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

export async function getUnitById(db: Conn, id: string): Promise<StoredUnit | undefined> {
  const row = await db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

export async function countUnits(db: Conn): Promise<number> {
  const row = await db
    .selectFrom("units")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type UnitFields = Omit<UnitTable, "id" | "code" | "created_at" | "updated_at">;
const FIELD_NAMES: readonly (keyof UnitFields)[] = [
  "name",
  "short_name",
  "kind",
  "levels",
  "parent_id",
  "reports_to_id",
  "valid_from",
  "valid_to",
  "phone",
  "email",
];

function pick<T>(value: T | undefined, stored: T): T {
  return value === undefined ? stored : value;
}

/**
 * Creates or updates units by code in one pass: one query to read what exists, multi-row inserts
 * (parents before children, because foreign keys are checked per statement), one UPDATE per unit
 * that really changed. Call it inside a transaction; parent codes must resolve (validate first).
 */
export async function upsertUnits(
  db: Conn,
  inputs: readonly UnitInput[],
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<UnitUpsertResult> {
  const stamp = now.toISOString();
  const existing = new Map((await db.selectFrom("units").selectAll().execute()).map((r) => [r.code, r]));
  const idsByCode = new Map([...existing.values()].map((r) => [r.code, r.id]));
  for (const input of inputs) if (!idsByCode.has(input.code)) idsByCode.set(input.code, newId());
  const idOf = (code: string | null | undefined): string | null | undefined => {
    if (code === undefined || code === null) return code;
    const id = idsByCode.get(code);
    if (!id) throw new Error(`unknown unit code ${code}`);
    return id;
  };

  const inserts: UnitTable[] = [];
  const updates: { id: string; fields: Partial<UnitFields> }[] = [];
  const outcomes: UpsertOutcome[] = [];
  for (const input of inputs) {
    const stored = existing.get(input.code);
    const target: UnitFields = {
      name: input.name,
      short_name: pick(input.shortName, stored?.short_name ?? null),
      kind: input.kind,
      levels: input.levels === undefined ? (stored?.levels ?? "") : serializeLevels(input.levels),
      parent_id: pick(idOf(input.parentCode), stored?.parent_id ?? null),
      reports_to_id: pick(idOf(input.reportsToCode), stored?.reports_to_id ?? null),
      valid_from: pick(input.validFrom, stored?.valid_from ?? null),
      valid_to: pick(input.validTo, stored?.valid_to ?? null),
      phone: pick(input.phone, stored?.phone ?? null),
      email: pick(input.email, stored?.email ?? null),
    };
    if (!stored) {
      const id = idsByCode.get(input.code) as string;
      inserts.push({ id, code: input.code, ...target, created_at: stamp, updated_at: stamp });
      outcomes.push("created");
      continue;
    }
    const changed: Partial<UnitFields> = {};
    for (const f of FIELD_NAMES) if (stored[f] !== target[f]) Object.assign(changed, { [f]: target[f] });
    if (Object.keys(changed).length === 0) outcomes.push("unchanged");
    else {
      updates.push({ id: stored.id, fields: changed });
      outcomes.push("updated");
    }
  }

  const { ordered, deferredReportsTo } = referencesFirst(inserts);
  const total = inserts.length + updates.length + deferredReportsTo.length;
  let done = 0;
  for (const chunk of chunks(ordered, UNIT_INSERT_CHUNK_ROWS)) {
    await db.insertInto("units").values(chunk).execute();
    done += chunk.length;
    onProgress?.(done, total);
  }
  for (const { id, fields } of updates) {
    await db
      .updateTable("units")
      .set({ ...fields, updated_at: stamp })
      .where("id", "=", id)
      .execute();
    if (++done % 200 === 0) onProgress?.(done, total);
  }
  for (const { id, reportsToId } of deferredReportsTo) {
    await db.updateTable("units").set({ reports_to_id: reportsToId }).where("id", "=", id).execute();
    if (++done % 200 === 0) onProgress?.(done, total);
  }
  onProgress?.(total, total);
  return { outcomes, idsByCode };
}

/**
 * Orders new units so that each comes after its parent and the unit it reports to, when those are
 * new too (foreign keys are checked per statement). Reporting lines may loop (A reports to B, B to
 * A); such a line is left out of the insert and set afterwards. Parents never loop (validated).
 */
function referencesFirst(rows: readonly UnitTable[]): {
  ordered: UnitTable[];
  deferredReportsTo: { id: string; reportsToId: string }[];
} {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const placed = new Set<string>();
  const onPath = new Set<string>();
  const ordered: UnitTable[] = [];
  const deferredReportsTo: { id: string; reportsToId: string }[] = [];
  const place = (row: UnitTable): void => {
    if (placed.has(row.id)) return;
    onPath.add(row.id);
    const parent = row.parent_id === null ? undefined : byId.get(row.parent_id);
    if (parent && onPath.has(parent.id)) throw new Error(`cycle in parents at unit ${row.code}`);
    if (parent) place(parent);
    const reportsTo = row.reports_to_id === null ? undefined : byId.get(row.reports_to_id);
    if (reportsTo && onPath.has(reportsTo.id)) {
      deferredReportsTo.push({ id: row.id, reportsToId: reportsTo.id });
      row.reports_to_id = null;
    } else if (reportsTo) place(reportsTo);
    onPath.delete(row.id);
    placed.add(row.id);
    ordered.push(row);
  };
  for (const row of rows) place(row);
  return { ordered, deferredReportsTo };
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
