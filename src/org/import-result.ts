/** What an import reports back: counts per outcome, or every problem found. */
import type { UpsertOutcome } from "../db/units";
import type { Problem } from "./problems";

export interface OutcomeCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface ImportSummary extends OutcomeCounts {
  /** Data rows read from the file. */
  readonly rows: number;
  /** Predecessor → successor links (units files only). */
  readonly links?: OutcomeCounts;
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: Problem[] };

export interface ImportOptions {
  readonly now: Date;
  /** Called while writing, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

export function countOutcomes(outcomes: readonly UpsertOutcome[]): OutcomeCounts {
  const count = (o: UpsertOutcome) => outcomes.filter((x) => x === o).length;
  return { created: count("created"), updated: count("updated"), unchanged: count("unchanged") };
}
