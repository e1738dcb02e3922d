import { describe, expect, it } from "vitest";
import { checkSelection, parseChoice, parseMultiChoice } from "../../src/conversation/answers/choice";
import { parseDate } from "../../src/conversation/answers/date";
import { parseEmail } from "../../src/conversation/answers/email";
import { checkFile } from "../../src/conversation/answers/file";
import { formatNumber } from "../../src/conversation/answers/format-number";
import { isValidAnswer, parseTypedAnswer } from "../../src/conversation/answers/index";
import { parseDecimal, parseInteger, readNumber } from "../../src/conversation/answers/number";
import { formatPhone, parsePhone } from "../../src/conversation/answers/phone";
import { parseText } from "../../src/conversation/answers/text";
import { parseUrl } from "../../src/conversation/answers/url";
import { parseYesNo } from "../../src/conversation/answers/yes-no";
import type { FileAnswer } from "../../src/conversation/types";
import type { ChoiceOption, Question } from "../../src/domain/plan";
import { translator } from "../../src/i18n/index";

const t = translator("vi");
const en = translator("en");
const TODAY = "2026-11-24";

describe("numbers, Vietnamese first", () => {
  it.each([
    ["1.234,5", 1234.5],
    ["1234.5", 1234.5],
    ["1,234.5", 1234.5],
    ["1,5", 1.5],
    ["1.234", 1234], // Vietnamese thousands separator
    ["12.500", 12500],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["1,234", 1.234], // a single comma is always a decimal comma
    ["0.500", 0.5],
    ["3.14", 3.14],
    ["1234.567", 1234.567],
    ["1 234", 1234],
    ["1\u00a0234,5", 1234.5],
    ["-12", -12],
    ["−3,5", -3.5],
    ["+7", 7],
    ["  42 ", 42],
    ["0", 0],
    ["không", 0],
    ["khong", 0],
  ])("%s → %s", (input, value) => {
    expect(readNumber(input)).toBe(value);
  });

  it.each(["12a", "", "abc", "1.2.3", "1,23,4", "1.", ",5", "1..2", "1e5", "--1", "1.234,5,6", "12 a"])(
    "%s is not a number",
    (input) => {
      expect(readNumber(input)).toBeNull();
    },
  );

  it("says precisely what was wrong and what is expected (the issue's example)", () => {
    const r = parseInteger("12a", { min: 0, max: 100 }, "vi");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(t(r.reasonKey, r.params as Record<string, unknown>)).toBe(
      "Số không hợp lệ: “12a”. Xin nhập một số nguyên từ 0 đến 100, ví dụ 5.",
    );
  });

  it.each([
    ["2,5", { min: 0, max: 10 }, "Số không hợp lệ: “2,5”. Xin nhập một số nguyên từ 0 đến 10, ví dụ 5."],
    [
      "150",
      { min: 0, max: 100 },
      "Số 150 nằm ngoài khoảng cho phép. Xin nhập một số nguyên từ 0 đến 100, ví dụ 5.",
    ],
    ["-1", { min: 0 }, "Số -1 nhỏ hơn mức tối thiểu. Xin nhập một số nguyên từ 0 trở lên, ví dụ 5."],
    [
      "20.000",
      { max: 5000 },
      "Số 20.000 lớn hơn mức tối đa. Xin nhập một số nguyên không quá 5.000, ví dụ 5.",
    ],
    ["x", {}, "Số không hợp lệ: “x”. Xin nhập một số nguyên, ví dụ 5."],
  ])("integer %s with %o", (input, bounds, message) => {
    const r = parseInteger(input, bounds, "vi");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t(r.reasonKey, r.params as Record<string, unknown>)).toBe(message);
  });

  it("accepts integers within bounds, including Vietnamese thousands", () => {
    expect(parseInteger("1.234", { min: 0, max: 5000 }, "vi")).toEqual({ ok: true, value: 1234 });
    expect(parseInteger("100", { min: 0, max: 100 }, "vi")).toEqual({ ok: true, value: 100 });
  });

  it("decimals with bounds, and messages in English", () => {
    expect(parseDecimal("99,5", { min: 0, max: 100 }, "vi")).toEqual({ ok: true, value: 99.5 });
    const r = parseDecimal("100,5", { min: 0, max: 100 }, "en");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(en(r.reasonKey, r.params as Record<string, unknown>)).toBe(
        "100.5 is outside the allowed range. Please enter a number from 0 to 100, e.g. 2.5.",
      );
    }
  });

  it.each([
    [1234.5, "vi", "1.234,5"],
    [1234.5, "en", "1,234.5"],
    [-1234567, "vi", "-1.234.567"],
    [0, "vi", "0"],
    [0.1 + 0.2, "vi", "0,3"],
    [100, "en", "100"],
  ] as const)("formats %s in %s as %s", (value, lang, out) => {
    expect(formatNumber(value, lang)).toBe(out);
  });
});

