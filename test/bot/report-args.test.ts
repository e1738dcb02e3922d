import { describe, expect, it } from "vitest";
import { findReports, splitReportArgs } from "../../src/bot/report-args";
import { PLAN } from "./fixtures";

describe("splitReportArgs", () => {
  it("takes the last word as the period when it looks like one, the rest as the report", () => {
    expect(splitReportArgs("DL_MONTHLY 11/2026")).toEqual({
      report: "DL_MONTHLY",
      period: "11/2026",
      flags: [],
    });
    expect(splitReportArgs("  bao cao thang   2026-11 --now")).toEqual({
      report: "bao cao thang",
      period: "2026-11",
      flags: ["--now"],
    });
    expect(splitReportArgs("DL_MONTHLY")).toEqual({ report: "DL_MONTHLY", period: null, flags: [] });
    expect(splitReportArgs("")).toEqual({ report: "", period: null, flags: [] });
  });
});

describe("findReports", () => {
  it("finds a report by its code (any case), else by words of its name", () => {
    expect(findReports(PLAN, "monthly", ["report"]).map((o) => o.code)).toEqual(["MONTHLY"]);
    expect(findReports(PLAN, "cong tac truyen thong", ["report"]).map((o) => o.code)).toEqual(["MONTHLY"]);
    expect(findReports(PLAN, "bao cao", ["report"])).toEqual([]); // generic words decide nothing
    expect(findReports(PLAN, "WEEKLY", ["report"])).toEqual([]); // a quota is not a report
  });
});
