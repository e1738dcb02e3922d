/**
 * The "Chưa nộp" buttons under the Văn phòng's /trangthai: only for periods that are open or
 * overdue. Early in December the office's weekly report for the later weeks is not open yet, and
 * nobody can be missing it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { chatOf, type Harness, P, startHarness, to } from "../conversation/runner/harness";

let h: Harness;
afterEach(async () => {
  await h.dispose();
});

describe("the Văn phòng's “Chưa nộp” buttons", () => {
  it("are offered for open and overdue periods, never for a period not open yet", async () => {
    h = await startHarness();
    h.now = new Date("2026-12-03T03:00:00.000Z"); // Thursday 03/12/2026, 10:00 in Hà Nội
    const chat = chatOf(P.tuan);
    const [status] = to(await h.text(chat, "/trangthai"), chat);
    const payloads = status?.payloads ?? [];
    // This week's office report (W49, due Friday 04/12) is open; the last monthly one is overdue.
    expect(payloads).toContain("miss:OFFICE_WEEKLY:2026-W49");
    expect(payloads).toContain("miss:DL_MONTHLY:2026-11");
    for (const week of ["2026-W50", "2026-W51", "2026-W52", "2026-W53"]) {
      expect(payloads).not.toContain(`miss:OFFICE_WEEKLY:${week}`);
    }
  });
});
