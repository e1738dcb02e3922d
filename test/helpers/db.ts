import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateToLatest, type OpenDatabase, openDatabase } from "../../src/db/index";

export interface TestDatabase extends OpenDatabase {
  readonly dir: string;
  /** Closes the database and removes its folder. */
  dispose(): Promise<void>;
}

/** A real SQLite file in a fresh temporary folder, with every migration applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-test-"));
  const opened = await openDatabase({ kind: "sqlite", file: path.join(dir, "baocao.db") });
  await migrateToLatest(opened.db);
  return {
    ...opened,
    dir,
    async dispose() {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(prefix = "baocao-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
