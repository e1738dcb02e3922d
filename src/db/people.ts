/**
 * People and their roles in units. Who is who (the identity rules below) lives here so that the
 * import, the demo and the bot's sign-up all recognise a person the same way.
 *
 * Identity, for a row "person P with role R in unit U":
 *   1. a member of U with P's phone;
 *   2. anyone with P's phone (the same person in a second unit, e.g. a principal who is also cụm trưởng);
 *   3. a member of U without a phone and with P's e-mail or name (a phone added later);
 *   without a phone: a member of U with P's name (and P's e-mail, when both have one). The e-mail
 *   alone is not enough: a school's shared mailbox is written against several people.
 * Empty values never erase stored ones: one person can appear in several rows of a file.
 * A membership's validity dates are the exception: they belong to the row (one person, one unit),
 * so a given date — null included, "open-ended" — replaces the stored one; undefined keeps it.
 */
import { type Kysely, type Selectable, sql } from "kysely";
import { foldText, normalizeEmail, normalizePhone } from "../domain/contact";
import {
  ADDRESS_FORMS,
  type AddressAs,
  type DatedMembership,
  type LocalDate,
  type Person,
  ROLES,
  type Role,
} from "../domain/org";
import { newId } from "./ids";
import type { Database, PersonTable } from "./schema";
import { chunks, type UpsertOutcome } from "./units";

type Conn = Kysely<Database>;

/** One row: a person's role in a unit. Phone and e-mail already normalised; undefined/null = keep. */
export interface PersonInput {
  readonly unitId: string;
  readonly fullName: string;
  readonly role: Role;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly addressAs?: AddressAs | null;
  /** First day of the membership (inclusive); null = since always; undefined = keep the stored one. */
  readonly validFrom?: LocalDate | null;
  /** Last day of the membership (inclusive); null = open-ended; undefined = keep the stored one. */
  readonly validTo?: LocalDate | null;
}

const PEOPLE_INSERT_CHUNK_ROWS = 500;

function toPerson(row: Selectable<PersonTable>): Person {
  return {
    id: row.id,
    fullName: row.full_name,
    phone: row.phone,
    email: row.email,
    addressAs: ADDRESS_FORMS.find((a) => a === row.address_as) ?? null,
  };
}

function toRole(value: string): Role {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new Error(`unknown role "${value}"`);
  return role;
}

export async function listPeople(db: Conn): Promise<Person[]> {
  const rows = await db.selectFrom("people").selectAll().orderBy("full_name").orderBy("id").execute();
  return rows.map(toPerson);
}

export async function getPersonById(db: Conn, id: string): Promise<Person | undefined> {
  const row = await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toPerson(row) : undefined;
}

/**
 * Memberships with their validity dates, by unit then person. With `on`, only those in force on
 * that local day ("YYYY-MM-DD" dates compare as text); without it, every stored one, ended or not.
 */
export async function listMemberships(
  db: Conn,
  filter: { personId?: string; unitId?: string; on?: LocalDate } = {},
): Promise<DatedMembership[]> {
  let query = db.selectFrom("memberships").select(["person_id", "unit_id", "role", "valid_from", "valid_to"]);
  if (filter.personId) query = query.where("person_id", "=", filter.personId);
  if (filter.unitId) query = query.where("unit_id", "=", filter.unitId);
  if (filter.on) query = query.where(membershipInForce(filter.on));
  const rows = await query.orderBy("unit_id").orderBy("person_id").execute();
  return rows.map(
    (r): DatedMembership => ({
      personId: r.person_id,
      unitId: r.unit_id,
      role: toRole(r.role),
      validFrom: r.valid_from,
      validTo: r.valid_to,
    }),
  );
}

/** SQL condition: the membership row (of `memberships`, optionally aliased) is in force on `day`. */
export function membershipInForce(day: LocalDate, alias?: string) {
  const col = (c: "valid_from" | "valid_to") => (alias ? sql.ref(`${alias}.${c}`) : sql.ref(c));
  return sql<boolean>`(${col("valid_from")} is null or ${col("valid_from")} <= ${day}) and (${col("valid_to")} is null or ${col("valid_to")} >= ${day})`;
}

/**
 * The person behind a phone number or e-mail address as typed by someone signing in. The phone
 * wins; an e-mail shared by several people (a school's common mailbox) identifies nobody.
 */
