import { describe, expect, it } from "vitest";
import { computeInstances, instancesOf, scheduleInstances } from "../../src/domain/instances";
import type { SchoolLevel, Unit } from "../../src/domain/org";
import { loadCalendar, presets } from "../../src/plan/index";
import { unit } from "./fixtures";

const LEVELS: readonly (readonly SchoolLevel[])[] = [
  ["mn"],
  ["th"],
  ["thcs"],
  ["th", "thcs"],
  ["thpt"],
  ["gdtx"],
];

/** A mixed Sở: every kind, several offices over time, schools created and dissolved during the year. */
function org(): Unit[] {
  const units = [
    unit("SO", "so"),
    unit("VP", "office", { parentId: "id-SO", validTo: "2026-12-31" }),
    unit("VP2", "office", { parentId: "id-SO", validFrom: "2027-01-01" }),
    unit("GDPT", "division", { parentId: "id-SO" }),
    unit("PGD", "district_office", { parentId: "id-SO", validTo: "2025-06-30" }),
  ];
  for (let x = 0; x < 4; x++) units.push(unit(`XA${x}`, "commune_office"));
  for (let c = 0; c < 3; c++) units.push(unit(`CUM${c}`, "cluster", { parentId: "id-SO" }));
  for (let i = 0; i < 60; i++) {
    units.push(
      unit(`TR${i}`, i % 6 === 5 ? "center" : "school", {
        levels: LEVELS[i % LEVELS.length],
        parentId: `id-XA${i % 4}`,
        reportsToId: i % 2 === 0 ? `id-CUM${i % 3}` : null,
        validFrom: i % 11 === 0 ? "2026-11-20" : null,
        validTo: i % 13 === 0 ? "2027-02-10" : null,
      }),
    );
  }
  return units;
}

const MONTHS = ["2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-05"];
const lastDay = (month: string) => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
};

describe("scheduleInstances + instancesOf", () => {
  it("equals computeInstances for every preset, range and set of units, order included", async () => {
    const units = org();
    const subsets = [units, units.slice(5, 6), units.slice(12, 14), units.filter((_, i) => i % 7 === 0)];
    let compared = 0;
    for (const plan of presets) {
      const loaded = await loadCalendar(plan.calendar);
      if (!loaded.ok) throw new Error(plan.calendar);
      const ranges = [
        ...MONTHS.map((m) => ({ from: `${m}-01`, to: lastDay(m) })),
        ...MONTHS.map((m) => ({ from: `${m}-10`, to: `${m}-10` })),
        { from: "2026-09-01", to: "2027-08-31" },
      ];
      for (const range of ranges) {
        const schedule = scheduleInstances(plan, loaded.calendar, range);
        for (const some of subsets) {
          const expected = computeInstances(plan, some, loaded.calendar, range);
          expect(instancesOf(schedule, some)).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    // The comparison covered real instances, not empty lists.
    expect(compared).toBeGreaterThan(1000);
  });
});
