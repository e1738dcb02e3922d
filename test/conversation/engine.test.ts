import { describe, expect, it } from "vitest";
import { reopenState } from "../../src/conversation/reopen";
import { validateState } from "../../src/conversation/state";
import { checkSubmission } from "../../src/conversation/submission";
import type { Effect, Submission } from "../../src/conversation/types";
import type { Form } from "../../src/domain/plan";
import { buttonLabels, Chat, cmd, ctxOf, file, monthlyReport, NOW, tap } from "./fixtures";

function submitted(effects: readonly Effect[]): Submission | undefined {
  const e = effects.find((x) => x.type === "submit");
  return e?.type === "submit" ? e.submission : undefined;
}

/** Answers the monthly report up to the review, without incident and without articles. */
function toReview(chat: Chat): void {
  chat.send(cmd("start"));
  chat.send("12");
  chat.send("1,3");
  chat.send("không");
  chat.send("không"); // no featured article
  chat.send("0912 345 678");
  chat.send(cmd("skip"));
}

describe("asking one question at a time", () => {
  it("shows progress, the plan's label, what is expected and the commands once", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    expect(chat.reply).toBe(
      [
        "Câu 1/5",
        "Số tin bài đã đăng trên website trong tháng",
        "Trả lời bằng một số nguyên từ 0 đến 100, ví dụ 5.",
        "Trong lúc trả lời, Thầy/Cô có thể gõ /quaylai để về câu trước, /boqua để bỏ qua câu không bắt buộc, /huy để tạm dừng (câu trả lời vẫn được giữ) và /tieptuc để làm tiếp.",
      ].join("\n\n"),
    );
    expect(chat.message?.buttons ?? []).toEqual([]);
  });

  it("speaks English with the plan's English labels", () => {
    const chat = new Chat(monthlyReport, ctxOf({ lang: "en" }));
    chat.send(cmd("start"));
    expect(chat.reply).toContain("Question 1/5\n\nArticles published on the website this month");
  });

  it("answers unknown input with a precise message and the same question, keeping what was given", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    chat.send("12");
    const before = chat.state.answers;
    chat.send("tivi");
    expect(chat.reply.split("\n\n")[0]).toBe(
      "Không có lựa chọn “tivi”. Xin gõ các số thứ tự từ 1 đến 4, cách nhau bởi dấu phẩy, ví dụ 1,3.",
    );
    expect(chat.reply).toContain("Câu 2/5\n\nCác kênh đơn vị đã dùng");
    expect(chat.state.answers).toEqual(before);
    expect(chat.state.cursor).toEqual({ at: "q", id: "kenh" });
  });

  it("counts only visible questions in the progress line", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    chat.send("12");
    chat.send("1");
    chat.send("có");
    expect(chat.reply).toMatch(/^Câu 4\/6\n\nMô tả vụ việc/);
  });

  it("renders choices as buttons where the channel has them, and as a numbered list otherwise", () => {
    const withButtons = new Chat(monthlyReport);
    withButtons.send(cmd("start"));
    withButtons.send("3");
    expect(buttonLabels(withButtons.message ?? { lang: "vi", parts: [] })).toEqual([
      "Trang web",
      "Fanpage",
      "Zalo OA",
      "Báo chí",
      "Xong",
    ]);

    const noButtons = new Chat(monthlyReport, ctxOf({ buttons: null }));
    noButtons.send(cmd("start"));
    noButtons.send("3");
    expect(noButtons.message?.buttons).toBeUndefined();
    expect(noButtons.reply).toContain("1. Trang web\n2. Fanpage\n3. Zalo OA\n4. Báo chí");
    noButtons.send("2 4");
    expect(noButtons.state.answers.kenh).toEqual(["fanpage", "press"]);
  });

  it("falls back to a numbered list when the options do not fit the channel's buttons", () => {
    const chat = new Chat(monthlyReport, ctxOf({ buttons: { maxButtons: 3, maxLabelChars: 20 } }));
    chat.send(cmd("start"));
    chat.send("3");
    expect(chat.reply).toContain("1. Trang web");
    expect(chat.message?.buttons ?? []).toEqual([]);
  });

  it("multiple choice by toggles: ✓ marks, then Xong; an empty selection is refused", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    chat.send("3");
    chat.send(tap("m!"));
    expect(chat.reply).toMatch(/^Thầy\/Cô chưa chọn mục nào/);
    chat.send(tap("m:fanpage"));
    chat.send(tap("m:press"));
    chat.send(tap("m:fanpage"));
    expect(buttonLabels(chat.message ?? { lang: "vi", parts: [] }).slice(0, 4)).toEqual([
      "Trang web",
      "Fanpage",
      "Zalo OA",
      "✓ Báo chí",
    ]);
    chat.send(tap("m!"));
    expect(chat.state.answers.kenh).toEqual(["press"]);
    expect(chat.state.pending).toBeNull();
  });

  it("a button of another question is refused, not misread", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    chat.send(tap("y:1"));
    expect(chat.reply).toMatch(/^Nút vừa bấm thuộc một câu hỏi khác/);
    expect(chat.state.answers).toEqual({});
  });

  it("an unknown slash command is not taken as an answer", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    chat.send("12");
    chat.send("1");
    chat.send("có");
    chat.send("/xyz");
    expect(chat.reply).toMatch(/^Không có lệnh “\/xyz”/);
    expect(chat.state.answers.chi_tiet).toBeUndefined();
  });
});

