/**
 * /quaylai, /boqua, /huy (draft kept), /tieptuc; a draft offered back on the next contact; a
 * draft left for hours is not answered by the next message; a restart of the whole process in
 * the middle of a form loses nothing; a plan change migrates the draft with an explanation.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/db/index";
import type { Plan } from "../../../src/domain/plan";
import { type Harness, joined, startHarness, to } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

const NOVEMBER = "report:DL_MONTHLY:2026-11:u-thcs-nd";
const say = async (text: string, chat = "lan") => joined(to(await h.text(chat, text), chat));

async function draftRow() {
  return h.db.selectFrom("drafts").selectAll().where("person_id", "=", "p-lan").executeTakeFirstOrThrow();
}

describe("commands anywhere in a form", () => {
  it("/quaylai goes back keeping the answer, /boqua refuses a required question, /huy keeps the draft, /tieptuc resumes", async () => {
    await h.tap("lan", NOVEMBER);
    await say("7");
    const back = await say("/quaylai");
    expect(back).toContain("Câu 1/11");
    expect(back).toContain("Câu trả lời hiện tại: 7");
    expect(await say("/boqua")).toContain("Câu này bắt buộc nên không thể bỏ qua");
    expect(await say("giữ")).toContain("Câu 2/11");
    expect(await say("/huy")).toContain("Đã tạm dừng báo cáo. Các câu trả lời đã được lưu");
    const paused = await draftRow();
    expect(paused.status).toBe("open");
    expect(paused.active).toBe(0);
    expect(JSON.parse(paused.state).answers).toEqual({ articles_website: 7 });

    // Next contact: the unfinished draft is offered back, nothing typed is taken as an answer.
    const offer = to(await h.text("lan", "chào em"), "lan")[0];
    expect(offer?.text).toContain(
      "Cô đang làm dở Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 — tiếp tục?",
    );
    expect(offer?.payloads).toEqual([`resume:${paused.id}`, "later"]);
    expect(await say("/tieptuc")).toContain("Câu 2/11");
    expect(await say("3")).toContain("Câu 3/11");
    expect(JSON.parse((await draftRow()).state).answers).toEqual({ articles_website: 7, posts_fanpage: 3 });
  });

  it("“Để sau” keeps the draft; the button “Tiếp tục” brings it back", async () => {
    await h.tap("lan", NOVEMBER);
    await say("7");
    await say("/huy");
    expect(await say("xin chào")).toContain("tiếp tục?");
    expect(joined(await h.tap("lan", "later"))).toContain("bản nháp vẫn được giữ");
    const { id } = await draftRow();
    expect(joined(await h.tap("lan", `resume:${id}`))).toContain("Câu 2/11");
  });

  it("a draft untouched for a day is offered back instead of taking the next message as an answer", async () => {
    await h.tap("lan", NOVEMBER);
    await say("7");
    h.now = new Date(h.now.getTime() + 26 * 60 * 60 * 1000);
    const offer = await say("12");
    expect(offer).toContain("Chào Cô! Các câu trả lời lần trước vẫn được lưu.");
    expect(offer).toContain("tiếp tục?");
    expect(JSON.parse((await draftRow()).state).answers).toEqual({ articles_website: 7 });
  });

  it("/huy, /quaylai and /tieptuc with nothing open say so and show the list", async () => {
    const reply = await say("/quaylai");
    expect(reply).toContain("Cô chưa mở báo cáo nào.");
    expect(reply).toContain("Báo cáo của Trường THCS Nguyễn Du:");
  });

  it("survives a restart of the whole process in the middle of a form", async () => {
    await h.tap("lan", NOVEMBER);
    for (const n of ["12", "4", "2"]) await say(n);
    // The process dies: the connection is closed, a new one is opened on the same file, and the
    // handler (hook, reporter) is built again from scratch.
    await h.tdb.close();
    const reopened = await openDatabase({ kind: "sqlite", file: `${h.tdb.dir}/baocao.db` });
    h.rebuild(reopened.db);
    try {
      expect(await say("1")).toContain("Câu 5/11");
      for (const n of ["0", "0", "không", "/boqua", "/boqua", "/boqua", "/boqua"]) await say(n);
      const receipt = joined(await h.tap("lan", "c:submit"));
      expect(receipt).toContain("Số tham chiếu: BC-2611-");
      const row = await reopened.db.selectFrom("submissions").select("answers").executeTakeFirstOrThrow();
      expect(JSON.parse(row.answers)).toMatchObject({
        articles_website: 12,
        posts_fanpage: 4,
        posts_zalo_oa: 2,
        items_so_website: 1,
      });
    } finally {
      await reopened.close();
    }
  });

  it("a draft started before a plan change is migrated with an explanation, never a crash", async () => {
    await h.tap("lan", NOVEMBER);
    for (const n of ["12", "4"]) await say(n);
    // The Sở publishes a new version of the form: the fanpage question is gone.
    const plan = h.active.plan;
    const changed: Plan = {
      ...plan,
      obligations: plan.obligations.map((o) =>
        o.code === "DL_MONTHLY" && o.form
          ? {
              ...o,
              form: { version: 2, questions: o.form.questions.filter((q) => q.id !== "posts_fanpage") },
            }
          : o,
      ),
    };
    h.active = { ...h.active, plan: changed };
    const reply = await say("2");
    expect(reply).toContain("Biểu mẫu báo cáo vừa được cập nhật.");
    expect(reply).toContain("Số bài đăng trên Zalo OA của đơn vị");
    const row = await draftRow();
    expect(row.form_version).toBe(2);
    expect(JSON.parse(row.state).answers).toEqual({ articles_website: 12 });
  });

  it("on a channel without file intake, a file question points to the web chat", async () => {
    const link = { channel: "zalo-personal" as const, chatId: "zp-lan" };
    await h.db
      .insertInto("channel_links")
      .values({
        id: "l-zp",
        person_id: "p-lan",
        channel: link.channel,
        chat_id: link.chatId,
        platform_user_id: "z",
        linked_at: h.now.toISOString(),
        last_interaction_at: null,
        unreachable_at: null,
      })
      .execute();
    await h.tap(link.chatId, NOVEMBER, link.channel);
    let last = "";
    for (const a of ["1", "1", "1", "1", "1", "1", "không", "/boqua", "/boqua"])
      last = joined(await h.text(link.chatId, a, link.channel));
    expect(last).toContain("Tệp minh chứng");
    expect(last).toContain(
      "Kênh trò chuyện này không nhận được tệp. Để gửi tệp, xin mở https://baocao.example.vn/chat",
    );
  });
});
