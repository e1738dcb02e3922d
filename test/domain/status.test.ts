import { describe, expect, it } from "vitest";
import { quotaStatus, reportStatus } from "../../src/domain/status";

// November 2026, due "trước ngày 25": opens 01/11 00:00 local (31/10 17:00Z), due 24/11 23:59:59.999 local.
const INSTANCE = { opensOn: "2026-11-01", dueAt: "2026-11-24T16:59:59.999Z", target: 2 };
const OPENS = Date.parse("2026-10-31T17:00:00.000Z");
const DUE = Date.parse(INSTANCE.dueAt);
const at = (ms: number) => new Date(ms);

describe("reportStatus", () => {
  it("moves not_open → open → overdue at the exact instants", () => {
    expect(reportStatus(INSTANCE, at(OPENS - 1))).toBe("not_open");
    expect(reportStatus(INSTANCE, at(OPENS))).toBe("open");
    expect(reportStatus(INSTANCE, at(DUE))).toBe("open");
    expect(reportStatus(INSTANCE, at(DUE + 1))).toBe("overdue");
  });

  it("a submission at dueAt is on time, one millisecond later is late, whenever it is looked at", () => {
    const onTime = { submission: { submittedAt: at(DUE) } };
    const late = { submission: { submittedAt: at(DUE + 1) } };
    expect(reportStatus(INSTANCE, at(DUE + 86_400_000), onTime)).toBe("submitted_on_time");
    expect(reportStatus(INSTANCE, at(DUE + 1), late)).toBe("submitted_late");
    // an early submission (before the instance opened) is on time
    expect(reportStatus(INSTANCE, at(OPENS - 10), { submission: { submittedAt: at(OPENS - 10) } })).toBe(
      "submitted_on_time",
    );
  });

  it("a nil report counts only where the plan allows nil reports", () => {
    const nil = { submission: { submittedAt: at(DUE - 1), nil: true } };
    expect(reportStatus(INSTANCE, at(DUE + 1), nil)).toBe("submitted_on_time");
    expect(reportStatus(INSTANCE, at(DUE + 1), { ...nil, nilAllowed: false })).toBe("overdue");
  });

  it("an exemption wins over everything", () => {
    expect(reportStatus(INSTANCE, at(DUE + 1), { exemption: { reason: "sáp nhập" } })).toBe("exempt");
    expect(
      reportStatus(INSTANCE, at(OPENS - 1), { exemption: {}, submission: { submittedAt: at(DUE + 5) } }),
    ).toBe("exempt");
  });
});

describe("quotaStatus", () => {
  it("is met as soon as the count reaches the target, missed one millisecond after dueAt", () => {
    expect(quotaStatus(INSTANCE, at(OPENS - 1), 0)).toMatchObject({ status: "not_open", met: false });
    expect(quotaStatus(INSTANCE, at(DUE), 1)).toEqual({ status: "open", count: 1, target: 2, met: false });
    expect(quotaStatus(INSTANCE, at(DUE + 1), 1)).toEqual({
      status: "missed",
      count: 1,
      target: 2,
      met: false,
    });
    expect(quotaStatus(INSTANCE, at(OPENS + 1), 2)).toEqual({
      status: "met",
      count: 2,
      target: 2,
      met: true,
    });
    expect(quotaStatus(INSTANCE, at(DUE + 1), 3)).toMatchObject({ status: "met", met: true });
    expect(quotaStatus(INSTANCE, at(DUE + 1), 0, { reason: "nghỉ hè" })).toMatchObject({
      status: "exempt",
      met: false,
    });
  });
});
