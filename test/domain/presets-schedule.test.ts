/**
 * The deadline calendar against the real presets and their shipped calendars: whatever a preset
 * says, every instance of a school year must be coherent (due in range, opened before due, moved
 * off weekends and holidays when its policy says so).
 */
import { describe, expect, it } from "vitest";
import { computeInstances } from "../../src/domain/instances";
import type { Unit } from "../../src/domain/org";
import { UNIT_KINDS } from "../../src/domain/org";
import { workingDays } from "../../src/domain/workdays";
import { loadCalendar, presets } from "../../src/plan/index";
import { unit } from "./fixtures";

// One unit of every kind, schools of every level, so every audience matches someone.
const UNITS: Unit[] = [
  ...UNIT_KINDS.filter((k) => k !== "school").map((k) => unit(k.toUpperCase(), k, { parentId: "id-SO" })),
  unit("MN", "school", { levels: ["mn"], parentId: "id-COMMUNE_OFFICE" }),
  unit("TH_THCS", "school", {
    levels: ["th", "thcs"],
    parentId: "id-COMMUNE_OFFICE",
    reportsToId: "id-CLUSTER",
  }),
  unit("THPT", "school", { levels: ["thpt"], parentId: "id-SO" }),
  unit("GDTX", "school", { levels: ["gdtx"], parentId: "id-SO" }),
];
const RANGE = { from: "2025-09-05", to: "2026-09-04" };

describe.each(presets.map((p) => [p.id, p] as const))("preset %s over school year 2025-2026", (_id, plan) => {
  it("gives every periodic obligation instances with coherent dates", async () => {
    const loaded = await loadCalendar(plan.calendar);
    if (!loaded.ok) throw new Error(`calendar ${plan.calendar}`);
    const wd = workingDays(loaded.calendar, plan.calendar_kind);
    const instances = computeInstances(plan, UNITS, loaded.calendar, RANGE);
    const byCode = new Map(plan.obligations.map((o) => [o.code, o]));
    for (const o of plan.obligations) {
      if (o.kind === "event" || o.period.cadence === "anytime") {
        expect(
          instances.some((i) => i.obligationCode === o.code),
          o.code,
        ).toBe(false);
      } else {
        expect(
          instances.some((i) => i.obligationCode === o.code),
          `${o.code} has no instance`,
        ).toBe(true);
      }
    }
    for (const i of instances) {
      const o = byCode.get(i.obligationCode);
      const where = `${i.obligationCode} ${i.periodKey} ${i.unitId}`;
      expect(i.opensOn <= i.dueDate, where).toBe(true);
      expect(i.periodStart <= i.periodEnd, where).toBe(true);
      if (i.kind === "report") expect(i.dueDate >= RANGE.from && i.dueDate <= RANGE.to, where).toBe(true);
      else expect(i.target, where).toBeGreaterThan(0);
      if (o && o.due.holiday_policy !== "none") expect(wd.isWorkingDay(i.dueDate), where).toBe(true);
    }
  });
});