describe("commands anywhere in a form", () => {
  it("/quaylai returns to the previous question, shows the current answer, and can keep it", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    chat.send("quay lại");
    expect(chat.reply).toMatch(/^Đây đã là câu đầu tiên/);
    chat.send("12");
    chat.send("/quaylai");
    expect(chat.state.cursor).toEqual({ at: "q", id: "so_tin_bai" });
    expect(chat.reply).toContain("Câu trả lời hiện tại: 12");
    expect(buttonLabels(chat.message ?? { lang: "vi", parts: [] })).toEqual(["Giữ: 12"]);
    chat.send(tap("k:cur"));
    expect(chat.state.cursor).toEqual({ at: "q", id: "kenh" });
    expect(chat.state.answers.so_tin_bai).toBe(12);
  });

  it("/boqua skips an optional question and is refused on a required one with a precise message", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    chat.send("/boqua");
    expect(chat.reply.split("\n\n")[0]).toBe("Câu này bắt buộc nên không thể bỏ qua. Xin trả lời câu hỏi.");
    expect(chat.state.cursor).toEqual({ at: "q", id: "so_tin_bai" });
    toReview(new Chat(monthlyReport)); // the optional "ghi_chu" is skipped in toReview
    const other = new Chat(monthlyReport);
    toReview(other);
    expect(other.state.answers.ghi_chu).toBeNull();
    expect(other.state.status).toBe("reviewing");
    expect(other.reply).toContain("5. Ghi chú: (bỏ qua)");
  });

  it("/huy keeps the draft; nothing but /tieptuc continues; /tieptuc resumes where it stopped", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    chat.send("12");
    const cancel = chat.send("/huy");
    expect(cancel.effects.map((e) => e.type)).toEqual(["cancel", "reply"]);
    expect(chat.state.status).toBe("cancelled");
    chat.send("1,2");
    expect(chat.reply).toBe("Báo cáo đang tạm dừng. Gõ /tieptuc để làm tiếp từ chỗ đã dừng.");
    expect(chat.state.answers).toEqual({ so_tin_bai: 12 });
    const resume = chat.send("/tieptuc");
    expect(resume.effects.map((e) => e.type)).toEqual(["resume", "reply"]);
    expect(chat.state.status).toBe("answering");
    expect(chat.reply).toMatch(/^Tiếp tục báo cáo từ chỗ Thầy\/Cô đã dừng\.\n\nCâu 2\/5/);
  });
});

