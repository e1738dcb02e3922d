/** `baocao submissions missing`: the same list as /chuanop, as text and as JSON, and its refusals. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliOn, type Harness, P, startHarness, U } from "../conversation/runner/harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.db.updateTable("people").set({ phone: "0912345678" }).where("id", "=", P.lan).execute();
  await h.db.updateTable("people").set({ phone: "0987654321" }).where("id", "=", P.hoa).execute();
  await h.db.updateTable("units").set({ phone: "0220 3850 111" }).where("id", "=", U.kimDong).execute();
});
afterEach(async () => {
  await h.dispose();
});

const cli = (...argv: string[]) => cliOn(h, ...argv);

const REPORT = "Báo cáo tháng công tác truyền thông và tình hình dư luận";

describe("baocao submissions missing", () => {
  it("prints the units not sent, by reporting line, with contacts and days late", async () => {
    h.now = new Date("2026-12-03T03:00:00.000Z");
    const r = await cli("submissions", "missing", "--obligation", "dl_monthly", "--period", "11/2026");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe(
      [
        `${REPORT} (DL_MONTHLY), tháng 11/2026 — hạn 24/11/2026: 2/2 đơn vị chưa nộp`,
        "",
        "Nơi nhận báo cáo: Phòng GD&ĐT huyện Kim Thành — 2 đơn vị chưa nộp:",
        "• Trường THCS Nguyễn Du (THCS-ND) — quá hạn 9 ngày",
        "   Cán bộ phụ trách truyền thông: Cô Nguyễn Thị Lan, 0912345678",
        "   Thủ trưởng đơn vị: Thầy Trần Văn Minh",
        "   Thủ trưởng đơn vị: Cô Vũ Thị Hà",
        "• Trường Tiểu học Kim Đồng (TH-KD) — quá hạn 9 ngày",
        "   ĐT đơn vị: 0220 3850 111",
        "   Thủ trưởng đơn vị: Cô Lê Thị Hoa, 0987654321",
        "   Thủ trưởng đơn vị: Cô Vũ Thị Hà",
      ].join("\n"),
    );
  });

  it("a unit that submits leaves the list; --json carries the same and --unit-under narrows it", async () => {
    await h.tap("lan", "report:DL_MONTHLY:2026-11:u-thcs-nd");
    for (const a of ["12", "4", "2", "1", "0", "0", "không", "/boqua", "/boqua", "/boqua", "/boqua"])
      await h.text("lan", a);
    await h.tap("lan", "c:submit");
    const r = await cli(
      "submissions",
      "missing",
      "--obligation",
      "DL_MONTHLY",
      "--period",
      "2026-11",
      "--json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      obligation: "DL_MONTHLY",
      report: REPORT,
      period: "2026-11",
      dueDate: "2026-11-24",
      dueAt: "2026-11-24T16:59:59.999Z",
      total: 2,
      missing: [
        {
          code: "TH-KD",
          name: "Trường Tiểu học Kim Đồng",
          phone: "0220 3850 111",
          email: null,
          reportsTo: { code: "PGD-KT", name: "Phòng GD&ĐT huyện Kim Thành" },
          status: "open",
          daysLate: 0,
          contacts: [
            { role: "head", name: "Lê Thị Hoa", phone: "0987654321" },
            { role: "head", name: "Vũ Thị Hà", phone: null },
          ],
        },
      ],
    });
    const under = await cli(
      "submissions",
      "missing",
      "--obligation",
      "DL_MONTHLY",
      "--period",
      "2026-11",
      "--unit-under",
      "pgd-tm",
    );
    expect(under.out).toBe(
      `${REPORT} (DL_MONTHLY), tháng 11/2026 — hạn 24/11/2026: không có đơn vị nào trong phạm vi này phải nộp.`,
    );
    const mine = await cli(
      "submissions",
      "missing",
      "--obligation",
      "DL_MONTHLY",
      "--period",
      "2026-11",
      "--unit-under",
      "PGD-KT",
    );
    expect(mine.out.split("\n")[0]).toBe(
      `${REPORT} (DL_MONTHLY), tháng 11/2026 — hạn 24/11/2026: 1/2 đơn vị chưa nộp`,
    );
  });

  it("refuses precisely: missing flags and bad periods exit 2, unknown report or unit exit 1; --help", async () => {
    const noPeriod = await cli("submissions", "missing", "--obligation", "DL_MONTHLY");
    expect(noPeriod).toMatchObject({ code: 2, out: "" });
    expect(noPeriod.err).toContain("Thiếu --period.");
    const bad = await cli("submissions", "missing", "--obligation", "DL_MONTHLY", "--period", "2026-W48");
    expect(bad).toMatchObject({
      code: 2,
      err: "Kỳ «2026-W48» không đúng với DL_MONTHLY (báo cáo theo tháng): gõ dạng tháng/năm (11/2026) hoặc năm-tháng (2026-11), ví dụ 11/2026.",
    });
    const unknown = await cli("submissions", "missing", "--obligation", "NOPE", "--period", "2026-11");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("«NOPE»");
    const unit = await cli(
      "submissions",
      "missing",
      "--obligation",
      "DL_MONTHLY",
      "--period",
      "2026-11",
      "--unit-under",
      "XX",
    );
    expect(unit).toMatchObject({ code: 1, err: "Không có đơn vị mã «XX»." });
    const help = await cli("submissions", "missing", "--help");
    expect(help.code).toBe(0);
    expect(help.out).toContain("baocao submissions missing --obligation CODE --period PERIOD");
  });
});
