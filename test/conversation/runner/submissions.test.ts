/**
 * One submission per (unit, obligation, period), whoever sends it and however often: a double
 * tap and two colleagues at once give one submission; editing after sending adds revisions with
 * who and when; the office returns (the unit is told, with a button to reopen), the unit
 * resubmits, the office accepts — and then nothing changes any more.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chatOf, type Harness, joined, P, startHarness, to, U } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

const NOVEMBER = "report:DL_MONTHLY:2026-11:u-thcs-nd";
const ANSWERS = ["12", "4", "2", "1", "0", "0", "không", "/boqua", "/boqua", "/boqua", "/boqua"];

async function fillToReview(chat: string, first = "12"): Promise<string> {
  await h.tap(chat, NOVEMBER);
  let last = "";
  for (const a of [first, ...ANSWERS.slice(1)]) last = joined(to(await h.text(chat, a), chat));
  expect(last).toContain("Xin Thầy/Cô xem lại");
  return last;
}

const submissions = () => h.db.selectFrom("submissions").selectAll().execute();

describe("submitting twice", () => {
  it("a double tap on “Gửi” gives one submission; the second tap is told it was received, with the same reference", async () => {
    await fillToReview("lan");
    const first = joined(await h.tap("lan", "c:submit"));
    const second = joined(await h.tap("lan", "c:submit"));
    const [row] = await submissions();
    expect(await submissions()).toHaveLength(1);
    expect(first).toContain(`Số tham chiếu: ${row?.reference}`);
    expect(second).toContain("đã được nhận trước đó");
    expect(second).toContain(row?.reference);
    expect(await h.db.selectFrom("submission_revisions").selectAll().execute()).toHaveLength(1);
  });

  it("two people of the unit sending at once give one submission; the second learns who sent it first", async () => {
    await fillToReview("lan", "12");
    await fillToReview("minh", "30");
    await h.tap("lan", "c:submit");
    const second = to(await h.tap("minh", "c:submit"), "minh")[0];
    const rows = await submissions();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.submitted_by).toBe(P.lan);
    expect(JSON.parse(rows[0]?.answers ?? "{}").articles_website).toBe(12);
    expect(second?.text).toContain("đã được nhận trước đó: Nguyễn Thị Lan gửi lúc 10/11/2026 10:00");
    expect(second?.text).toContain(rows[0]?.reference);
    expect(second?.payloads).toEqual([`reopen:${rows[0]?.reference}`]);
  });
});

describe("editing after sending", () => {
  it("reopens at the review, and each change is a new revision with who and when; the history is kept", async () => {
    await fillToReview("lan");
    await h.tap("lan", "c:submit");
    const [sent] = await submissions();
    const ref = sent?.reference as string;

    h.now = new Date(h.now.getTime() + 2 * 60 * 60 * 1000);
    const reopened = joined(await h.tap("minh", `reopen:${ref}`));
    expect(reopened).toContain(
      `Mở lại Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 (số ${ref}, bản thứ 1)`,
    );
    expect(reopened).toContain("1. Số tin, bài đăng trên trang thông tin điện tử (website) của đơn vị: 12");
    await h.text("minh", "sửa 1");
    await h.text("minh", "20");
    const receipt = joined(await h.text("minh", "gửi"));
    expect(receipt).toContain(
      "Đã cập nhật Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 của Trường THCS Nguyễn Du (bản thứ 2).",
    );
    expect(receipt).toContain(`Số tham chiếu: ${ref}`);
    expect(receipt).toContain("Thời gian: 10/11/2026 12:00");

    const [current] = await submissions();
    expect(current).toMatchObject({
      reference: ref,
      revision: 2,
      submitted_by: P.lan,
      updated_by: P.minh,
      submitted_at: sent?.submitted_at,
    });
    expect(JSON.parse(current?.answers ?? "{}").articles_website).toBe(20);
    const history = await h.db.selectFrom("submission_revisions").selectAll().orderBy("revision").execute();
    expect(
      history.map((r) => [r.revision, r.by_person, r.at, JSON.parse(r.answers).articles_website]),
    ).toEqual([
      [1, P.lan, "2026-11-10T03:00:00.000Z", 12],
      [2, P.minh, "2026-11-10T05:00:00.000Z", 20],
    ]);
  });

  it("after the deadline a sent report can no longer be reopened", async () => {
    await fillToReview("lan");
    await h.tap("lan", "c:submit");
    const [sent] = await submissions();
    h.now = new Date("2026-11-25T03:00:00.000Z");
    const reply = joined(await h.tap("lan", `reopen:${sent?.reference}`));
    expect(reply).toContain("Đã quá hạn gửi nên không thể sửa báo cáo");
    expect(
      await h.db.selectFrom("drafts").where("submission_id", "is not", null).selectAll().execute(),
    ).toEqual([]);
  });
});

describe("review by the office", () => {
  it("returned with a note → the unit's comms and head get it with “Mở lại” → reopened and resubmitted → accepted, then locked", async () => {
    await fillToReview("lan");
    await h.tap("lan", "c:submit");
    const ref = (await submissions())[0]?.reference as string;

    // Văn phòng staff return it in the chat, with a note.
    const sent = await h.text(chatOf(P.tuan), `trả lại ${ref} Thiếu minh chứng, xin bổ sung ảnh chụp.`);
    expect(to(sent, chatOf(P.tuan))[0]?.text).toBe(
      `Đã trả lại báo cáo ${ref}; đã gửi ghi chú cho 3 người của đơn vị.`,
    );
    const told = sent.filter((m) => m.chatId !== chatOf(P.tuan));
    expect(told.map((m) => m.personId).sort()).toEqual([P.ha, P.lan, P.minh]);
    for (const m of told) {
      expect(m.text).toContain(
        `Văn phòng đã trả lại Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 của Trường THCS Nguyễn Du (số ${ref}) để sửa.`,
      );
      expect(m.text).toContain("Ghi chú của Văn phòng: Thiếu minh chứng, xin bổ sung ảnh chụp.");
      expect(m.payloads).toEqual([`reopen:${ref}`]);
    }
    expect((await submissions())[0]?.review_state).toBe("returned");
    expect(joined(await h.text("lan", "/baocao"))).toContain(`Văn phòng đã trả lại để sửa (số ${ref})`);

    // Even after the deadline, a returned report can be reopened and sent again.
    h.now = new Date("2026-11-26T02:00:00.000Z");
    await h.tap("lan", `reopen:${ref}`);
    await h.text("lan", "sửa 2");
    await h.text("lan", "5");
    const receipt = joined(await h.tap("lan", "c:submit"));
    expect(receipt).toContain("(bản thứ 2)");
    expect(receipt).toContain("Báo cáo đã được gửi lại cho Văn phòng xem xét.");
    expect(receipt).toContain("Đúng hạn");
    expect((await submissions())[0]).toMatchObject({ review_state: "resubmitted", revision: 2, late: 0 });

    const accepted = await h.text(chatOf(P.tuan), `chấp nhận ${ref}`);
    expect(to(accepted, chatOf(P.tuan))[0]?.text).toBe(`Đã tiếp nhận báo cáo ${ref}.`);
    expect((await submissions())[0]?.review_state).toBe("accepted");
    expect(joined(await h.tap("lan", `reopen:${ref}`))).toContain(
      "đã được Văn phòng tiếp nhận nên không thể sửa nữa",
    );
    expect(joined(await h.text(chatOf(P.tuan), `trả lại ${ref} sai`))).toContain("báo cáo đã được tiếp nhận");

    const reviews = await h.db
      .selectFrom("reviews")
      .select(["action", "note", "by_person"])
      .orderBy("at")
      .execute();
    expect(reviews).toEqual([
      { action: "return", note: "Thiếu minh chứng, xin bổ sung ảnh chụp.", by_person: P.tuan },
      { action: "reopen", note: null, by_person: P.lan },
      { action: "accept", note: null, by_person: P.tuan },
    ]);
  });

  it("only Văn phòng staff can return or accept: anyone else typing it is answering or asking", async () => {
    await fillToReview("lan");
    await h.tap("lan", "c:submit");
    const ref = (await submissions())[0]?.reference as string;
    await h.text("minh", `trả lại ${ref} không đồng ý`);
    expect((await submissions())[0]?.review_state).toBe("submitted");
  });

  it("a locked period takes no new report", async () => {
    await h.db
      .insertInto("period_locks")
      .values({
        obligation_code: "DL_MONTHLY",
        period_key: "2026-11",
        locked_at: h.now.toISOString(),
        locked_by: null,
      })
      .execute();
    expect(joined(await h.tap("lan", NOVEMBER))).toContain(
      "Văn phòng đã khóa sổ Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026",
    );
    expect(await h.db.selectFrom("drafts").selectAll().execute()).toEqual([]);
    expect(U.nguyenDu).toBe("u-thcs-nd");
  });
});