describe("conditions", () => {
  it("asks details only when “có vụ việc” is yes; editing it later asks the new question, then the review", () => {
    const chat = new Chat(monthlyReport);
    toReview(chat);
    expect(chat.state.answers.chi_tiet).toBeUndefined();
    chat.send("sửa 3");
    chat.send(tap("y:1"));
    expect(chat.state.cursor).toEqual({ at: "q", id: "chi_tiet" });
    chat.send("Phụ huynh phản ánh trên mạng xã hội");
    expect(chat.state.status).toBe("reviewing");
    expect(chat.reply).toContain("4. Mô tả vụ việc: Phụ huynh phản ánh trên mạng xã hội");

    // Back to "no": the details disappear from the review and from the submission, not from the draft.
    chat.send("sửa 3");
    chat.send("không");
    expect(chat.reply).not.toContain("Mô tả vụ việc");
    expect(chat.state.answers.chi_tiet).toBe("Phụ huynh phản ánh trên mạng xã hội");
    const submission = submitted(chat.send("gửi").effects);
    expect(submission?.answers).not.toHaveProperty("chi_tiet");
    expect(checkSubmission(monthlyReport, submission?.answers ?? {}).ok).toBe(true);
  });
});

const articles = (min: number | undefined, max: number | undefined): Form => ({
  version: 1,
  questions: [
    {
      id: "bai",
      type: "group",
      label: { vi: "Bài viết" },
      min,
      max,
      questions: [
        { id: "tieu_de", type: "text", label: { vi: "Tiêu đề" } },
        { id: "ngay", type: "date", label: { vi: "Ngày đăng" }, required: false },
      ],
    },
  ],
});

describe("repeatable groups", () => {
  it("asks “add another?” between repeats and stops at max", () => {
    const chat = new Chat(articles(1, 2));
    chat.send(cmd("start"));
    expect(chat.reply).toMatch(/^Câu 1\/2 · Bài viết – mục 1\n\nTiêu đề/);
    chat.send("Khai giảng");
    chat.send("hôm nay");
    expect(chat.reply).toBe("Bài viết: đã nhập 1 mục. Thầy/Cô có muốn thêm mục khác không?");
    chat.send("có");
    chat.send("Trung thu");
    chat.send("/boqua");
    expect(chat.reply).toMatch(
      /^Đã đủ số mục tối đa \(2\) cho phần này\.\n\nXin Thầy\/Cô xem lại 4 câu trả lời/,
    );
    expect(chat.state.answers.bai).toEqual([
      { tieu_de: "Khai giảng", ngay: "2026-11-24" },
      { tieu_de: "Trung thu", ngay: null },
    ]);
  });

  it("asks for more repeats until min is reached, and refuses to stop before", () => {
    const chat = new Chat(articles(2, 5));
    chat.send(cmd("start"));
    chat.send("A");
    chat.send("/boqua");
    expect(chat.reply).toMatch(/^Phần này cần ít nhất 2 mục \(mới có 1\)\. Xin nhập mục tiếp theo\./);
    chat.send("B");
    chat.send("/boqua");
    expect(chat.state.cursor).toEqual({ at: "more", group: "bai" });
    chat.send("/quaylai");
    chat.send("/quaylai");
    expect(chat.state.cursor).toEqual({ at: "item", group: "bai", index: 1, id: "tieu_de" });
    expect(chat.reply).toContain("Câu trả lời hiện tại: B");

    // The plan raised min to 3 while the principal stood at "add another?": stopping is refused.
    const raised = { ...articles(3, 5), version: 1 };
    const at = new Chat(raised);
    at.state = { ...chat.state, cursor: { at: "more", group: "bai" }, history: [] };
    at.send("không");
    expect(at.reply).toMatch(/^Phần này cần ít nhất 3 mục \(mới có 2\) nên chưa thể dừng\./);
    at.send("có");
    expect(at.state.cursor).toEqual({ at: "item", group: "bai", index: 2, id: "tieu_de" });
  });

  it("an optional group starts with “anything to declare?” and can be left empty", () => {
    const chat = new Chat(articles(0, 3));
    chat.send(cmd("start"));
    expect(chat.reply).toBe("Bài viết: Thầy/Cô có mục nào cần khai báo không?");
    chat.send(tap("y:0"));
    expect(chat.state.status).toBe("reviewing");
    const submission = submitted(chat.send(tap("c:submit")).effects);
    expect(submission?.answers).toEqual({ bai: [] });
  });

  it("the review can add a repeat and delete one, never below min", () => {
    const chat = new Chat(articles(1, 3));
    chat.send(cmd("start"));
    chat.send("A");
    chat.send("1/11/2026");
    chat.send("không");
    expect(buttonLabels(chat.message ?? { lang: "vi", parts: [] })).toContain("Thêm: Bài viết");
    chat.send("xóa 1");
    expect(chat.reply).toMatch(/^Phần này cần ít nhất 1 mục nên không thể xóa thêm\./);
    chat.send(tap("a:bai"));
    chat.send("B");
    chat.send("2/11/2026");
    expect(chat.state.status).toBe("reviewing");
    expect(chat.reply).toContain("3. [Mục 2] Tiêu đề: B");
    chat.send("xoá 1");
    expect(chat.reply).toMatch(/^Đã xóa mục 1\./);
    expect(chat.state.answers.bai).toEqual([{ tieu_de: "B", ngay: "2026-11-02" }]);
    expect(validateState(articles(1, 3), chat.state)).toEqual({ ok: true });
  });
});

