import { describe, expect, it } from "vitest";
import { typedPeriodKey } from "../../src/domain/period-keys";
import { scheduledPeriodFor } from "../../src/domain/schedule";
import { workingDays } from "../../src/domain/workdays";
import { obligation, TEST_CALENDAR } from "./fixtures";

describe("typedPeriodKey", () => {
  it("reads periods as people type them after a command, and leaves keys as keys", () => {
    expect(typedPeriodKey("11/2026")).toBe("2026-11");
    expect(typedPeriodKey(" 3.2027 ")).toBe("2027-03");
    expect(typedPeriodKey("q4/2026")).toBe("2026-Q4");
    expect(typedPeriodKey("HK1/2026-2027")).toBe("2026-2027-HK1");
    expect(typedPeriodKey("2026-w48")).toBe("2026-W48");
    expect(typedPeriodKey("13/2026")).toBe("2026-13"); // parsePeriodKey refuses it (bad_month)
  });
});

describe("scheduledPeriodFor", () => {
  const wd = workingDays(TEST_CALENDAR, "school");
  const monthly = obligation("M", {});

  it("gives the period a key names with its opening day, due day and deadline", () => {
    const r = scheduledPeriodFor(monthly, TEST_CALENDAR, wd, "2026-11");
    expect(r.ok && r.value.period.key).toBe("2026-11");
    expect(r.ok && r.value.dueDate <= "2026-11-24").toBe(true);
    expect(r.ok && r.value.opensOn).toBe("2026-11-01");
  });

  it("refuses a key of another cadence, a bad month and a month outside active_months", () => {
    expect(scheduledPeriodFor(monthly, TEST_CALENDAR, wd, "2026-W48")).toEqual({
      ok: false,
      reason: "wrong_cadence",
    });
    expect(scheduledPeriodFor(monthly, TEST_CALENDAR, wd, "2026-13")).toEqual({
      ok: false,
      reason: "bad_month",
    });
    const schoolMonths = obligation("S", {
      period: { cadence: "monthly", active_months: [9, 10, 11, 12, 1, 2, 3, 4, 5] },
    });
    expect(scheduledPeriodFor(schoolMonths, TEST_CALENDAR, wd, "2026-07")).toEqual({
      ok: false,
      reason: "inactive",
    });
  });
});
