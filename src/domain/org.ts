/** The organisation vocabulary (see README.md in this folder for the Vietnamese terms). */

export const UNIT_KINDS = [
  "so",
  "office",
  "division",
  "district_office",
  "commune_office",
  "cluster",
  "school",
  "center",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const SCHOOL_LEVELS = ["mn", "th", "thcs", "thpt", "gdtx"] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export const ROLES = ["head", "deputy", "comms", "office_staff", "admin", "cluster_head", "staff"] as const;
export type Role = (typeof ROLES)[number];

export const ADDRESS_FORMS = ["thay", "co", "dong_chi", "anh", "chi"] as const;
export type AddressAs = (typeof ADDRESS_FORMS)[number];

/** A calendar date in Asia/Ho_Chi_Minh, "YYYY-MM-DD". */
export type LocalDate = string;

export interface Unit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly kind: UnitKind;
  readonly levels: readonly SchoolLevel[];
  /** Administrative parent (who legally manages the unit). */
  readonly parentId: string | null;
  /** Where the unit's reports go by default; may differ from the parent (DOMAIN §6). */
  readonly reportsToId: string | null;
  /** Inclusive; null = since always. */
  readonly validFrom: LocalDate | null;
  /** Inclusive; null = still valid. */
  readonly validTo: LocalDate | null;
}

export interface Person {
  readonly id: string;
  readonly fullName: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly addressAs: AddressAs | null;
}

export interface Membership {
  readonly personId: string;
  readonly unitId: string;
  readonly role: Role;
}

/** A membership as stored, with the days it is in force (a principal moved elsewhere has a valid_to). */
export interface DatedMembership extends Membership {
  /** Inclusive; null = since always. */
  readonly validFrom: LocalDate | null;
  /** Inclusive; null = still in force. */
  readonly validTo: LocalDate | null;
}

/** Is the membership in force on this day? Before it starts or after it ends it grants nothing. */
export function isMembershipValidOn(
  m: Pick<DatedMembership, "validFrom" | "validTo">,
  day: LocalDate,
): boolean {
  return (m.validFrom === null || m.validFrom <= day) && (m.validTo === null || day <= m.validTo);
}

/** Is the unit in existence on this day? */
export function isUnitValidOn(unit: Pick<Unit, "validFrom" | "validTo">, day: LocalDate): boolean {
  return (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || day <= unit.validTo);
}

/** Does the unit exist on at least one day of [from, to]? */
export function isUnitValidDuring(
  unit: Pick<Unit, "validFrom" | "validTo">,
  from: LocalDate,
  to: LocalDate,
): boolean {
  return (unit.validFrom === null || unit.validFrom <= to) && (unit.validTo === null || from <= unit.validTo);
}

/** The given name is the last word of a Vietnamese full name: "Nguyễn Thị Lan" → "Lan". */
export function givenName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts[parts.length - 1] ?? fullName;
}
