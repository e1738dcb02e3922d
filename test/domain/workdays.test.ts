import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/time";
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDays,
} from "../../src/domain/workdays";
import { TEST_CALENDAR } from "./fixtures";

const office = workingDays(TEST_CALENDAR, "office");
const school = workingDays(TEST_CALENDAR, "school");

describe("working days", () => {
  it("are Monday to Friday except the holidays of the chosen list", () => {
    expect(isWorkingDay(TEST_CALENDAR, "office", "2026-02-13")).toBe(true); // Friday before Tết
    expect(isWorkingDay(TEST_CALENDAR, "school", "2026-02-13")).toBe(false); // pupils' break started
    expect(isWorkingDay(TEST_CALENDAR, "office", "2026-02-17")).toBe(false); // Tuesday of Tết
    expect(isWorkingDay(TEST_CALENDAR, "office", "2026-02-21")).toBe(false); // Saturday
    expect(isWorkingDay(TEST_CALENDAR, "office", "2026-02-23")).toBe(true);
    expect(isWorkingDay(TEST_CALENDAR, "office", "2026-09-02")).toBe(false);
    expect(isWorkingDay(TEST_CALENDAR, "school", "2026-09-02")).toBe(true); // not on the school list
  });

  it("next and previous skip weekends and the whole Tết break", () => {
    expect(nextWorkingDay(TEST_CALENDAR, "office", "2026-02-13")).toBe("2026-02-23");
    expect(previousWorkingDay(TEST_CALENDAR, "office", "2026-02-23")).toBe("2026-02-13");
    expect(previousWorkingDay(TEST_CALENDAR, "school", "2026-02-23")).toBe("2026-02-11");
    expect(nextWorkingDay(TEST_CALENDAR, "office", "2026-11-27")).toBe("2026-11-30"); // Friday → Monday
    // strictly after / before, even from a working day
    expect(nextWorkingDay(TEST_CALENDAR, "office", "2026-11-24")).toBe("2026-11-25");
    expect(office.onOrAfter("2026-11-24")).toBe("2026-11-24");
    expect(office.onOrBefore("2026-11-29")).toBe("2026-11-27");
  });

  it("adds and subtracts working days, not counting the start day", () => {
    expect(addWorkingDays(TEST_CALENDAR, "office", "2026-11-27", 1)).toBe("2026-11-30");
    expect(addWorkingDays(TEST_CALENDAR, "office", "2026-11-30", -1)).toBe("2026-11-27");
    expect(addWorkingDays(TEST_CALENDAR, "office", "2026-02-12", 2)).toBe("2026-02-23"); // 13, then 23
    expect(addWorkingDays(TEST_CALENDAR, "office", "2026-02-24", -3)).toBe("2026-02-12");
    expect(addWorkingDays(TEST_CALENDAR, "office", "2026-11-23", 5)).toBe("2026-11-30");
    expect(addWorkingDays(TEST_CALENDAR, "office", "2026-11-29", 0)).toBe("2026-11-29");
  });

  it("add(n) lands on a working day and add(−n) brings a working day back (property)", () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays("2025-09-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), fc.constantFrom(office, school), (d, n, wd) => {
        const start = wd.onOrAfter(d);
        const moved = wd.add(start, n);
        expect(wd.isWorkingDay(moved)).toBe(true);
        expect(wd.add(moved, -n)).toBe(start);
        if (n > 0) expect(moved > start).toBe(true);
        if (n < 0) expect(moved < start).toBe(true);
      }),
    );
  });

  it("is computed once per calendar and list", () => {
    expect(workingDays(TEST_CALENDAR, "office")).toBe(office);
    expect(office).not.toBe(school);
  });
});