describe("review, edit and send", () => {
  it("summarises every answer formatted, with Gửi and Sửa câu N buttons", () => {
    const chat = new Chat(monthlyReport);
    toReview(chat);
    expect(chat.reply).toBe(
      [
        "Xin Thầy/Cô xem lại 5 câu trả lời trước khi gửi:",
        "1. Số tin bài đã đăng trên website trong tháng: 12",
        "2. Các kênh đơn vị đã dùng: Trang web, Zalo OA",
        "3. Trong tháng có vụ việc cần báo cáo không: Không",
        "Bài viết nổi bật: 0 mục",
        "4. Số điện thoại người phụ trách: 0912 345 678",
        "5. Ghi chú: (bỏ qua)",
        "Bấm “Gửi” để nộp báo cáo, hoặc “Sửa câu N” (hay gõ “sửa N”) để sửa một câu.",
      ].join("\n\n"),
    );
    expect(buttonLabels(chat.message ?? { lang: "vi", parts: [] })).toEqual([
      "Gửi",
      "Sửa câu 1",
      "Sửa câu 2",
      "Sửa câu 3",
      "Sửa câu 4",
      "Sửa câu 5",
      "Thêm: Bài viết nổi bật",
    ]);
  });

  it("edits answer N (button or typed “sua N”), returns to the review, and sends", () => {
    const chat = new Chat(monthlyReport);
    toReview(chat);
    chat.send(tap("e:1"));
    expect(chat.reply).toContain("Câu trả lời hiện tại: 12");
    chat.send("1.234");
    expect(chat.reply).toMatch(/^Số 1\.234 nằm ngoài khoảng cho phép\. Xin nhập một số nguyên từ 0 đến 100/);
    chat.send("15");
    expect(chat.state.status).toBe("reviewing");
    chat.send("sua 4");
    chat.send("0987654321");
    const result = chat.send("Gửi");
    const submission = submitted(result.effects);
    expect(submission).toEqual({
      formVersion: 3,
      nil: false,
      answers: {
        so_tin_bai: 15,
        kenh: ["website", "zalo_oa"],
        co_vu_viec: false,
        bai_viet: [],
        sdt: "+84987654321",
      },
      submittedAt: "2026-11-24T03:00:00.000Z",
    });
    expect(chat.reply).toBe("Đã gửi báo cáo. Cảm ơn Thầy/Cô!");
    chat.send("gửi");
    expect(chat.reply).toBe("Báo cáo này đã được gửi.");
    expect(submitted(chat.last?.effects ?? [])).toBeUndefined();
  });

  it("“sửa N” out of range says which numbers exist", () => {
    const chat = new Chat(monthlyReport);
    toReview(chat);
    chat.send("sửa 9");
    expect(chat.reply).toMatch(/^Không có câu số 9\. Xin chọn một số từ 1 đến 5\./);
  });

  it("on a channel without buttons the review explains what to type", () => {
    const chat = new Chat(monthlyReport, ctxOf({ buttons: null }));
    toReview(chat);
    expect(chat.reply).toContain("Gõ “gửi” để nộp báo cáo, hoặc “sửa N” để sửa câu N (ví dụ “sửa 3”).");
    expect(submitted(chat.send("gui").effects)).toBeDefined();
  });

  it("/gui while answering leads to the review, never straight to sending", () => {
    const chat = new Chat(monthlyReport);
    chat.send(cmd("start"));
    const r = chat.send("/gui");
    expect(submitted(r.effects)).toBeUndefined();
    expect(chat.reply).toMatch(/^Trước khi gửi, xin Thầy\/Cô xem lại các câu trả lời\.\n\nCâu 1\/5/);
  });
});

