import { describe, expect, it } from "vitest";
import { parsePeriodKey, periodForKey, queryRange } from "../../src/domain/period-keys";
import { periodLabel } from "../../src/domain/period-labels";
import { translator } from "../../src/i18n/index";
import { TEST_CALENDAR } from "./fixtures";

describe("parsePeriodKey", () => {
  it("reads every shape", () => {
    expect(parsePeriodKey("2026-W48")).toEqual({ ok: true, value: { shape: "week", year: 2026, week: 48 } });
    expect(parsePeriodKey("2026-w53")).toEqual({ ok: true, value: { shape: "week", year: 2026, week: 53 } });
    expect(parsePeriodKey("2026-11")).toEqual({ ok: true, value: { shape: "month", year: 2026, month: 11 } });
    expect(parsePeriodKey("2026-Q4")).toEqual({
      ok: true,
      value: { shape: "quarter", year: 2026, quarter: 4 },
    });
    expect(parsePeriodKey("2026-2027-HK1")).toEqual({
      ok: true,
      value: { shape: "semester", schoolYear: "2026-2027", startYear: 2026, half: 1 },
    });
    expect(parsePeriodKey("2026-2027")).toEqual({
      ok: true,
      value: { shape: "school_year", schoolYear: "2026-2027", startYear: 2026 },
    });
    expect(parsePeriodKey("2026")).toEqual({ ok: true, value: { shape: "calendar_year", year: 2026 } });
  });

  it("refuses impossible keys with a precise reason", () => {
    expect(parsePeriodKey("2027-W53")).toEqual({ ok: false, reason: "bad_week" }); // 2027 has 52 weeks
    expect(parsePeriodKey("2026-W00")).toEqual({ ok: false, reason: "bad_week" });
    expect(parsePeriodKey("2026-13")).toEqual({ ok: false, reason: "bad_month" });
    expect(parsePeriodKey("2026-00")).toEqual({ ok: false, reason: "bad_month" });
    expect(parsePeriodKey("2026-2028")).toEqual({ ok: false, reason: "bad_school_year" });
    expect(parsePeriodKey("2026-Q5")).toEqual({ ok: false, reason: "bad_format" });
    expect(parsePeriodKey("11/2026")).toEqual({ ok: false, reason: "bad_format" });
    expect(parsePeriodKey("")).toEqual({ ok: false, reason: "bad_format" });
  });
});

describe("periodForKey", () => {
  it("honours the rule's cut-off", () => {
    const p = periodForKey({ cadence: "monthly", cutoff_day: 15 }, TEST_CALENDAR, "2027-01");
    expect(p).toMatchObject({ ok: true, value: { start: "2026-12-15", end: "2027-01-14" } });
  });

  it("refuses a key of another cadence and a school year the calendar lacks", () => {
    expect(periodForKey({ cadence: "monthly" }, TEST_CALENDAR, "2026-W48")).toEqual({
      ok: false,
      reason: "wrong_cadence",
    });
    expect(periodForKey({ cadence: "semester" }, TEST_CALENDAR, "2030-2031-HK2")).toEqual({
      ok: false,
      reason: "unknown_school_year",
    });
    expect(periodForKey({ cadence: "semester" }, TEST_CALENDAR, "2026-2027-HK2")).toMatchObject({
      ok: true,
      value: { start: "2027-01-18", end: "2027-05-29" },
    });
    expect(periodForKey({ cadence: "fixed_annual" }, TEST_CALENDAR, "2026-2027")).toMatchObject({ ok: true });
    expect(periodForKey({ cadence: "fixed_annual" }, TEST_CALENDAR, "2026")).toMatchObject({ ok: false });
  });
});

describe("queryRange", () => {
  const range = (key: string) => {
    const ref = parsePeriodKey(key);
    if (!ref.ok) throw new Error(key);
    return queryRange(ref.value, TEST_CALENDAR);
  };

  it("gives calendar spans, and school years up to the next one's start", () => {
    expect(range("2026-11")).toEqual({ ok: true, value: { from: "2026-11-01", to: "2026-11-30" } });
    expect(range("2026-W48")).toEqual({ ok: true, value: { from: "2026-11-23", to: "2026-11-29" } });
    expect(range("2026-Q4")).toEqual({ ok: true, value: { from: "2026-10-01", to: "2026-12-31" } });
    expect(range("2028-02")).toEqual({ ok: true, value: { from: "2028-02-01", to: "2028-02-29" } });
    expect(range("2026")).toEqual({ ok: true, value: { from: "2026-01-01", to: "2026-12-31" } });
    expect(range("2025-2026")).toEqual({ ok: true, value: { from: "2025-09-05", to: "2026-09-04" } });
    expect(range("2026-2027")).toEqual({ ok: true, value: { from: "2026-09-05", to: "2027-08-31" } });
    expect(range("2025-2026-HK1")).toEqual({ ok: true, value: { from: "2025-09-05", to: "2026-01-18" } });
    expect(range("2030-2031")).toEqual({ ok: true, value: { from: "2030-09-01", to: "2031-08-31" } });
    expect(range("2030-2031-HK1")).toEqual({ ok: false, reason: "unknown_school_year" });
  });
});

describe("periodLabel", () => {
  const vi = translator("vi");
  const en = translator("en");
  const label = (
    cadence: "weekly" | "monthly" | "quarterly" | "semester" | "school_year" | "calendar_year",
    key: string,
    cutoff?: number,
  ) => {
    const p = periodForKey({ cadence, cutoff_day: cutoff }, TEST_CALENDAR, key);
    if (!p.ok) throw new Error(key);
    const l = periodLabel(p.value);
    return [vi(l.key, l.params), en(l.key, l.params)];
  };

  it("reads as Vietnamese offices write periods", () => {
    expect(label("monthly", "2026-11")).toEqual(["tháng 11/2026", "month 11/2026"]);
    expect(label("weekly", "2026-W48")[0]).toBe("tuần 48 (23/11–29/11/2026)");
    expect(label("weekly", "2026-W53")[0]).toBe("tuần 53 (28/12/2026–03/01/2027)");
    expect(label("monthly", "2026-11", 15)[0]).toBe("tháng 11/2026 (15/10–14/11/2026)");
    expect(label("quarterly", "2026-Q4")[0]).toBe("quý IV/2026");
    expect(label("semester", "2026-2027-HK1")).toEqual([
      "học kỳ I năm học 2026-2027",
      "semester I of school year 2026-2027",
    ]);
    expect(label("semester", "2026-2027-HK2")[0]).toBe("học kỳ II năm học 2026-2027");
    expect(label("school_year", "2026-2027")[0]).toBe("năm học 2026-2027");
    expect(label("calendar_year", "2026")[0]).toBe("năm 2026");
    expect(label("calendar_year", "2027", 15)[0]).toBe("năm 2027 (15/12/2026–14/12/2027)");
  });
});
