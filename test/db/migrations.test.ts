import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest, migrationNames, openDatabase } from "../../src/db/index";
import { tempDir } from "../helpers/db";

describe("migrations", () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it("apply in order to an empty database, then do nothing the second time", async () => {
    const file = `${tempDir()}/fresh.db`;
    const opened = await openDatabase({ kind: "sqlite", file });
    closers.push(() => opened.close());
    const applied = await migrateToLatest(opened.db);
    expect(applied).toEqual(migrationNames());
    expect(applied.length).toBeGreaterThan(0);
    expect(await migrateToLatest(opened.db)).toEqual([]);
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
      opened.db,
    );
    const names = tables.rows.map((r) => r.name);
    for (const t of ["units", "people", "memberships", "plans", "articles", "settings"]) {
      expect(names).toContain(t);
    }
  });

  it("turn on WAL and foreign keys", async () => {
    const opened = await openDatabase({ kind: "sqlite", file: `${tempDir()}/pragmas.db` });
    closers.push(() => opened.close());
    const wal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(opened.db);
    expect(wal.rows[0]?.journal_mode).toBe("wal");
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(opened.db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
  });
});
