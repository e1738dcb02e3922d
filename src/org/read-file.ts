/** Reads an import file into rows, choosing the format by the file's extension. */
import fs from "node:fs/promises";
import path from "node:path";
import type { RawRow } from "./cells";
import { decodeCsv, parseCsv } from "./csv";
import type { Problem } from "./problems";
import { readXlsx } from "./xlsx";

export type FileFormat = "csv" | "xlsx";

export function formatOf(file: string): FileFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") return "csv";
  if (ext === ".xlsx") return "xlsx";
  return undefined;
}

function fileProblem(key: string, params: Record<string, unknown> = {}): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ row: null, column: null, key, params }] };
}

export async function readRows(
  file: string,
): Promise<{ ok: true; rows: RawRow[] } | { ok: false; problems: Problem[] }> {
  const format = formatOf(file);
  if (!format) return fileProblem("org:problem.unsupportedFormat", { file: path.basename(file) });
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return fileProblem("org:problem.cannotRead", { file });
  }
  if (format === "csv") {
    const decoded = decodeCsv(bytes);
    if (!decoded.ok) return fileProblem("org:problem.notUtf8");
    const rows = parseCsv(decoded.text).map((cells, i) => ({ rowNumber: i + 1, cells }));
    return { ok: true, rows };
  }
  try {
    return { ok: true, rows: await readXlsx(bytes) };
  } catch {
    return fileProblem("org:problem.badXlsx", { file: path.basename(file) });
  }
}
