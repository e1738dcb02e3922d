import { describe, expect, it } from "vitest";
import { computeInstances, type ObligationInstance } from "../../src/domain/instances";
import type { Obligation, Plan } from "../../src/domain/plan";
import { obligation, TEST_CALENDAR, unit } from "./fixtures";

const UNITS = [
  unit("SO", "so"),
  unit("VP", "office", { parentId: "id-SO" }),
  unit("GDPT", "division", { parentId: "id-SO" }),
  unit("XA1", "commune_office"),
  unit("CUM1", "cluster", { parentId: "id-SO" }),
  unit("TH1", "school", { levels: ["th"], parentId: "id-XA1" }),
  unit("THCS1", "school", { levels: ["th", "thcs"], parentId: "id-XA1", reportsToId: "id-CUM1" }),
  unit("THPT1", "school", { levels: ["thpt"], parentId: "id-SO" }),
  unit("GDTX1", "center", { levels: ["gdtx"], parentId: "id-SO" }),
  // Created on 20/11, before November's deadline (24/11): owes November.
  unit("MN_NEW", "school", { levels: ["mn"], validFrom: "2026-11-20" }),
  // Dissolved on 10/11, before the deadline: its successors report, it does not.
  unit("TH_OLD", "school", { levels: ["th"], validTo: "2026-11-10" }),
  // Created on 26/11, after the deadline: it would be overdue on its first day; it does not owe November.
  unit("TH_LATE", "school", { levels: ["th"], validFrom: "2026-11-26" }),
  // Dissolved on 27/11, after the deadline: it still owes November.
  unit("TH_END", "school", { levels: ["th"], validTo: "2026-11-27" }),
  // Created on 01/12, after November ended.
  unit("TH_DEC", "school", { levels: ["th"], validFrom: "2026-12-01" }),
];

const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" };

function plan(...obligations: Obligation[]): Pick<Plan, "obligations" | "calendar_kind"> {
  return { obligations, calendar_kind: "office" };
}

function compute(obligations: Obligation[], range = NOVEMBER): ObligationInstance[] {
  return computeInstances(plan(...obligations), UNITS, TEST_CALENDAR, range);
}

const codes = (list: ObligationInstance[]) => list.map((i) => i.unitId.replace("id-", ""));

