export { type Db, type OpenDatabase, openDatabase } from "./connect";
export { newId, toStoredInstant } from "./ids";
export { MigrationError, migrateToLatest, migrationNames } from "./migrate";
export {
  findPersonByPhoneOrEmail,
  getPersonById,
  listMemberships,
  listPeople,
  membershipInForce,
  type PersonInput,
  upsertPeople,
} from "./people";
export type * from "./schema";
export { getSetting, setSetting } from "./settings";
export {
  linkUnits,
  listUnitLinks,
  predecessorsOf,
  successorsOf,
  UNIT_LINK_KINDS,
  type UnitLink,
  type UnitLinkInput,
  type UnitLinkKind,
} from "./unit-links";
export {
  countUnits,
  getUnitByCode,
  getUnitById,
  listUnits,
  normalizeUnitCode,
  type StoredUnit,
  type UnitInput,
  type UpsertOutcome,
  upsertUnits,
} from "./units";
