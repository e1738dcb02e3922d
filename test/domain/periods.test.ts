import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enumeratePeriods, type Period } from "../../src/domain/periods";
import type { PeriodRule } from "../../src/domain/plan";
import { addDays } from "../../src/domain/time";
import { TEST_CALENDAR } from "./fixtures";

const spans = (periods: Period[]) => periods.map((p) => `${p.key} ${p.start}..${p.end}`);

function periods(rule: PeriodRule, from: string, to: string) {
  return enumeratePeriods(rule, TEST_CALENDAR, from, to);
}

describe("weekly periods (ISO weeks, Monday to Sunday)", () => {
  it("cross the year boundary through 2026-W53 into 2027-W01", () => {
    expect(spans(periods({ cadence: "weekly" }, "2026-12-25", "2027-01-05"))).toEqual([
      "2026-W52 2026-12-21..2026-12-27",
      "2026-W53 2026-12-28..2027-01-03",
      "2027-W01 2027-01-04..2027-01-10",
    ]);
  });

  it("a week belongs to the month of its Thursday", () => {
    const [w] = periods({ cadence: "weekly" }, "2026-12-28", "2026-12-28");
    expect(w).toMatchObject({ key: "2026-W53", year: 2026, month: 12 });
    const [w2] = periods({ cadence: "weekly" }, "2026-08-31", "2026-08-31"); // Mon 31/8, Thu 3/9
    expect(w2).toMatchObject({ key: "2026-W36", month: 9 });
  });
});

describe("monthly periods", () => {
  it("are calendar months by default, with 30 and 31 days and leap Februaries", () => {
    expect(spans(periods({ cadence: "monthly" }, "2028-01-31", "2028-04-01"))).toEqual([
      "2028-01 2028-01-01..2028-01-31",
      "2028-02 2028-02-01..2028-02-29",
      "2028-03 2028-03-01..2028-03-31",
      "2028-04 2028-04-01..2028-04-30",
    ]);
    expect(spans(periods({ cadence: "monthly" }, "2027-02-10", "2027-02-10"))).toEqual([
      "2027-02 2027-02-01..2027-02-28",
    ]);
  });

  it("with cut-off 15, month 11/2026 runs 15/10 → 14/11 and January crosses the year boundary", () => {
    const rule: PeriodRule = { cadence: "monthly", cutoff_day: 15 };
    expect(spans(periods(rule, "2026-11-10", "2026-11-10"))).toEqual(["2026-11 2026-10-15..2026-11-14"]);
    expect(spans(periods(rule, "2026-12-20", "2027-01-10"))).toEqual(["2027-01 2026-12-15..2027-01-14"]);
    expect(spans(periods(rule, "2026-12-14", "2026-12-15"))).toEqual([
      "2026-12 2026-11-15..2026-12-14",
      "2027-01 2026-12-15..2027-01-14",
    ]);
    expect(periods(rule, "2026-11-10", "2026-11-10")[0]).toMatchObject({
      year: 2026,
      month: 11,
      cutoff: true,
    });
  });

  it("cut-off windows tile time without gaps or overlaps, for any cut-off day (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 31 }), fc.integer({ min: 0, max: 3000 }), (cutoff, n) => {
        const from = addDays("2020-01-01", n);
        const list = periods({ cadence: "monthly", cutoff_day: cutoff }, from, addDays(from, 400));
        expect((list[0]?.start ?? "9999") <= from).toBe(true);
        for (let i = 1; i < list.length; i++) {
          expect(list[i]?.start).toBe(addDays(list[i - 1]?.end ?? "", 1));
        }
      }),
    );
  });

  it("active_months drops the months outside them", () => {
    const rule: PeriodRule = { cadence: "monthly", active_months: [9, 10, 11, 12, 1, 2, 3, 4, 5] };
    expect(periods(rule, "2026-05-01", "2026-09-30").map((p) => p.key)).toEqual(["2026-05", "2026-09"]);
  });
});

describe("quarters and years", () => {
  it("quarters follow the calendar, or the cut-off (Q1/2027 from 15/12/2026)", () => {
    expect(spans(periods({ cadence: "quarterly" }, "2026-12-31", "2027-01-01"))).toEqual([
      "2026-Q4 2026-10-01..2026-12-31",
      "2027-Q1 2027-01-01..2027-03-31",
    ]);
    expect(spans(periods({ cadence: "quarterly", cutoff_day: 15 }, "2026-12-20", "2026-12-20"))).toEqual([
      "2027-Q1 2026-12-15..2027-03-14",
    ]);
    expect(spans(periods({ cadence: "quarterly", cutoff_day: 15 }, "2026-09-20", "2026-09-20"))).toEqual([
      "2026-Q4 2026-09-15..2026-12-14",
    ]);
  });

  it("calendar years, with the annual 15/12 → 14/12 window", () => {
    expect(spans(periods({ cadence: "calendar_year" }, "2026-06-01", "2026-06-01"))).toEqual([
      "2026 2026-01-01..2026-12-31",
    ]);
    expect(spans(periods({ cadence: "calendar_year", cutoff_day: 15 }, "2026-12-20", "2026-12-20"))).toEqual([
      "2027 2026-12-15..2027-12-14",
    ]);
  });

  it("semesters and school years come from the calendar and span two calendar years", () => {
    expect(spans(periods({ cadence: "semester" }, "2026-09-01", "2027-06-30"))).toEqual([
      "2026-2027-HK1 2026-09-05..2027-01-16",
      "2026-2027-HK2 2027-01-18..2027-05-29",
    ]);
    const [year] = periods({ cadence: "school_year" }, "2027-01-01", "2027-01-01");
    expect(year).toMatchObject({
      key: "2026-2027",
      start: "2026-09-05",
      end: "2027-05-29",
      schoolYearId: "2026-2027",
    });
    // between two school years (summer) there is none, and the calendar knows no 2027-2028
    expect(periods({ cadence: "school_year" }, "2026-06-15", "2026-08-31")).toEqual([]);
    expect(periods({ cadence: "school_year" }, "2027-09-01", "2028-05-31")).toEqual([]);
  });

  it("fixed_annual gives school years by default, or calendar years", () => {
    expect(periods({ cadence: "fixed_annual" }, "2026-10-01", "2026-10-01").map((p) => p.key)).toEqual([
      "2026-2027",
    ]);
    expect(
      periods({ cadence: "fixed_annual", year: "calendar_year" }, "2026-10-01", "2027-02-01").map(
        (p) => p.key,
      ),
    ).toEqual(["2026", "2027"]);
  });

  it("anytime has no periods", () => {
    expect(periods({ cadence: "anytime" }, "2026-01-01", "2027-12-31")).toEqual([]);
  });
});