describe("nil report", () => {
  it("offers “Không có phát sinh” on the first question when the plan allows it", () => {
    const allowed = new Chat(monthlyReport, ctxOf({ nilAllowed: true }));
    allowed.send(cmd("start"));
    expect(buttonLabels(allowed.message ?? { lang: "vi", parts: [] })).toEqual(["Không có phát sinh"]);
    allowed.send("12");
    expect(buttonLabels(allowed.message ?? { lang: "vi", parts: [] })).not.toContain("Không có phát sinh");
  });

  it("goes straight to the review and sends a nil submission", () => {
    const chat = new Chat(monthlyReport, ctxOf({ nilAllowed: true }));
    chat.send(cmd("start"));
    chat.send(tap("c:nil"));
    expect(chat.state.status).toBe("reviewing");
    expect(chat.reply).toContain("Báo cáo “Không có phát sinh”");
    expect(buttonLabels(chat.message ?? { lang: "vi", parts: [] })).toEqual(["Gửi", "Nhập báo cáo đầy đủ"]);
    const submission = submitted(chat.send(tap("c:submit")).effects);
    expect(submission).toMatchObject({ nil: true, answers: {} });
    expect(checkSubmission(monthlyReport, {}, { nil: true }).ok).toBe(true);
    expect(chat.reply).toBe("Đã ghi nhận báo cáo “Không có phát sinh”. Cảm ơn Thầy/Cô!");
  });

  it("typed on the first question; undone with “Nhập báo cáo đầy đủ”; refused when not allowed", () => {
    const chat = new Chat(monthlyReport, ctxOf({ nilAllowed: true, buttons: null }));
    chat.send(cmd("start"));
    expect(chat.reply).toContain("gõ “không có phát sinh”");
    chat.send("Không có phát sinh");
    expect(chat.state.nil).toBe(true);
    chat.send(tap("c:unnil"));
    expect(chat.state).toMatchObject({
      nil: false,
      status: "answering",
      cursor: { at: "q", id: "so_tin_bai" },
    });

    // Where the nil report is not offered, the same words are an ordinary answer.
    const notOffered: Form = {
      version: 1,
      questions: [{ id: "note", type: "text", label: { vi: "Vụ việc" } }],
    };
    const answer = new Chat(notOffered);
    answer.send(cmd("start"));
    answer.send("Không có phát sinh");
    expect(answer.state.answers.note).toBe("Không có phát sinh");

    const refused = new Chat(monthlyReport);
    refused.send(cmd("start"));
    refused.send(cmd("nil"));
    expect(refused.reply).toMatch(/^Báo cáo này không có lựa chọn “Không có phát sinh”/);
    expect(refused.state.nil).toBe(false);
  });
});

