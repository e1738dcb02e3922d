/**
 * Workbooks sent in the chat carry names of the people who submitted: once sent they have no
 * purpose on our disk (Law 91/2025: keep personal data no longer than its purpose needs). They are
 * written under DATA_DIR/exports and removed after EXPORT_RETENTION_DAYS, long enough for a send
 * that waits for a channel's window or retries. The web chat keeps its own copy of what it showed.
 */
import fs from "node:fs/promises";
import path from "node:path";

export const EXPORT_RETENTION_DAYS = 7;
const DAY_MS = 86_400_000;

export function exportsDir(dataDir: string): string {
  return path.join(dataDir, "exports");
}

/** Removes exported workbooks older than `days`; returns how many. */
export async function pruneExports(
  dataDir: string,
  now: Date,
  days = EXPORT_RETENTION_DAYS,
): Promise<number> {
  const root = exportsDir(dataDir);
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const before = now.getTime() - days * DAY_MS;
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat && stat.mtimeMs < before) {
      await fs.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
