/**
 * A principal's monthly report from /baocao to the receipt, through the bot handler on a real
 * database: one question per message with progress, every question type of the modern preset
 * answered wrongly then rightly, an edit from the summary, and the stored submission.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { instanceKeyString } from "../../../src/bot/status/sources";
import { createSubmissionStatusSource } from "../../../src/conversation/runner/index";
import { reportStatus } from "../../../src/domain/status";
import { createTestDatabase } from "../../helpers/db";
import { type Harness, joined, NOW, P, startHarness, to, U } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

const NOVEMBER = "report:DL_MONTHLY:2026-11:u-thcs-nd";

async function say(text: string) {
  const replies = to(await h.text("lan", text), "lan");
  expect(replies.length).toBeGreaterThan(0);
  return joined(replies);
}

describe("the monthly report", () => {
  it("/baocao lists what the unit owes, with a button each, and the article and incident flows", async () => {
    const [menu] = await h.text("lan", "/baocao");
    expect(menu?.text).toContain("Báo cáo của Trường THCS Nguyễn Du:");
    expect(menu?.text).toContain(
      "Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 — hạn 24/11/2026",
    );
    expect(menu?.text).toContain("tháng 10/2026 — quá hạn từ 23/10/2026, vẫn có thể gửi");
    expect(menu?.payloads).toContain(NOVEMBER);
    expect(menu?.payloads).toContain(`art:${U.nguyenDu}`);
    expect(menu?.payloads).toContain(`inc:${U.nguyenDu}`);
    expect(menu?.text).toContain("[Tháng 11/2026: Báo cáo tháng công tác truyền thông");
  });

  it("goes question by question with progress, re-asks invalid answers, edits from the summary, and gives a receipt", async () => {
    const first = joined(await h.tap("lan", NOVEMBER));
    expect(first).toContain("Trường THCS Nguyễn Du. Hạn gửi: 24/11/2026 23:59.");
    expect(first).toContain("Câu 1/11");
    expect(first).toContain("Số tin, bài đăng trên trang thông tin điện tử (website) của đơn vị");

    // integer: words and out-of-range numbers are refused with what is expected, then accepted
    expect(await say("mười hai")).toContain("Số không hợp lệ: “mười hai”");
    expect(await say("5000")).toContain("Số 5.000 nằm ngoài khoảng cho phép");
    expect(await say("12")).toContain("Câu 2/11");
    for (const n of ["4", "2", "1", "0"]) await say(n);
    expect(await say("1")).toContain("Trong kỳ có vụ việc, dư luận quan tâm liên quan đến đơn vị không?");
    // yes/no
    expect(await say("chắc vậy")).toContain("Chưa hiểu câu trả lời “chắc vậy”");
    const group = await say("có");
    expect(group).toContain("Các vụ việc, dư luận trong kỳ – mục 1");
    expect(group).toContain("Ngày phát hiện");
    // date
    expect(await say("31/02/2026")).toContain("không có trên lịch");
    expect(await say("05/11/2026")).toContain("Vụ việc xuất hiện ở đâu?");
    // choice (by number)
    expect(await say("9")).toContain("Không có lựa chọn “9”");
    expect(await say("1")).toContain("Tóm tắt nội dung vụ việc");
    await say("Phụ huynh phản ánh trên Facebook về khoản thu đầu năm.");
    expect(await say("3")).toContain("Đơn vị đã xử lý thế nào");
    await say("Đã xác minh, trả lời phụ huynh và báo cáo Phòng.");
    expect(await say("đã giải quyết xong")).toContain("Đường dẫn bài viết liên quan (nếu có)");
    // url
    expect(await say("không biết")).toContain("Đường dẫn không hợp lệ");
    expect(await say("facebook.com/groups/phuhuynh/posts/1")).toContain("có muốn thêm mục khác không?");
    expect(await say("không")).toContain("Khó khăn, vướng mắc");
    await say("/boqua");
    await say("Đề nghị tập huấn viết tin.");
    // file: a wrong type is refused, then a PDF is stored with its hash
    const wrong = joined(
      to(
        await h.file("lan", {
          name: "ghi-chu.txt",
          mimeType: "text/plain",
          bytes: new TextEncoder().encode("x"),
        }),
        "lan",
      ),
    );
    expect(wrong).toContain("không đúng định dạng");
    const pdf = new TextEncoder().encode("%PDF-1.4 minh chung");
    expect(
      joined(
        to(await h.file("lan", { name: "minh-chung.pdf", mimeType: "application/pdf", bytes: pdf }), "lan"),
      ),
    ).toContain("Đường dẫn minh chứng");
    const review = await say("/boqua");
    expect(review).toContain("Xin Thầy/Cô xem lại");
    expect(review).toContain("1. Số tin, bài đăng trên trang thông tin điện tử (website) của đơn vị: 12");
    expect(review).toContain("minh-chung.pdf");

    // edit from the summary: answer 1 becomes 15, straight back to the review
    expect(await say("sửa 1")).toContain("Câu trả lời hiện tại: 12");
    const again = await say("15");
    expect(again).toContain("1. Số tin, bài đăng trên trang thông tin điện tử (website) của đơn vị: 15");

    const receipt = joined(await h.tap("lan", "c:submit"));
    expect(receipt).toMatch(
      /Đã nhận Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11\/2026 của Trường THCS Nguyễn Du\./,
    );
    expect(receipt).toMatch(/Số tham chiếu: BC-2611-\d{4}/);
    expect(receipt).toContain("Thời gian: 10/11/2026 10:00");
    expect(receipt).toContain("Đúng hạn (hạn gửi 24/11/2026 23:59).");
    expect(receipt).not.toContain("Đã gửi báo cáo. Cảm ơn Thầy/Cô!");

    const rows = await h.db.selectFrom("submissions").selectAll().execute();
    expect(rows).toHaveLength(1);
    const s = rows[0];
    expect(s).toMatchObject({
      unit_id: U.nguyenDu,
      obligation_code: "DL_MONTHLY",
      period_key: "2026-11",
      review_state: "submitted",
      late: 0,
      nil: 0,
      submitted_by: P.lan,
    });
    const answers = JSON.parse(s?.answers ?? "{}");
    expect(answers.articles_website).toBe(15);
    expect(answers.issues[0]).toMatchObject({
      issue_date: "2026-11-05",
      issue_where: "social",
      issue_severity: "high",
      issue_link: "https://facebook.com/groups/phuhuynh/posts/1",
    });
    expect(answers).not.toHaveProperty("difficulties");
    expect(answers.evidence_file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const files = await h.db.selectFrom("submission_files").selectAll().execute();
    expect(files.map((f) => [f.owner_kind, f.question_path, f.file_id])).toEqual([
      ["submission_revision", "evidence_file", answers.evidence_file.fileId],
    ]);
    // /trangthai now counts it as sent
    expect(joined(await h.text("lan", "/trangthai"))).toContain("tháng 11/2026 — hạn 24/11/2026: đã nộp");
  });

  it("a late report is received and marked late everywhere", async () => {
    await h.tap("lan", "report:DL_MONTHLY:2026-10:u-thcs-nd");
    for (const a of ["1", "1", "1", "1", "1", "1", "không", "/boqua", "/boqua", "/boqua", "/boqua"])
      await say(a);
    const receipt = joined(await h.text("lan", "gửi"));
    expect(receipt).toContain("Gửi muộn so với hạn 23/10/2026 23:59.");
    const row = await h.db.selectFrom("submissions").select(["late", "period_key"]).executeTakeFirstOrThrow();
    expect(row).toEqual({ late: 1, period_key: "2026-10" });
    const key = { unitId: U.nguyenDu, obligationCode: "DL_MONTHLY", periodKey: "2026-10" };
    const facts = await createSubmissionStatusSource().submissions(h.db, [key]);
    const fact = facts.get(instanceKeyString(key));
    expect(
      fact &&
        reportStatus({ opensOn: "2026-10-01", dueAt: "2026-10-23T16:59:59.999Z" }, h.now, {
          submission: fact,
        }),
    ).toBe("submitted_late");
  });
});

describe("isolation", () => {
  it("the test database starts empty of submissions", async () => {
    const other = await createTestDatabase();
    expect(await other.db.selectFrom("submissions").selectAll().execute()).toEqual([]);
    await other.dispose();
    expect(NOW.toISOString()).toBe("2026-11-10T03:00:00.000Z");
  });
});
