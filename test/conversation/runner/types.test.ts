/** Every question type through the bot: a wrong answer is re-asked with what is expected, a right one stored typed. */
import { afterEach, describe, expect, it } from "vitest";
import type { Form, Plan } from "../../../src/domain/plan";
import { getPreset } from "../../../src/plan/index";
import { type Harness, joined, startHarness, to } from "./harness";

const tx = (vi: string) => ({ vi });
const FORM: Form = {
  version: 1,
  questions: [
    { id: "ten", type: "text", label: tx("Tên người báo cáo"), max: 20 },
    { id: "so_tin", type: "integer", label: tx("Số tin"), min: 0, max: 100 },
    { id: "ty_le", type: "decimal", label: tx("Tỷ lệ phụ huynh đọc tin (%)"), min: 0, max: 100 },
    {
      id: "kenh",
      type: "choice",
      label: tx("Kênh chính"),
      options: [
        { value: "web", label: tx("Website") },
        { value: "fb", label: tx("Fanpage") },
      ],
    },
    {
      id: "kenh_khac",
      type: "multi_choice",
      label: tx("Các kênh khác"),
      options: [
        { value: "zalo", label: tx("Zalo") },
        { value: "tiktok", label: tx("TikTok") },
        { value: "yt", label: tx("YouTube") },
      ],
    },
    { id: "co_su_co", type: "yes_no", label: tx("Có sự cố?") },
    { id: "ngay", type: "date", label: tx("Ngày họp giao ban") },
    { id: "link", type: "url", label: tx("Đường dẫn") },
    { id: "dien_thoai", type: "phone", label: tx("Số điện thoại") },
    { id: "thu", type: "email", label: tx("Thư điện tử") },
    { id: "ghi_chu", type: "long_text", label: tx("Ghi chú"), required: false },
    { id: "tep", type: "file", label: tx("Tệp"), accept: ["pdf"], max_size_mb: 1 },
  ],
};

let h: Harness;
afterEach(async () => {
  await h.dispose();
});

describe("every question type", () => {
  it("refuses each wrong answer with the reason, accepts each right one, and stores typed values", async () => {
    const modern = getPreset("modern") as Plan;
    const plan: Plan = {
      ...modern,
      obligations: modern.obligations.map((o) => (o.code === "DL_MONTHLY" ? { ...o, form: FORM } : o)),
    };
    h = await startHarness({ plan });
    await h.tap("lan", "report:DL_MONTHLY:2026-11:u-thcs-nd");
    const say = async (text: string) => joined(to(await h.text("lan", text), "lan"));
    const steps: [string, string, string][] = [
      ["Nguyễn Thị Lan Anh Phương Thảo Xuân", "vượt quá giới hạn 20 ký tự", "Nguyễn Thị Lan"],
      ["nhiều", "Số không hợp lệ", "12"],
      ["120,5", "nằm ngoài khoảng cho phép", "62,5"],
      ["Báo giấy", "Không có lựa chọn", "Fanpage"],
      ["7", "Không có lựa chọn", "1 và 3"],
      ["có lẽ", "Chưa hiểu câu trả lời", "không"],
      ["32/13/2026", "không có trên lịch", "05/11/2026"],
      ["ftp://truong.edu.vn", "dùng giao thức “ftp”", "truong.edu.vn/tin-tuc"],
      ["12345", "Số điện thoại không hợp lệ", "0912 345 678"],
      ["lan@", "Địa chỉ thư điện tử không hợp lệ", "lan@truong.edu.vn"],
      ["/boqua", "", ""],
    ];
    for (const [wrong, reason, right] of steps) {
      const refused = await say(wrong);
      if (reason) {
        expect(refused).toContain(reason);
        await say(right);
      }
    }
    expect(await say("đây là chữ")).toContain("Câu này cần một tệp hoặc ảnh");
    const big = new Uint8Array(2 * 1024 * 1024);
    expect(
      joined(await h.file("lan", { name: "lon.pdf", mimeType: "application/pdf", bytes: big })),
    ).toContain("vượt quá giới hạn 1 MB");
    const review = joined(
      await h.file("lan", {
        name: "nho.pdf",
        mimeType: "application/pdf",
        bytes: new Uint8Array([37, 80, 68, 70]),
      }),
    );
    expect(review).toContain("Xin Thầy/Cô xem lại");
    await h.tap("lan", "c:submit");
    const row = await h.db.selectFrom("submissions").select("answers").executeTakeFirstOrThrow();
    const a = JSON.parse(row.answers);
    expect(a).toMatchObject({
      ten: "Nguyễn Thị Lan",
      so_tin: 12,
      ty_le: 62.5,
      kenh: "fb",
      kenh_khac: ["zalo", "yt"],
      co_su_co: false,
      ngay: "2026-11-05",
      link: "https://truong.edu.vn/tin-tuc",
      dien_thoai: "+84912345678",
      thu: "lan@truong.edu.vn",
      tep: { name: "nho.pdf", mimeType: "application/pdf", sizeBytes: 4 },
    });
    expect(a).not.toHaveProperty("ghi_chu");
  });
});
