import type { Statement } from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertUnits } from "../../src/db/index";
import { withStatementCache } from "../../src/db/statement-cache";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const NOW = new Date("2026-11-10T03:00:00.000Z");

describe("prepared statements kept per SQL text", () => {
  let tdb: TestDatabase;
  beforeEach(async () => {
    tdb = await createTestDatabase();
    await upsertUnits(
      tdb.db,
      [
        { code: "SO", name: "Sở", kind: "so" },
        { code: "TH-A", name: "Trường A", kind: "school", parentCode: "SO" },
      ],
      NOW,
    );
  });
  afterEach(async () => {
    await tdb.dispose();
  });

  it("sees columns added by a migration-like change in a query prepared before it", async () => {
    const read = () => tdb.db.selectFrom("units").selectAll().where("code", "=", "SO").executeTakeFirst();
    expect(await read()).not.toHaveProperty("note");
    await tdb.db.schema.alterTable("units").addColumn("note", "text").execute();
    expect(await read()).toHaveProperty("note", null);
  });
});

describe("withStatementCache", () => {
  it("prepares each SQL text once, keeps at most the bound, dropping the least recently used", () => {
    const prepared: string[] = [];
    const raw = {
      prepare: (sql: string) => {
        prepared.push(sql);
        return { busy: false, sql } as unknown as Statement;
      },
      close: () => undefined,
    };
    const cached = withStatementCache(raw, 2);
    for (const sql of ["a", "b", "a", "c", "a", "b"]) cached.prepare(sql);
    // "b" was the least recently used when "c" came: dropped, prepared again at the end.
    expect(prepared).toEqual(["a", "b", "c", "b"]);
  });
});
