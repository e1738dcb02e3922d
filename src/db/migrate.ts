import { type MigrationResultSet, Migrator } from "kysely";
import { migrations } from "../../migrations/index";
import type { Db } from "./connect";

export class MigrationError extends Error {
  readonly code = "MIGRATION_FAILED";
  constructor(
    readonly migrationName: string | undefined,
    override readonly cause: unknown,
  ) {
    super(`migration ${migrationName ?? "?"} failed: ${String(cause)}`);
    this.name = "MigrationError";
  }
}

/** Applies every pending migration in order; returns the names applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    throw new MigrationError(failed?.migrationName, result.error);
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

export function migrationNames(): string[] {
  return Object.keys(migrations).sort();
}
