/** The office from the command line: list, show, return, accept, lock a period, close an incident. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliOn, type Harness, P, sendNovemberReport, startHarness } from "./harness";

let h: Harness;
let ref: string;
beforeEach(async () => {
  h = await startHarness();
  await sendNovemberReport(h);
  ref = (await h.db.selectFrom("submissions").select("reference").executeTakeFirstOrThrow()).reference;
});
afterEach(async () => {
  await h.dispose();
});

const cli = (...argv: string[]) => cliOn(h, ...argv);

describe("baocao submissions", () => {
  it("lists and shows, in Vietnamese and as JSON", async () => {
    const list = await cli("submissions", "list", "--period", "2026-11");
    expect(list.code).toBe(0);
    expect(list.out).toContain("1 báo cáo:");
    expect(list.out).toContain(
      `${ref}  THCS-ND  DL_MONTHLY 2026-11  đã gửi, chờ Văn phòng xem  10/11/2026 10:00`,
    );
    const json = JSON.parse((await cli("submissions", "list", "--status", "submitted", "--json")).out);
    expect(json.submissions).toMatchObject([
      { reference: ref, unitCode: "THCS-ND", reviewState: "submitted", late: false },
    ]);
    expect((await cli("submissions", "list", "--status", "returned")).out).toBe("Không có báo cáo nào.");
    expect((await cli("submissions", "list", "--status", "lost")).code).toBe(2);

    const show = await cli("submissions", "show", ref.toLowerCase());
    expect(show.code).toBe(0);
    expect(show.out).toContain(
      `Báo cáo ${ref}: Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 — Trường THCS Nguyễn Du (THCS-ND)`,
    );
    expect(show.out).toContain("Bản 1: 10/11/2026 10:00, Nguyễn Thị Lan");
    expect(show.out).toContain("articles_website: 12");
    const missing = await cli("submissions", "show", "BC-2611-0000");
    expect(missing).toMatchObject({ code: 1, err: "Không tìm thấy báo cáo hay vụ việc số BC-2611-0000." });
  });

  it("returns with a note (queued to the unit), accepts, and refuses what cannot be done", async () => {
    expect((await cli("submissions", "return", ref)).code).toBe(2);
    const returned = await cli("submissions", "return", ref, "--note", "Thiếu số liệu Fanpage", "--json");
    expect(JSON.parse(returned.out)).toEqual({ reference: ref, reviewState: "returned", notified: 3 });
    const queued = await h.db
      .selectFrom("outbox")
      .select(["person_id", "message"])
      .where("dedupe_key", "like", "returned:%")
      .execute();
    expect(queued.map((q) => q.person_id).sort()).toEqual([P.ha, P.lan, P.minh]);
    expect(queued[0]?.message).toContain("Thiếu số liệu Fanpage");
    const again = await cli("submissions", "accept", ref);
    expect(again).toMatchObject({
      code: 1,
      err: `Không thể làm việc này: báo cáo ${ref} đã trả lại để sửa.`,
    });
    const show = await cli("submissions", "show", ref);
    expect(show.out).toContain("Văn phòng trả lại: Thiếu số liệu Fanpage");
  });

  it("accepts", async () => {
    expect(await cli("submissions", "accept", ref)).toMatchObject({
      code: 0,
      out: `Đã tiếp nhận báo cáo ${ref}.`,
    });
    expect(
      (await h.db.selectFrom("submissions").select("review_state").executeTakeFirstOrThrow()).review_state,
    ).toBe("accepted");
  });
});

describe("baocao periods lock and incidents", () => {
  it("locks a period once", async () => {
    expect(await cli("periods", "lock", "DL_MONTHLY", "2026-11")).toMatchObject({
      code: 0,
      out: "Đã khóa sổ DL_MONTHLY kỳ 2026-11.",
    });
    expect((await cli("periods", "lock", "DL_MONTHLY", "2026-11")).out).toBe(
      "DL_MONTHLY kỳ 2026-11 đã được khóa sổ trước đó.",
    );
    expect((await cli("periods", "lock", "DL_MONTHLY", "2026-W48")).code).toBe(2);
    expect((await cli("periods", "lock", "NOPE", "2026-11")).code).toBe(1);
  });

  it("lists and closes incidents", async () => {
    await h.text("lan", "/baocao vuviec");
    for (const a of [
      "Tin đồn sai sự thật",
      "2",
      "hôm nay",
      "/boqua",
      "1",
      "Đã đính chính",
      "không",
      "/boqua",
      "/boqua",
    ])
      await h.text("lan", a);
    await h.tap("lan", "c:submit");
    const { reference } = await h.db.selectFrom("incidents").select("reference").executeTakeFirstOrThrow();
    expect((await cli("incidents", "list")).out).toContain(
      `${reference}  THCS-ND  low  đang mở  10/11/2026 10:00`,
    );
    expect(await cli("incidents", "close", reference)).toMatchObject({
      code: 0,
      out: `Đã đóng vụ việc ${reference}.`,
    });
    expect(await cli("incidents", "close", reference)).toMatchObject({
      code: 1,
      err: `Vụ việc ${reference} đã được đóng trước đó.`,
    });
    expect(
      JSON.parse((await cli("incidents", "list", "--status", "closed", "--json")).out).incidents,
    ).toHaveLength(1);
  });
});
