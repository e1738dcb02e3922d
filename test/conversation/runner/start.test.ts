/**
 * Ways into a report — a reminder's button, a typed name, the unit picker — and who may use them:
 * a payload naming another unit is refused, saying nothing about that unit. Nil reports where
 * the plan allows them; last period's answers proposed where the plan carries them over.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Plan } from "../../../src/domain/plan";
import { getPreset } from "../../../src/plan/index";
import { chatOf, type Harness, joined, P, startHarness, to, U } from "./harness";

let h: Harness;
afterEach(async () => {
  await h.dispose();
});

const REFUSED = "Cô không thể mở báo cáo này. Nếu cần, xin liên hệ Văn phòng Sở, 0220 3850 000.";

describe("starting a report", () => {
  it("from a reminder's button, with or without the unit (a long payload leaves it out)", async () => {
    h = await startHarness();
    expect(joined(await h.tap("lan", "report:DL_MONTHLY:2026-11:u-thcs-nd"))).toContain("Câu 1/11");
    await h.text("lan", "/huy");
    // The same instance again resumes the same draft rather than starting a second one.
    expect(joined(await h.tap("minh", "report:DL_MONTHLY:2026-11"))).toContain("Câu 1/11");
    expect(await h.db.selectFrom("drafts").select("person_id").orderBy("person_id").execute()).toEqual([
      { person_id: P.lan },
      { person_id: P.minh },
    ]);
  });

  it("a forged payload for another unit (or a unit that does not exist) is refused the same way", async () => {
    h = await startHarness();
    const other = to(await h.tap("lan", `report:DL_MONTHLY:2026-11:${U.kimDong}`), "lan");
    const none = to(await h.tap("lan", "report:DL_MONTHLY:2026-11:u-khong-co"), "lan");
    const byCode = to(await h.tap("lan", "report:DL_MONTHLY:2026-11:TH-KD"), "lan");
    for (const reply of [other, none, byCode]) {
      expect(reply.map((m) => m.text)).toEqual([REFUSED]);
    }
    expect(joined(other)).not.toContain("Kim Đồng");
    expect(await h.db.selectFrom("drafts").selectAll().execute()).toEqual([]);
    // Reopening another unit's submission by reference is refused too.
    expect(to(await h.tap("lan", "reopen:BC-2611-0001"), "lan").map((m) => m.text)).toEqual([REFUSED]);
  });

  it("by typing its name, accents optional: with several periods unsent, the person picks one", async () => {
    h = await startHarness();
    const [ask] = to(await h.text("lan", "bao cao thang"), "lan");
    expect(ask?.text).toContain("còn nhiều kỳ chưa gửi. Cô muốn gửi kỳ nào?");
    // This month's first (due 24/11), then the overdue ones from the most recent.
    expect(ask?.payloads).toEqual([
      "report:DL_MONTHLY:2026-11:u-thcs-nd",
      "report:DL_MONTHLY:2026-10:u-thcs-nd",
      "report:DL_MONTHLY:2026-09:u-thcs-nd",
    ]);
    expect(ask?.text).toContain("• Tháng 11/2026 — hạn 24/11/2026\n");
    expect(ask?.text).toContain("• Tháng 10/2026 — quá hạn từ 23/10/2026, vẫn có thể gửi");
    expect(await h.db.selectFrom("drafts").selectAll().execute()).toEqual([]);
    const reply = joined(to(await h.tap("lan", "report:DL_MONTHLY:2026-11:u-thcs-nd"), "lan"));
    expect(reply).toContain(
      "Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 — Trường THCS Nguyễn Du",
    );
    expect(reply).toContain("Câu 1/11");
  });

  it("by typing its name opens the one period still to send at once", async () => {
    h = await startHarness({ plan: getPreset("hanoi-2017") as Plan });
    const chat = chatOf(P.hung);
    const [ask] = to(await h.text(chat, "bao cao du luan"), chat);
    expect(ask?.text).toContain("Thầy muốn gửi kỳ nào?");
    const payloads = ask?.payloads ?? [];
    expect(payloads[0]).toBe("report:DL_MONTHLY:2026-11:u-pgd");
    expect(payloads.length).toBeGreaterThan(1);
    // Every overdue period sent as a nil report: only this month's is left.
    for (const payload of payloads.slice(1)) {
      await h.tap(chat, payload);
      await h.tap(chat, "c:nil");
      expect(joined(await h.tap(chat, "c:submit"))).toContain("Nội dung: Không có phát sinh.");
    }
    const reply = joined(to(await h.text(chat, "bao cao du luan"), chat));
    expect(reply).toContain("tháng 11/2026");
    expect(reply).toContain("Câu 1/");
  });

  it("a head of two schools picks the unit first", async () => {
    h = await startHarness();
    const [pick] = to(await h.text(chatOf(P.ha), "/baocao"), chatOf(P.ha));
    expect(pick?.text).toContain("Cô phụ trách nhiều đơn vị. Xin chọn đơn vị cần báo cáo:");
    expect([...(pick?.payloads ?? [])].sort()).toEqual([`menu:${U.kimDong}`, `menu:${U.nguyenDu}`]);
    const [menu] = await h.tap(chatOf(P.ha), `menu:${U.kimDong}`);
    expect(menu?.text).toContain("Báo cáo của Trường Tiểu học Kim Đồng:");
  });

  it("a nil report (“Không có phát sinh”) where the plan allows it", async () => {
    h = await startHarness({ plan: getPreset("hanoi-2017") as Plan });
    const menu = to(await h.text(chatOf(P.hung), "/baocao"), chatOf(P.hung))[0];
    const payload = menu?.payloads.find((p) => p.startsWith("report:DL_MONTHLY:2026-11:"));
    const first = to(await h.tap(chatOf(P.hung), payload ?? ""), chatOf(P.hung))[0];
    expect(first?.payloads).toContain("c:nil");
    const review = joined(await h.tap(chatOf(P.hung), "c:nil"));
    expect(review).toContain("Báo cáo “Không có phát sinh”");
    const receipt = joined(await h.tap(chatOf(P.hung), "c:submit"));
    expect(receipt).toContain("Nội dung: Không có phát sinh.");
    const row = await h.db
      .selectFrom("submissions")
      .select(["nil", "answers", "unit_id"])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ nil: 1, answers: "{}", unit_id: U.district });
  });

  it("last period's answers are proposed where the plan carries them over", async () => {
    h = await startHarness();
    const previous = {
      leader_name: "Trần Văn Minh",
      leader_title: "Hiệu trưởng",
      officer_name: "Nguyễn Thị Lan",
      officer_phone: "+84912345678",
    };
    await h.db
      .insertInto("submissions")
      .values({
        id: "s-prev",
        reference: "BC-2509-0001",
        unit_id: U.nguyenDu,
        obligation_code: "COMMS_CONTACTS",
        period_key: "2025-2026",
        form_version: 1,
        answers: JSON.stringify(previous),
        nil: 0,
        review_state: "accepted",
        revision: 1,
        submitted_by: P.lan,
        submitted_at: "2025-09-15T03:00:00.000Z",
        updated_by: P.lan,
        updated_at: "2025-09-15T03:00:00.000Z",
        due_at: "2025-09-19T16:59:59.999Z",
        late: 0,
        idempotency_key: "seed",
      })
      .execute();
    const first = to(await h.tap("lan", "report:COMMS_CONTACTS:2026-2027:u-thcs-nd"), "lan")[0];
    expect(first?.text).toContain("Kỳ trước Thầy/Cô đã trả lời: Trần Văn Minh");
    expect(first?.payloads).toContain("k:prev");
    const next = joined(await h.tap("lan", "k:prev"));
    expect(next).toContain("Kỳ trước Thầy/Cô đã trả lời: Hiệu trưởng");
    await h.text("lan", "giữ");
    await h.text("lan", "giữ");
    expect(joined(await h.text("lan", "giữ"))).toContain("Thư điện tử công vụ");
    const draft = await h.db.selectFrom("drafts").select("state").executeTakeFirstOrThrow();
    expect(JSON.parse(draft.state).answers).toEqual(previous);
  });

  it("Văn phòng staff enter a report for a unit by its code", async () => {
    h = await startHarness();
    const hint = joined(await h.text(chatOf(P.tuan), "/baocao"));
    expect(hint).toContain("gõ /baocao kèm mã đơn vị");
    expect(joined(await h.text(chatOf(P.tuan), "/baocao THCS-ND"))).toContain(
      "Báo cáo của Trường THCS Nguyễn Du:",
    );
  });
});