describe("dates", () => {
  it.each([
    ["24/11/2026", "2026-11-24"],
    ["5/1/2026", "2026-01-05"],
    ["05-01-2026", "2026-01-05"],
    ["05.01.2026", "2026-01-05"],
    ["15/8", "2026-08-15"], // current year
    ["5/11/26", "2026-11-05"],
    ["hôm nay", TODAY],
    ["Hôm Nay", TODAY],
    ["hom nay", TODAY],
    ["hôm qua", "2026-11-23"],
    ["hom qua", "2026-11-23"],
    ["2026-11-02", "2026-11-02"],
    ["ngày 2/9/2026", "2026-09-02"],
    ["29/02/2028", "2028-02-29"],
  ])("%s → %s", (input, value) => {
    expect(parseDate(input, TODAY)).toEqual({ ok: true, value });
  });

  it.each([
    ["31/02/2026", "form:invalid.date_impossible"],
    ["29/02/2026", "form:invalid.date_impossible"],
    ["32/1/2026", "form:invalid.date_impossible"],
    ["1/13/2026", "form:invalid.date_impossible"],
    ["mai", "form:invalid.date"],
    ["11/2026", "form:invalid.date"],
    ["", "form:invalid.date"],
    ["24 11 2026", "form:invalid.date"],
  ])("%s is refused with %s", (input, key) => {
    const r = parseDate(input, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasonKey).toBe(key);
  });

  it("an impossible date is named in the message", () => {
    const r = parseDate("31/02", TODAY);
    if (r.ok) throw new Error("accepted 31/02");
    expect(t(r.reasonKey, r.params as Record<string, unknown>)).toBe(
      "Ngày “31/02” không có trên lịch. Xin kiểm tra lại ngày và tháng, ví dụ 24/11/2026.",
    );
  });
});

describe("texts", () => {
  it("trims, keeps lines in long text, joins lines in short text", () => {
    expect(parseText("  Lễ khai giảng\nnăm học mới ", { long: false }, "vi")).toEqual({
      ok: true,
      value: "Lễ khai giảng năm học mới",
    });
    expect(parseText("dòng 1\ndòng 2", { long: true }, "vi")).toEqual({ ok: true, value: "dòng 1\ndòng 2" });
  });

  it.each([
    ["   ", { long: false }, "form:invalid.text_empty"],
    ["x".repeat(501), { long: false }, "form:invalid.text_too_long"],
    ["x".repeat(4001), { long: true }, "form:invalid.text_too_long"],
    ["abcdef", { long: true, max: 5 }, "form:invalid.text_too_long"],
    ["ab", { long: false, min: 3 }, "form:invalid.text_too_short"],
  ])("%#: refused with %s", (input, bounds, key) => {
    const r = parseText(input, bounds, "vi");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasonKey).toBe(key);
  });

  it("counts characters, not bytes, for Vietnamese", () => {
    expect(parseText("Trường", { long: false, max: 6 }, "vi").ok).toBe(true);
    const r = parseText("Trường học", { long: false, max: 6 }, "vi");
    if (r.ok) throw new Error("accepted");
    expect(t(r.reasonKey, r.params as Record<string, unknown>)).toBe(
      "Câu trả lời dài 10 ký tự, vượt quá giới hạn 6 ký tự. Xin rút gọn lại.",
    );
  });
});

