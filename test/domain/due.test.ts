import { describe, expect, it } from "vitest";
import { dueDate, dueInstant, opensOn } from "../../src/domain/due";
import { periodForKey } from "../../src/domain/period-keys";
import type { Due, HolidayPolicy, PeriodRule } from "../../src/domain/plan";
import { workingDays } from "../../src/domain/workdays";
import { TEST_CALENDAR } from "./fixtures";

const office = workingDays(TEST_CALENDAR, "office");
const school = workingDays(TEST_CALENDAR, "school");

function due(rule: PeriodRule, key: string, d: Due, wd = office) {
  const p = periodForKey(rule, TEST_CALENDAR, key);
  if (!p.ok) throw new Error(`${key}: ${p.reason}`);
  const r = dueDate(d, p.value, TEST_CALENDAR, wd);
  return r.ok ? r.date : r.reason;
}

const monthly: PeriodRule = { cadence: "monthly" };
const policies: HolidayPolicy[] = ["roll_back", "roll_forward", "none"];

describe("day-of-month rules", () => {
  it('"trước ngày 25" is due on the 24th', () => {
    expect(due(monthly, "2026-11", { rule: "before_day_of_month", day: 25, holiday_policy: "none" })).toBe(
      "2026-11-24",
    );
  });

  it("a due day on a Sunday (24/05/2026) moves by the holiday policy", () => {
    const got = policies.map((p) =>
      due(monthly, "2026-05", { rule: "before_day_of_month", day: 25, holiday_policy: p }),
    );
    expect(got).toEqual(["2026-05-22", "2026-05-25", "2026-05-24"]);
  });

  it("a due day in Tết (17/02/2026) rolls back before the break or forward after it", () => {
    const got = policies.map((p) =>
      due(monthly, "2026-02", { rule: "day_of_month", day: 17, holiday_policy: p }),
    );
    expect(got).toEqual(["2026-02-13", "2026-02-23", "2026-02-17"]);
    // The pupils' break starts on 12/02: on the school list, rolling back reaches 11/02.
    expect(
      due(monthly, "2026-02", { rule: "day_of_month", day: 17, holiday_policy: "roll_back" }, school),
    ).toBe("2026-02-11");
  });

  it("day −1 is the last day of the month: 30, 31, 29/02/2028 and 28/02/2027", () => {
    const last: Due = { rule: "day_of_month", day: -1, holiday_policy: "none" };
    expect(due(monthly, "2026-11", last)).toBe("2026-11-30");
    expect(due(monthly, "2026-12", last)).toBe("2026-12-31");
    expect(due(monthly, "2028-02", last)).toBe("2028-02-29");
    expect(due(monthly, "2027-02", last)).toBe("2027-02-28");
  });

  it("impossible days are clamped to the month's end", () => {
    expect(due(monthly, "2026-11", { rule: "day_of_month", day: 31, holiday_policy: "none" })).toBe(
      "2026-11-30",
    );
    expect(due(monthly, "2027-02", { rule: "day_of_month", day: 29, holiday_policy: "none" })).toBe(
      "2027-02-28",
    );
    expect(due(monthly, "2028-02", { rule: "day_of_month", day: 30, holiday_policy: "none" })).toBe(
      "2028-02-29",
    );
    expect(due(monthly, "2026-11", { rule: "before_day_of_month", day: 31, holiday_policy: "none" })).toBe(
      "2026-11-30",
    );
    expect(due(monthly, "2026-11", { rule: "before_day_of_month", day: 1, holiday_policy: "none" })).toBe(
      "2026-10-31",
    );
    expect(due(monthly, "2026-11", { rule: "before_day_of_month", day: -1, holiday_policy: "none" })).toBe(
      "2026-11-29",
    );
  });

  it("month_offset shifts to the month after (a November report due before 5 December), across years", () => {
    const d: Due = { rule: "before_day_of_month", day: 5, month_offset: 1, holiday_policy: "roll_back" };
    expect(due(monthly, "2026-11", d)).toBe("2026-12-04");
    expect(due(monthly, "2026-12", d)).toBe("2027-01-04");
    const planAhead: Due = { rule: "day_of_month", day: 25, month_offset: -1, holiday_policy: "none" };
    expect(due(monthly, "2027-01", planAhead)).toBe("2026-12-25");
  });

  it("a cut-off month is of its own month: 11/2026 (15/10 → 14/11) due before 25/11", () => {
    const d: Due = { rule: "before_day_of_month", day: 25, holiday_policy: "none" };
    expect(due({ cadence: "monthly", cutoff_day: 15 }, "2026-11", d)).toBe("2026-11-24");
    expect(due({ cadence: "quarterly" }, "2026-Q4", d)).toBe("2026-12-24");
  });
});