export async function findPersonByPhoneOrEmail(
  db: Conn,
  contact: { phone?: string | null; email?: string | null },
): Promise<Person | undefined> {
  const phone = contact.phone ? normalizePhone(contact.phone) : undefined;
  if (phone?.ok) {
    const row = await db.selectFrom("people").selectAll().where("phone", "=", phone.value).executeTakeFirst();
    if (row) return toPerson(row);
  }
  const email = contact.email ? normalizeEmail(contact.email) : undefined;
  if (email?.ok) {
    const rows = await db
      .selectFrom("people")
      .selectAll()
      .where("email", "=", email.value)
      .limit(2)
      .execute();
    if (rows.length === 1 && rows[0]) return toPerson(rows[0]);
  }
  return undefined;
}

interface PersonState extends Selectable<PersonTable> {
  isNew: boolean;
  dirty: boolean;
}
interface MemberState {
  id: string;
  personId: string;
  role: string;
  validFrom: string | null;
  validTo: string | null;
  isNew: boolean;
  dirty: boolean;
}

/** What an upsert would do, before it writes anything: the caller may still refuse it. */
export interface PeoplePlan {
  /** One per input row. */
  readonly outcomes: readonly UpsertOutcome[];
  /** The dates each input row's membership would have: the row's own, or the stored ones it keeps. */
  readonly memberships: readonly {
    readonly validFrom: LocalDate | null;
    readonly validTo: LocalDate | null;
  }[];
  write(onProgress?: (done: number, total: number) => void): Promise<void>;
}

