/**
 * Last month's report lines, kept for a minute. Their periods are all past due, so their status
 * changes only with a submission or an exemption: this process's writes bump the status epoch
 * (db/change-epoch.ts), and another process's (the CLI) are seen within PAST_LINES_TTL_MS. Without
 * it, keeping last month's owed periods on /trangthai doubled the Văn phòng's cost per request.
 * Only large unit sets (the Văn phòng, a big Phòng) are kept; a school's own lines are cheap.
 */
import { statusEpoch } from "../../db/change-epoch";
import type { Unit } from "../../domain/org";
import type { ReportLine } from "./model";

export const PAST_LINES_TTL_MS = 60_000;
/** Fewer units than this (a school, a cluster) are cheaper to compute than to key. */
export const PAST_LINES_MIN_UNITS = 50;
const ENTRIES_KEPT = 32;

const ids = new WeakMap<object, number>();
let nextId = 0;
function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = ++nextId;
    ids.set(o, id);
  }
  return id;
}

const kept = new Map<string, { readonly until: number; readonly lines: readonly ReportLine[] }>();

/** The lines for this key, computed by `compute` when missing, stale or of an older epoch. */
export async function pastLines(
  owners: readonly object[],
  month: string,
  units: readonly Unit[],
  compute: () => Promise<readonly ReportLine[]>,
): Promise<readonly ReportLine[]> {
  if (units.length < PAST_LINES_MIN_UNITS) return compute();
  const key = [...owners.map(idOf), month, statusEpoch(), units.map((u) => u.id).join(",")].join("|");
  const hit = kept.get(key);
  const clock = Date.now();
  if (hit && hit.until > clock) return hit.lines;
  const lines = await compute();
  if (kept.size >= ENTRIES_KEPT) kept.clear();
  kept.set(key, { until: clock + PAST_LINES_TTL_MS, lines });
  return lines;
}