describe("end of period", () => {
  it("adds calendar or working days after the period's last day", () => {
    const cutoff: PeriodRule = { cadence: "monthly", cutoff_day: 15 };
    // 11/2026 ends Saturday 14/11; two working days later is Tuesday 17/11 (NĐ 09/2019 style).
    expect(
      due(cutoff, "2026-11", {
        rule: "end_of_period",
        offset_days: 2,
        working_days: true,
        holiday_policy: "none",
      }),
    ).toBe("2026-11-17");
    expect(due(cutoff, "2026-11", { rule: "end_of_period", offset_days: 2, holiday_policy: "none" })).toBe(
      "2026-11-16",
    );
    expect(due({ cadence: "weekly" }, "2026-W48", { rule: "end_of_period", holiday_policy: "none" })).toBe(
      "2026-11-29",
    );
    expect(
      due({ cadence: "weekly" }, "2026-W48", { rule: "end_of_period", holiday_policy: "roll_back" }),
    ).toBe("2026-11-27");
    // January 2026 + 3 working days (office list): 2, 3, 4 February.
    expect(
      due(monthly, "2026-01", {
        rule: "end_of_period",
        offset_days: 3,
        working_days: true,
        holiday_policy: "none",
      }),
    ).toBe("2026-02-04");
    // Back from Saturday 28/02/2026: five working days to 23/02, Tết skipped, five to 09/02, five to 02/02.
    expect(
      due(monthly, "2026-02", {
        rule: "end_of_period",
        offset_days: -15,
        working_days: true,
        holiday_policy: "none",
      }),
    ).toBe("2026-02-02");
  });
});

describe("fixed dates and school milestones", () => {
  const yearRule: PeriodRule = { cadence: "fixed_annual" };

  it('"trước 31/5" of school year 2026-2027 is 30/05/2027, a Sunday', () => {
    const got = policies.map((p) =>
      due(yearRule, "2026-2027", { rule: "fixed_date", month: 5, day: 31, before: true, holiday_policy: p }),
    );
    expect(got).toEqual(["2027-05-28", "2027-05-31", "2027-05-30"]);
    // 30/11 falls in the first calendar year of the school year.
    expect(
      due(yearRule, "2026-2027", { rule: "fixed_date", month: 11, day: 30, holiday_policy: "none" }),
    ).toBe("2026-11-30");
  });

  it("29/02 becomes 28/02 in a non-leap year", () => {
    const cal: PeriodRule = { cadence: "fixed_annual", year: "calendar_year" };
    expect(due(cal, "2027", { rule: "fixed_date", month: 2, day: 29, holiday_policy: "none" })).toBe(
      "2027-02-28",
    );
    expect(due(cal, "2028", { rule: "fixed_date", month: 2, day: 29, holiday_policy: "none" })).toBe(
      "2028-02-29",
    );
  });

  it("counts working days from a school-year milestone", () => {
    const hk1: Due = {
      rule: "school_milestone",
      milestone: "hk1_end",
      offset_days: 5,
      working_days: true,
      holiday_policy: "none",
    };
    // HK I of 2026-2027 ends Saturday 16/01/2027; five working days later is Friday 22/01/2027.
    expect(due({ cadence: "school_year" }, "2026-2027", hk1)).toBe("2027-01-22");
    expect(due({ cadence: "semester" }, "2026-2027-HK1", hk1)).toBe("2027-01-22");
    // 2025-2026: HK I ends 17/01/2026, + 5 working days = 23/01/2026.
    expect(due({ cadence: "school_year" }, "2025-2026", hk1)).toBe("2026-01-23");
    const end: Due = { rule: "school_milestone", milestone: "end", holiday_policy: "roll_back" };
    expect(due({ cadence: "school_year" }, "2026-2027", end)).toBe("2027-05-28");
  });

  it("a milestone of a school year the calendar lacks gives no deadline", () => {
    const d: Due = { rule: "school_milestone", milestone: "end", holiday_policy: "none" };
    expect(due(monthly, "2026-07", d)).toBe("no_school_year");
    expect(due(monthly, "2026-11", d)).toBe("2027-05-29");
    expect(due(monthly, "2026-11", { rule: "none", holiday_policy: "none" })).toBe("none");
  });
});

describe("due instants and opening days", () => {
  it("the default deadline is 23:59:59.999 in Asia/Ho_Chi_Minh (UTC+7)", () => {
    expect(dueInstant("2026-11-24").toISOString()).toBe("2026-11-24T16:59:59.999Z");
    expect(dueInstant("2026-11-24", "23:59").toISOString()).toBe("2026-11-24T16:59:59.999Z");
    expect(dueInstant("2026-11-24", "17:00").toISOString()).toBe("2026-11-24T10:00:00.000Z");
    expect(dueInstant("2026-11-24", "06:30").toISOString()).toBe("2026-11-23T23:30:00.000Z");
  });

  it("opens with the period, or with the due day's month when due before the period starts", () => {
    const nov = periodForKey(monthly, TEST_CALENDAR, "2026-11");
    if (!nov.ok) throw new Error("2026-11");
    expect(opensOn(nov.value, "2026-11-24")).toBe("2026-11-01");
    expect(opensOn(nov.value, "2026-10-25")).toBe("2026-10-01");
  });
});