/** Creates or updates people and their memberships; one outcome per input row. Use in a transaction. */
export async function upsertPeople(
  db: Conn,
  inputs: readonly PersonInput[],
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<UpsertOutcome[]> {
  const plan = await planPeople(db, inputs, now);
  await plan.write(onProgress);
  return [...plan.outcomes];
}

/** `upsertPeople` without the writing: call `write` in the same transaction to apply it. */
export async function planPeople(db: Conn, inputs: readonly PersonInput[], now: Date): Promise<PeoplePlan> {
  const stamp = now.toISOString();
  const people = new Map<string, PersonState>(
    (await db.selectFrom("people").selectAll().execute()).map((r) => [
      r.id,
      { ...r, isNew: false, dirty: false },
    ]),
  );
  const byPhone = new Map<string, string>();
  for (const p of people.values()) if (p.phone) byPhone.set(p.phone, p.id);
  const members = new Map<string, MemberState[]>();
  for (const m of await db
    .selectFrom("memberships")
    .select(["id", "person_id", "unit_id", "role", "valid_from", "valid_to"])
    .execute()) {
    const list = members.get(m.unit_id) ?? [];
    list.push({
      id: m.id,
      personId: m.person_id,
      role: m.role,
      validFrom: m.valid_from,
      validTo: m.valid_to,
      isNew: false,
      dirty: false,
    });
    members.set(m.unit_id, list);
  }

  const outcomes: UpsertOutcome[] = [];
  const dates: { validFrom: LocalDate | null; validTo: LocalDate | null }[] = [];
  for (const input of inputs) {
    const unitMembers = members.get(input.unitId) ?? [];
    members.set(input.unitId, unitMembers);
    let person = findInUnit(input, unitMembers, people, byPhone);
    if (!person) {
      person = {
        id: newId(),
        full_name: input.fullName,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address_as: input.addressAs ?? null,
        created_at: stamp,
        updated_at: stamp,
        isNew: true,
        dirty: false,
      };
      people.set(person.id, person);
      if (person.phone) byPhone.set(person.phone, person.id);
    }
    const personChanged = applyChanges(person, input);
    const personId = person.id;
    let member = unitMembers.find((m) => m.personId === personId);
    let outcome: UpsertOutcome = personChanged ? "updated" : "unchanged";
    if (!member) {
      member = {
        id: newId(),
        personId,
        role: input.role,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
        isNew: true,
        dirty: false,
      };
      unitMembers.push(member);
      outcome = "created";
    } else if (applyMembershipChanges(member, input)) {
      outcome = "updated";
    }
    outcomes.push(outcome);
    dates.push({ validFrom: member.validFrom, validTo: member.validTo });
  }
  return {
    outcomes,
    memberships: dates,
    write: (onProgress) => writePeople(db, [...people.values()], [...members.entries()], stamp, onProgress),
  };
}

function findInUnit(
  input: PersonInput,
  unitMembers: readonly MemberState[],
  people: ReadonlyMap<string, PersonState>,
  byPhone: ReadonlyMap<string, string>,
): PersonState | undefined {
  const candidates = unitMembers.map((m) => people.get(m.personId)).filter((p) => p !== undefined);
  const name = foldText(input.fullName);
  const sameName = (p: PersonState) => foldText(p.full_name) === name;
  if (input.phone) {
    const phone = input.phone;
    const elsewhere = byPhone.get(phone);
    return (
      candidates.find((p) => p.phone === phone) ??
      (elsewhere ? people.get(elsewhere) : undefined) ??
      candidates.find((p) => p.phone === null && ((input.email && p.email === input.email) || sameName(p)))
    );
  }
  // Without a phone the name decides: schools often share one mailbox between several people.
  const email = input.email;
  return (
    (email ? candidates.find((p) => p.email === email && sameName(p)) : undefined) ??
    candidates.find((p) => sameName(p) && (p.email === null || !email || p.email === email))
  );
}

/** The row's role and given dates onto the membership; true when they changed it. */
function applyMembershipChanges(member: MemberState, input: PersonInput): boolean {
  const next = {
    role: input.role,
    validFrom: input.validFrom === undefined ? member.validFrom : input.validFrom,
    validTo: input.validTo === undefined ? member.validTo : input.validTo,
  };
  const changed =
    next.role !== member.role || next.validFrom !== member.validFrom || next.validTo !== member.validTo;
  if (!changed) return false;
  Object.assign(member, next);
  member.dirty = !member.isNew;
  return true;
}

/** Copies the row's non-empty values onto the person; true when a stored person changed. */
function applyChanges(person: PersonState, input: PersonInput): boolean {
  const next = {
    full_name: input.fullName,
    phone: input.phone ?? person.phone,
    email: input.email ?? person.email,
    address_as: input.addressAs ?? person.address_as,
  };
  const changed =
    next.full_name !== person.full_name ||
    next.phone !== person.phone ||
    next.email !== person.email ||
    next.address_as !== person.address_as;
  if (!changed) return false;
  Object.assign(person, next);
  if (!person.isNew) person.dirty = true;
  return !person.isNew;
}

async function writePeople(
  db: Conn,
  people: readonly PersonState[],
  members: readonly [string, MemberState[]][],
  stamp: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const newPeople = people.filter((p) => p.isNew);
  const dirtyPeople = people.filter((p) => p.dirty);
  const newMembers = members.flatMap(([unitId, list]) =>
    list.filter((m) => m.isNew).map((m) => ({ unitId, ...m })),
  );
  const dirtyMembers = members.flatMap(([, list]) => list.filter((m) => m.dirty));
  const total = newPeople.length + dirtyPeople.length + newMembers.length + dirtyMembers.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  for (const chunk of chunks(newPeople, PEOPLE_INSERT_CHUNK_ROWS)) {
    await db
      .insertInto("people")
      .values(chunk.map(({ isNew: _n, dirty: _d, ...row }) => row))
      .execute();
    step(chunk.length);
  }
  for (const p of dirtyPeople) {
    const { full_name, phone, email, address_as } = p;
    await db
      .updateTable("people")
      .set({ full_name, phone, email, address_as, updated_at: stamp })
      .where("id", "=", p.id)
      .execute();
    step(1);
  }
  for (const chunk of chunks(newMembers, PEOPLE_INSERT_CHUNK_ROWS)) {
    await db
      .insertInto("memberships")
      .values(
        chunk.map((m) => ({
          id: m.id,
          person_id: m.personId,
          unit_id: m.unitId,
          role: m.role,
          valid_from: m.validFrom,
          valid_to: m.validTo,
          created_at: stamp,
        })),
      )
      .execute();
    step(chunk.length);
  }
  for (const m of dirtyMembers) {
    await db
      .updateTable("memberships")
      .set({ role: m.role, valid_from: m.validFrom, valid_to: m.validTo })
      .where("id", "=", m.id)
      .execute();
    step(1);
  }
}
