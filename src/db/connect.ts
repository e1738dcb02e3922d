import fs from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { DatabaseTarget } from "../config";
import type { Database } from "./schema";
import { withStatementCache } from "./statement-cache";

export type Db = Kysely<Database>;

export interface OpenDatabase {
  readonly db: Db;
  readonly dialect: "sqlite" | "postgres";
  /** Where the data lives, for people to read (never contains a password). */
  readonly location: string;
  close(): Promise<void>;
}

/** SQLite waits this long for a lock held by another process before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === "sqlite") {
    if (target.file !== ":memory:") fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SqliteDatabase(target.file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: "sqlite", location: target.file, close: () => db.destroy() };
  }
  // PostgreSQL support is loaded lazily so that SQLite users never need `pg` at run time.
  const pg = await import("pg");
  const pool = new pg.default.Pool({ connectionString: target.url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = target.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
  return { db, dialect: "postgres", location, close: () => db.destroy() };
}
