export { type Db, type OpenDatabase, openDatabase } from "./connect";
export { newId, toStoredInstant } from "./ids";
export { MigrationError, migrateToLatest, migrationNames } from "./migrate";
export type * from "./schema";
export { getSetting, setSetting } from "./settings";
