/**
 * Whom to call about a unit: the holders of some roles (its communications officer, its head),
 * in force on a day, with their names and phones. Who may read the phones is the caller's
 * decision (src/bot/status/missing-render.ts says why only the Văn phòng does).
 */
import type { Kysely } from "kysely";
import { ADDRESS_FORMS, type AddressAs, type LocalDate, type Role } from "../domain/org";
import { membershipInForce } from "./people";
import type { Database } from "./schema";

type Conn = Kysely<Database>;

/** SQLite's bound-parameter limit is 32766; stay far below it per query. */
const UNITS_PER_QUERY = 5_000;

export interface UnitContact {
  readonly unitId: string;
  readonly personId: string;
  readonly role: Role;
  readonly fullName: string;
  readonly phone: string | null;
  readonly addressAs: AddressAs | null;
}

/** Per unit, the holders of `roles` in force on `day`: in the order of `roles`, then by name. */
export async function unitContacts(
  db: Conn,
  unitIds: readonly string[],
  roles: readonly Role[],
  day: LocalDate,
): Promise<Map<string, UnitContact[]>> {
  const byUnit = new Map<string, UnitContact[]>();
  if (roles.length === 0) return byUnit;
  const ids = [...new Set(unitIds)];
  for (let i = 0; i < ids.length; i += UNITS_PER_QUERY) {
    const rows = await db
      .selectFrom("memberships")
      .innerJoin("people", "people.id", "memberships.person_id")
      .select([
        "memberships.unit_id",
        "memberships.person_id",
        "memberships.role",
        "people.full_name",
        "people.phone",
        "people.address_as",
      ])
      .where("memberships.unit_id", "in", ids.slice(i, i + UNITS_PER_QUERY))
      .where("memberships.role", "in", [...roles])
      .where(membershipInForce(day, "memberships"))
      .execute();
    for (const r of rows) {
      const list = byUnit.get(r.unit_id) ?? [];
      if (list.some((c) => c.personId === r.person_id && c.role === r.role)) continue;
      list.push({
        unitId: r.unit_id,
        personId: r.person_id,
        role: r.role as Role,
        fullName: r.full_name,
        phone: r.phone,
        addressAs: ADDRESS_FORMS.find((a) => a === r.address_as) ?? null,
      });
      byUnit.set(r.unit_id, list);
    }
  }
  const byName = new Intl.Collator("vi");
  for (const list of byUnit.values()) {
    list.sort(
      (a, b) => roles.indexOf(a.role) - roles.indexOf(b.role) || byName.compare(a.fullName, b.fullName),
    );
  }
  return byUnit;
}