describe("computeInstances", () => {
  it("makes one instance per unit and period whose due day is in the range, with every field", () => {
    const list = compute([obligation("DL", {})]);
    expect(list[0]).toEqual({
      obligationCode: "DL",
      kind: "report",
      unitId: "id-TH1",
      periodKey: "2026-11",
      periodStart: "2026-11-01",
      periodEnd: "2026-11-30",
      opensOn: "2026-11-01",
      dueDate: "2026-11-24",
      dueAt: "2026-11-24T16:59:59.999Z",
      submitToUnitId: "id-VP",
      target: null,
    });
  });

  it("gives an instance only to units existing during the period and on the due day", () => {
    expect(codes(compute([obligation("DL", {})]))).toEqual(["TH1", "THCS1", "THPT1", "MN_NEW", "TH_END"]);
  });

  it("a unit created after the period ended owes nothing for it, even if the deadline is later", () => {
    const nextMonth = obligation("NEXT", {
      due: { rule: "before_day_of_month", day: 5, month_offset: 1, holiday_policy: "roll_back" },
    });
    const december = compute([nextMonth], { from: "2026-12-01", to: "2026-12-31" });
    expect(december.map((i) => i.periodKey)).toEqual(Array(5).fill("2026-11"));
    expect(codes(december)).not.toContain("TH_DEC");
    expect(december[0]?.dueDate).toBe("2026-12-04");
    // In November, the October report (due 04/11) is the one that falls due.
    expect(compute([nextMonth]).map((i) => `${i.periodKey} ${i.dueDate}`)[0]).toBe("2026-10 2026-11-04");
  });

  it("matches audiences by kind, by level (schools with at least one level), plus units, minus exclusions", () => {
    const primary = obligation("PRIMARY", {
      audience: {
        kinds: ["school", "center"],
        levels: ["th"],
        units: ["GDPT", "THPT1"],
        exclude_units: ["THCS1", "GDPT"],
      },
    });
    // GDTX1 is a centre: the level filter is for schools. GDPT is named but also excluded: exclusion wins.
    expect(codes(compute([primary]))).toEqual(["TH1", "TH_END", "GDTX1", "THPT1"]);
    const liencap = obligation("THCS", { audience: { kinds: ["school"], levels: ["thcs", "thpt"] } });
    expect(codes(compute([liencap]))).toEqual(["THCS1", "THPT1"]);
    const onlyNamed = obligation("NAMED", { audience: { kinds: [], units: ["GDPT", "NOT_A_UNIT"] } });
    expect(codes(compute([onlyNamed]))).toEqual(["GDPT"]);
  });

  it("resolves submit_to: a unit by code, reports_to (else parent), parent, the office", () => {
    const audience = { kinds: ["school" as const], units: ["GDPT"] };
    const to = (submit_to: Obligation["submit_to"]) =>
      Object.fromEntries(
        compute([obligation("X", { audience, submit_to })]).map((i) => [i.unitId.slice(3), i.submitToUnitId]),
      );
    expect(to({ relation: "reports_to" })).toMatchObject({
      TH1: "id-XA1",
      THCS1: "id-CUM1",
      THPT1: "id-SO",
      MN_NEW: null,
    });
    expect(to({ relation: "parent" })).toMatchObject({ TH1: "id-XA1", THCS1: "id-XA1", GDPT: "id-SO" });
    expect(to({ relation: "office" })).toMatchObject({ TH1: "id-VP", GDPT: "id-VP" });
    expect(to({ unit: "GDPT" })).toMatchObject({ TH1: "id-GDPT", THPT1: "id-GDPT" });
    expect(to({ unit: "GONE" })).toMatchObject({ TH1: null });
  });

  it("counts quotas over every period overlapping the range, with the target", () => {
    const weekly = obligation("WEEK", {
      kind: "quota",
      period: { cadence: "weekly" },
      due: { rule: "end_of_period", holiday_policy: "none" },
      quota: { target: 1, counts: { vi: "tin bài" } },
    });
    const list = compute([weekly]);
    const th1 = list.filter((i) => i.unitId === "id-TH1");
    expect(th1.map((i) => i.periodKey)).toEqual([
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
      "2026-W48",
      "2026-W49",
    ]);
    expect(th1.every((i) => i.target === 1 && i.kind === "quota")).toBe(true);
    // W49 (30/11 → 06/12) overlaps November although it is due in December.
    expect(th1[5]).toMatchObject({ dueDate: "2026-12-06", periodStart: "2026-11-30" });
    // Dissolved on 10/11: weeks due 01/11 and 08/11 only.
    expect(list.filter((i) => i.unitId === "id-TH_OLD").map((i) => i.periodKey)).toEqual([
      "2026-W44",
      "2026-W45",
    ]);
  });

  it("event obligations and anytime cadences yield no calendar instances", () => {
    const event = obligation("INCIDENT", {
      kind: "event",
      period: { cadence: "anytime" },
      due: { rule: "none", holiday_policy: "none" },
    });
    expect(compute([event], { from: "2026-01-01", to: "2027-12-31" })).toEqual([]);
  });

  it("finds deadlines far from their period: a school-year report due 30/05 (rolled back to 28/05/2027)", () => {
    const annual = obligation("EVIDENCE", {
      period: { cadence: "fixed_annual" },
      due: { rule: "fixed_date", month: 5, day: 31, before: true, holiday_policy: "roll_back" },
      audience: { kinds: ["center"] },
    });
    expect(compute([annual])).toEqual([]);
    const may = compute([annual], { from: "2027-05-01", to: "2027-05-31" });
    expect(may).toMatchObject([
      { unitId: "id-GDTX1", periodKey: "2026-2027", opensOn: "2026-09-05", dueDate: "2027-05-28" },
    ]);
  });

  it("uses the plan's holiday list", () => {
    const tet = obligation("TET", {
      due: { rule: "day_of_month", day: 13, holiday_policy: "roll_back" },
      audience: { kinds: ["center"] },
    });
    const feb = { from: "2026-02-01", to: "2026-02-28" };
    const office = computeInstances(plan(tet), UNITS, TEST_CALENDAR, feb);
    const school = computeInstances({ ...plan(tet), calendar_kind: "school" }, UNITS, TEST_CALENDAR, feb);
    expect([office[0]?.dueDate, school[0]?.dueDate]).toEqual(["2026-02-13", "2026-02-11"]);
  });
});
