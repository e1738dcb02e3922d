import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  clampedDate,
  daysInMonth,
  isoWeekMonday,
  isoWeekOf,
  isoWeeksInYear,
  mondayOf,
} from "../../src/domain/dates";
import { addDays, isoWeekday } from "../../src/domain/time";

describe("month lengths and clamped days", () => {
  it("knows 30- and 31-day months and leap Februaries", () => {
    expect([1, 3, 5, 7, 8, 10, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 31, 31, 31, 31, 31]);
    expect([4, 6, 9, 11].map((m) => daysInMonth(2026, m))).toEqual([30, 30, 30, 30]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it("clamps a day past the month's end to its last day and counts negative days from the end", () => {
    expect(clampedDate(2026, 11, 31)).toBe("2026-11-30");
    expect(clampedDate(2027, 2, 29)).toBe("2027-02-28");
    expect(clampedDate(2028, 2, 29)).toBe("2028-02-29");
    expect(clampedDate(2026, 12, -1)).toBe("2026-12-31");
    expect(clampedDate(2026, 4, -1)).toBe("2026-04-30");
    expect(clampedDate(2026, 4, -2)).toBe("2026-04-29");
  });

  it("carries months into years both ways", () => {
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(addMonths({ year: 2026, month: 11 }, -23)).toEqual({ year: 2024, month: 12 });
  });
});

describe("ISO weeks", () => {
  it("puts 04/01/2027 in 2027-W01 and the days before it in 2026-W53", () => {
    expect(isoWeekOf("2027-01-04")).toEqual({ year: 2027, week: 1 });
    expect(isoWeekOf("2027-01-03")).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf("2026-12-28")).toEqual({ year: 2026, week: 53 });
    expect(isoWeekMonday({ year: 2027, week: 1 })).toBe("2027-01-04");
  });

  it("counts 53 weeks in 2026 (1 January a Thursday) and 52 in 2027", () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeekOf("2026-01-01")).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf("2025-12-29")).toEqual({ year: 2026, week: 1 });
  });

  it("week 48 of 2026 is Monday 23/11 to Sunday 29/11", () => {
    expect(isoWeekMonday({ year: 2026, week: 48 })).toBe("2026-11-23");
    expect(isoWeekOf("2026-11-29")).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf("2026-11-30")).toEqual({ year: 2026, week: 49 });
  });

  it("every day lies in the week whose Monday is its Monday (property)", () => {
    const day = fc.integer({ min: 0, max: 365 * 200 }).map((n) => addDays("1950-01-01", n));
    fc.assert(
      fc.property(day, (d) => {
        const monday = mondayOf(d);
        expect(isoWeekday(monday)).toBe(1);
        expect(isoWeekMonday(isoWeekOf(d))).toBe(monday);
      }),
    );
  });
});
