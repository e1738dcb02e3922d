/**
 * Predecessor → successor links between units (merges, renames, splits, transfers; DOMAIN §1.6):
 * how a 2024-25 report of a dissolved Phòng GD&ĐT is found from the offices that replaced it.
 */
import type { Kysely } from "kysely";
import type { LocalDate } from "../domain/org";
import { newId } from "./ids";
import type { Database } from "./schema";
import type { UpsertOutcome } from "./units";

type Conn = Kysely<Database>;

export const UNIT_LINK_KINDS = ["merge", "rename", "split", "transfer"] as const;
export type UnitLinkKind = (typeof UNIT_LINK_KINDS)[number];

export interface UnitLink {
  readonly fromUnitId: string;
  readonly toUnitId: string;
  readonly kind: UnitLinkKind;
  /** The first day the successor takes over. */
  readonly effectiveDate: LocalDate;
  readonly note: string | null;
}

function toKind(value: string): UnitLinkKind {
  const kind = UNIT_LINK_KINDS.find((k) => k === value);
  if (!kind) throw new Error(`unknown unit link kind "${value}"`);
  return kind;
}

export async function listUnitLinks(db: Conn): Promise<UnitLink[]> {
  const rows = await db
    .selectFrom("unit_links")
    .selectAll()
    .orderBy("effective_date")
    .orderBy("from_unit_id")
    .execute();
  return rows.map((r) => ({
    fromUnitId: r.from_unit_id,
    toUnitId: r.to_unit_id,
    kind: toKind(r.kind),
    effectiveDate: r.effective_date,
    note: r.note,
  }));
}

export async function successorsOf(db: Conn, unitId: string): Promise<UnitLink[]> {
  return (await listUnitLinks(db)).filter((l) => l.fromUnitId === unitId);
}

export async function predecessorsOf(db: Conn, unitId: string): Promise<UnitLink[]> {
  return (await listUnitLinks(db)).filter((l) => l.toUnitId === unitId);
}

/** A link to store; an undefined note keeps the stored one. */
export type UnitLinkInput = Omit<UnitLink, "note"> & { readonly note?: string | null };

/** Creates or updates links, keyed by (from, to, kind). */
export async function linkUnits(db: Conn, links: readonly UnitLinkInput[]): Promise<UpsertOutcome[]> {
  if (links.length === 0) return [];
  const existing = await db.selectFrom("unit_links").selectAll().execute();
  const byKey = new Map(existing.map((r) => [`${r.from_unit_id}|${r.to_unit_id}|${r.kind}`, r]));
  const outcomes: UpsertOutcome[] = [];
  for (const link of links) {
    const stored = byKey.get(`${link.fromUnitId}|${link.toUnitId}|${link.kind}`);
    if (!stored) {
      await db
        .insertInto("unit_links")
        .values({
          id: newId(),
          from_unit_id: link.fromUnitId,
          to_unit_id: link.toUnitId,
          kind: link.kind,
          effective_date: link.effectiveDate,
          note: link.note ?? null,
        })
        .execute();
      outcomes.push("created");
    } else if (
      stored.effective_date !== link.effectiveDate ||
      (link.note !== undefined && stored.note !== link.note)
    ) {
      await db
        .updateTable("unit_links")
        .set({ effective_date: link.effectiveDate, note: link.note === undefined ? stored.note : link.note })
        .where("id", "=", stored.id)
        .execute();
      outcomes.push("updated");
    } else outcomes.push("unchanged");
  }
  return outcomes;
}
