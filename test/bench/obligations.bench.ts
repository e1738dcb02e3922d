/**
 * computeInstances over a large Sở: 3,000 units (schools of mixed levels, commune offices,
 * clusters, centres, divisions) × every obligation of the `modern` preset, for a whole school year.
 * Target: under 1 s, cold (the first call, as the scheduler tick and the dashboard make it).
 */
import { computeInstances } from "../../src/domain/instances";
import type { SchoolLevel, Unit } from "../../src/domain/org";
import { parsePeriodKey, queryRange } from "../../src/domain/period-keys";
import { getPreset, loadCalendar } from "../../src/plan/index";
import type { Bench } from "./types";

const UNIT_COUNT = 3000;
const TARGET_MS = 1000;
const RUNS = 5;

const LEVEL_MIXES: readonly (readonly SchoolLevel[])[] = [
  ["mn"],
  ["mn"],
  ["th"],
  ["th"],
  ["thcs"],
  ["th", "thcs"],
  ["thpt"],
  ["thcs", "thpt"],
];

/** A Sở with 120 communes, 15 clusters, 12 divisions, 40 centres and schools for the rest. */
export function generateUnits(count: number): Unit[] {
  const units: Unit[] = [];
  const add = (code: string, kind: Unit["kind"], rest: Partial<Unit> = {}) =>
    units.push({
      id: `u-${code}`,
      code,
      name: code,
      shortName: null,
      kind,
      levels: [],
      parentId: null,
      reportsToId: null,
      validFrom: null,
      validTo: null,
      ...rest,
    });
  add("SO", "so");
  add("VP", "office", { parentId: "u-SO" });
  for (let i = 0; i < 12; i++) add(`DIV${i}`, "division", { parentId: "u-SO" });
  for (let i = 0; i < 120; i++) add(`XA${i}`, "commune_office");
  for (let i = 0; i < 15; i++) add(`CUM${i}`, "cluster", { parentId: "u-SO" });
  for (let i = 0; i < 40; i++) add(`TT${i}`, "center", { parentId: "u-SO", levels: ["gdtx"] });
  for (let i = 0; units.length < count; i++) {
    const levels = LEVEL_MIXES[i % LEVEL_MIXES.length] ?? ["th"];
    const underSo = levels.includes("thpt");
    add(`TR${i}`, "school", {
      levels,
      parentId: underSo ? "u-SO" : `u-XA${i % 120}`,
      reportsToId: `u-CUM${i % 15}`,
      // A few schools merged or opened during the year, to exercise the validity checks.
      validFrom: i % 97 === 0 ? "2026-12-01" : null,
      validTo: i % 89 === 0 ? "2027-02-28" : null,
    });
  }
  return units;
}

export const obligationsBench: Bench = {
  name: "obligations: 3,000 units × modern preset, school year",
  async run() {
    const plan = getPreset("modern");
    if (!plan) throw new Error('preset "modern" not found');
    const loaded = await loadCalendar(plan.calendar);
    if (!loaded.ok)
      throw new Error(`calendar ${plan.calendar}: ${loaded.errors.map((e) => e.message).join("; ")}`);
    const ref = parsePeriodKey("2026-2027");
    if (!ref.ok) throw new Error(ref.reason);
    const range = queryRange(ref.value, loaded.calendar);
    if (!range.ok) throw new Error(range.reason);
    const units = generateUnits(UNIT_COUNT);
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      count = computeInstances(plan, units, loaded.calendar, range.value).length;
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const cold = times[0] ?? Number.NaN;
    return {
      value: cold,
      unit: "ms",
      target: TARGET_MS,
      note: `${count.toLocaleString("en")} instances, ${plan.obligations.length} obligations, ${range.value.from} → ${range.value.to}; cold ${cold.toFixed(0)} ms, warm median ${(sorted[Math.floor(RUNS / 2)] ?? 0).toFixed(0)} ms`,
    };
  },
};