describe("carry-over", () => {
  it("proposes last period's answer with “Giữ như kỳ trước”, by button or by typing “giữ”", () => {
    const chat = new Chat(monthlyReport, ctxOf({ previous: { sdt: "+84912345678", so_tin_bai: 9 } }));
    chat.send(cmd("start"));
    expect(chat.reply).not.toContain("Kỳ trước"); // so_tin_bai is not carry_over
    chat.send("12");
    chat.send("1");
    chat.send("không");
    chat.send("không");
    expect(chat.reply).toContain("Kỳ trước Thầy/Cô đã trả lời: 0912 345 678");
    expect(buttonLabels(chat.message ?? { lang: "vi", parts: [] })).toEqual([
      "Giữ như kỳ trước: 0912 345 678",
    ]);
    chat.send(tap("k:prev"));
    expect(chat.state.answers.sdt).toBe("+84912345678");

    const typed = new Chat(monthlyReport, ctxOf({ previous: { sdt: "+84912345678" }, buttons: null }));
    typed.send(cmd("start"));
    for (const a of ["12", "1", "không", "không", "giữ"]) typed.send(a);
    expect(typed.state.answers.sdt).toBe("+84912345678");
  });

  it("does not propose a previous answer that no longer validates", () => {
    const chat = new Chat(monthlyReport, ctxOf({ previous: { sdt: "0912" } }));
    chat.send(cmd("start"));
    for (const a of ["12", "1", "không", "không"]) chat.send(a);
    expect(chat.reply).not.toContain("Kỳ trước");
    chat.send(tap("k:prev"));
    expect(chat.reply).toMatch(/^Nút vừa bấm thuộc một câu hỏi khác/);
  });
});

describe("files", () => {
  const evidence: Form = {
    version: 1,
    questions: [
      {
        id: "minh_chung",
        type: "file",
        label: { vi: "Ảnh chụp bài đăng" },
        accept: ["jpg", "png"],
        max_size_mb: 5,
      },
      { id: "ghi_chu", type: "text", label: { vi: "Ghi chú" } },
    ],
  };

  it("asks for a file, checks type and size from the plan, and stores the description", () => {
    const chat = new Chat(evidence);
    chat.send(cmd("start"));
    expect(chat.reply).toContain("Gửi tệp hoặc ảnh định dạng jpg, png (tối đa 5 MB).");
    chat.send("đây ạ");
    expect(chat.reply).toMatch(/^Câu này cần một tệp hoặc ảnh\./);
    chat.send(file());
    expect(chat.reply).toMatch(/^Tệp “bao-cao\.pdf” không đúng định dạng\. Chỉ nhận: jpg, png\./);
    chat.send(file({ name: "", mimeType: "image/jpeg", sizeBytes: 9_000_000 }));
    expect(chat.reply).toMatch(/nặng 8,6 MB, vượt quá giới hạn 5 MB/);
    chat.send(file({ name: "anh.jpg", mimeType: "image/jpeg" }));
    expect(chat.state.answers.minh_chung).toMatchObject({ name: "anh.jpg", sha256: "a".repeat(64) });
    chat.send(file());
    expect(chat.reply).toMatch(/^Câu này cần trả lời bằng chữ, không phải bằng tệp\./);
  });
});

describe("editing after sending", () => {
  it("reopens a submission at the review, and asks what the changed form now needs", () => {
    const chat = new Chat(monthlyReport);
    toReview(chat);
    const sent = submitted(chat.send("gửi").effects);
    const reopened = new Chat(monthlyReport);
    reopened.state = reopenState(monthlyReport, sent?.answers ?? {}, NOW);
    expect(validateState(monthlyReport, reopened.state)).toEqual({ ok: true });
    reopened.send("sửa 1");
    reopened.send("13");
    expect(submitted(reopened.send("gửi").effects)?.answers.so_tin_bai).toBe(13);

    const changed: Form = {
      ...monthlyReport,
      version: 4,
      questions: [...monthlyReport.questions, { id: "email", type: "email", label: { vi: "Thư điện tử" } }],
    };
    const state = reopenState(changed, sent?.answers ?? {}, NOW);
    expect(state).toMatchObject({ status: "answering", cursor: { at: "q", id: "email" }, editing: true });
  });
});

describe("state after every step", () => {
  it("stays valid and serializable through a whole conversation", () => {
    const chat = new Chat(monthlyReport, ctxOf({ nilAllowed: true }));
    const inputs = ["12", "1,2", "có", "Mô tả", "có", "Tin A", "a.vn", "hôm nay", "1", "không", "0912345678"];
    chat.send(cmd("start"));
    for (const input of inputs) {
      chat.send(input);
      expect(validateState(monthlyReport, chat.state)).toEqual({ ok: true });
      expect(JSON.parse(JSON.stringify(chat.state))).toEqual(chat.state);
    }
  });
});
