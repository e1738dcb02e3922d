import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWalCheckpointer } from "../../src/db/checkpointer";
import { setSetting } from "../../src/db/index";
import { createLogger } from "../../src/log";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const NOW = new Date("2026-11-10T03:00:00.000Z");
const autocheckpoint = async (tdb: TestDatabase) =>
  (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(tdb.db)).rows[0]
    ?.wal_autocheckpoint;

describe("the WAL checkpointer", () => {
  let tdb: TestDatabase;
  beforeEach(async () => {
    tdb = await createTestDatabase();
  });
  afterEach(async () => {
    await tdb.dispose();
  });

  it("takes checkpoints off the connection, copies every committed frame, and gives them back", async () => {
    const errors: string[] = [];
    // A long interval: only the checkpoints asked for below run.
    const checkpointer = await startWalCheckpointer(
      tdb.db,
      tdb.location,
      createLogger("error", (l) => errors.push(l)),
      3_600_000,
    );
    expect(await autocheckpoint(tdb)).toBe(0);
    for (let i = 0; i < 50; i++) await setSetting(tdb.db, `k${i}`, "v".repeat(2000), NOW);
    const result = await checkpointer.checkpointNow();
    expect(result.log).toBeGreaterThan(0);
    expect(result.checkpointed).toBe(result.log);
    await checkpointer.stop();
    expect(await autocheckpoint(tdb)).toBe(1000);
    expect(errors).toEqual([]);
  });
});