describe("links", () => {
  it.each([
    ["https://thcs-abc.edu.vn/tin-tuc/khai-giang", "https://thcs-abc.edu.vn/tin-tuc/khai-giang"],
    ["http://truong.edu.vn", "http://truong.edu.vn"],
    ["www.thcs-abc.edu.vn/tin-tuc", "https://www.thcs-abc.edu.vn/tin-tuc"],
    ["facebook.com/thcsabc/posts/1", "https://facebook.com/thcsabc/posts/1"],
    ["  <https://truong.edu.vn/a?b=1>  ", "https://truong.edu.vn/a?b=1"],
    ["HTTPS://Truong.EDU.vn/x", "HTTPS://Truong.EDU.vn/x"],
  ])("%s → %s", (input, value) => {
    expect(parseUrl(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["ftp://truong.edu.vn/file", "form:invalid.url_scheme"],
    ["javascript:alert(1)", "form:invalid.url_scheme"],
    ["không có link", "form:invalid.url"],
    ["https://", "form:invalid.url"],
    ["https://localhost/x", "form:invalid.url"],
    ["truong", "form:invalid.url"],
    ["http:/truong.edu.vn", "form:invalid.url"],
    [`https://a.vn/${"x".repeat(2000)}`, "form:invalid.url"],
  ])("%s is refused with %s", (input, key) => {
    const r = parseUrl(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasonKey).toBe(key);
  });
});

describe("phones", () => {
  it.each([
    ["0912345678", "+84912345678"],
    ["0912 345 678", "+84912345678"],
    ["0912.345.678", "+84912345678"],
    ["091-234-5678", "+84912345678"],
    ["+84 912 345 678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["(+84) 383 456 789", "+84383456789"],
    ["024 3825 1234", "+842438251234"],
  ])("%s → %s", (input, value) => {
    expect(parsePhone(input)).toEqual({ ok: true, value });
  });

  it.each(["091234567", "09123456789", "0112345678", "abc", "1900 1234", "+1 202 555 0100"])(
    "%s is refused",
    (input) => {
      const r = parsePhone(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reasonKey).toBe("form:invalid.phone");
    },
  );

  it("reads back the way people read numbers", () => {
    expect(formatPhone("+84912345678")).toBe("0912 345 678");
    expect(formatPhone("+842438251234")).toBe("024 3825 1234");
  });
});

describe("e-mail", () => {
  it.each([
    ["vanphong@truong.edu.vn", "vanphong@truong.edu.vn"],
    [" Hieu.Truong@GMAIL.com ", "Hieu.Truong@gmail.com"],
    ["mailto:c3abc@hanoi.edu.vn", "c3abc@hanoi.edu.vn"],
  ])("%s → %s", (input, value) => {
    expect(parseEmail(input)).toEqual({ ok: true, value });
  });

  it.each(["vanphong", "a@b", "a@@b.vn", "a b@c.vn", "a@b..vn", "@truong.vn", "a@truong.v"])(
    "%s is refused",
    (input) => {
      expect(parseEmail(input).ok).toBe(false);
    },
  );
});

describe("yes/no", () => {
  it.each([
    ["có", true],
    ["Có", true],
    ["co", true],
    ["CÓ.", true],
    ["yes", true],
    ["1", true],
    ["dạ", true],
    ["không", false],
    ["khong", false],
    ["Không", false],
    ["ko", false],
    ["no", false],
    ["2", false],
    ["chưa", false],
  ])("%s → %s", (input, value) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value });
  });

  it.each(["có lẽ", "3", "", "maybe"])("%s is refused", (input) => {
    const r = parseYesNo(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasonKey).toBe("form:invalid.yes_no");
  });
});

const channels: ChoiceOption[] = [
  { value: "website", label: { vi: "Trang web", en: "Website" } },
  { value: "fanpage", label: { vi: "Fanpage" } },
  { value: "zalo_oa", label: { vi: "Zalo OA" } },
  { value: "press", label: { vi: "Báo chí", en: "Press" } },
];

describe("choices", () => {
  it.each([
    ["2", "fanpage"],
    ["2.", "fanpage"],
    ["trang web", "website"],
    ["TRANG WEB", "website"],
    ["Bao chi", "press"],
    ["press", "press"],
    ["zalo_oa", "zalo_oa"],
  ])("%s → %s", (input, value) => {
    expect(parseChoice(input, channels)).toEqual({ ok: true, value });
  });

  it.each(["0", "5", "tivi", ""])("%s is refused with the range of numbers", (input) => {
    const r = parseChoice(input, channels);
    if (r.ok) throw new Error("accepted");
    expect(t(r.reasonKey, r.params as Record<string, unknown>)).toContain("từ 1 đến 4");
  });

  it.each([
    ["1,3", ["website", "zalo_oa"]],
    ["1 3", ["website", "zalo_oa"]],
    ["3, 1", ["website", "zalo_oa"]],
    ["1 và 3", ["website", "zalo_oa"]],
    ["Trang web, fanpage", ["website", "fanpage"]],
    ["1;1;2", ["website", "fanpage"]],
    ["báo chí", ["press"]],
  ])("multiple %s → %o", (input, value) => {
    expect(parseMultiChoice(input, channels, {})).toEqual({ ok: true, value });
  });

  it("multiple choice: unknown token, empty selection and count bounds are explained", () => {
    const unknown = parseMultiChoice("1, tivi", channels, {});
    expect(unknown.ok || unknown.reasonKey).toBe("form:invalid.multi");
    expect(checkSelection([], channels, {}).ok).toBe(false);
    const tooMany = parseMultiChoice("1,2,3", channels, { max: 2 });
    if (tooMany.ok) throw new Error("accepted");
    expect(t(tooMany.reasonKey, tooMany.params as Record<string, unknown>)).toBe(
      "Thầy/Cô đã chọn 3 mục. Xin chọn nhiều nhất 2 mục.",
    );
  });
});

describe("files", () => {
  const pdf: FileAnswer = {
    fileId: "f1",
    name: "minh-chung.PDF",
    mimeType: "application/pdf",
    sizeBytes: 2 * 1024 * 1024,
    sha256: "0".repeat(64),
  };
  const photo: FileAnswer = { ...pdf, name: "", mimeType: "image/jpeg" };
  const rules = { accept: ["pdf", "jpg"], max_size_mb: 5 };

  it.each([
    [pdf, rules],
    [photo, rules], // a photo without a name: its MIME type says jpg
    [{ ...pdf, name: "anh.jpeg", mimeType: "image/jpeg" }, rules],
    [{ ...pdf, name: "x.png", mimeType: "image/png" }, { accept: ["image/*"] }],
    [{ ...pdf, name: "x.docx" }, {}], // no accept list: any type
  ])("%#: accepted", (f, r) => {
    expect(checkFile(f, r, "vi").ok).toBe(true);
  });

  it("refuses a wrong type, a large file and a malformed description, saying why", () => {
    const type = checkFile({ ...pdf, name: "bao-cao.docx", mimeType: "application/msword" }, rules, "vi");
    if (type.ok) throw new Error("accepted docx");
    expect(t(type.reasonKey, type.params as Record<string, unknown>)).toBe(
      "Tệp “bao-cao.docx” không đúng định dạng. Chỉ nhận: pdf, jpg.",
    );
    const size = checkFile({ ...pdf, sizeBytes: 7.5 * 1024 * 1024 }, rules, "vi");
    if (size.ok) throw new Error("accepted 7.5 MB");
    expect(t(size.reasonKey, size.params as Record<string, unknown>)).toContain(
      "nặng 7,5 MB, vượt quá giới hạn 5 MB",
    );
    expect(checkFile({ ...pdf, sha256: "xyz" }, rules, "vi").ok).toBe(false);
    expect(checkFile({ ...pdf, sizeBytes: 21 * 1024 * 1024 }, {}, "vi").ok).toBe(false); // 20 MB default
  });

  it("keeps only the described fields", () => {
    const r = checkFile({ ...pdf, extra: "x" } as FileAnswer, rules, "vi");
    expect(r.ok && Object.keys(r.value).sort()).toEqual([
      "fileId",
      "mimeType",
      "name",
      "sha256",
      "sizeBytes",
    ]);
  });
});

describe("parseTypedAnswer and isValidAnswer agree", () => {
  const q = (type: Question["type"], extra: Partial<Question> = {}): Question => ({
    id: "q",
    type,
    label: { vi: "Câu hỏi" },
    ...extra,
  });
  it.each([
    [q("text"), "Lễ khai giảng"],
    [q("long_text"), "dòng 1\ndòng 2"],
    [q("integer", { min: 0, max: 10 }), "7"],
    [q("decimal"), "1.234,5"],
    [q("choice", { options: channels }), "2"],
    [q("multi_choice", { options: channels }), "1,4"],
    [q("yes_no"), "không"],
    [q("date"), "hôm qua"],
    [q("url"), "www.truong.edu.vn"],
    [q("phone"), "0912 345 678"],
    [q("email"), "A@Truong.EDU.VN"],
  ])("%#: a parsed value is valid", (question, input) => {
    const r = parseTypedAnswer(question, input, { lang: "vi", today: TODAY });
    expect(r.ok).toBe(true);
    if (r.ok) expect(isValidAnswer(question, r.value)).toBe(true);
  });

  it("a file question asks for a file when text arrives", () => {
    const r = parseTypedAnswer(q("file"), "đây", { lang: "vi", today: TODAY });
    expect(r.ok || r.reasonKey).toBe("form:invalid.file_expected");
  });

  it("stored values of the wrong type or out of bounds are invalid", () => {
    expect(isValidAnswer(q("integer", { max: 5 }), 6)).toBe(false);
    expect(isValidAnswer(q("integer"), 1.5)).toBe(false);
    expect(isValidAnswer(q("choice", { options: channels }), "tivi")).toBe(false);
    expect(isValidAnswer(q("multi_choice", { options: channels }), ["website", "website"])).toBe(false);
    expect(isValidAnswer(q("date"), "2026-02-31")).toBe(false);
    expect(isValidAnswer(q("phone"), "0912345678")).toBe(false); // stored form is E.164
    expect(isValidAnswer(q("yes_no"), "có")).toBe(false);
    expect(isValidAnswer(q("text"), "a\nb")).toBe(false);
  });
});
