/**
 * "Gửi tin bài": an article counts toward the unit's quotas once per link; the same link again
 * (with www., tracking parameters, a trailing slash) is recognised and said so; /trangthai shows
 * the progress.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { urlKey } from "../../../src/conversation/runner/index";
import { addExemption } from "../../../src/db/exemptions";
import { type Harness, joined, P, startHarness, to, U } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.dispose();
});

const say = async (text: string) => joined(to(await h.text("lan", text), "lan"));

async function sendArticle(url: string, title = "Lễ khai giảng năm học mới"): Promise<string> {
  const intro = joined(await h.tap("lan", `art:${U.nguyenDu}`));
  expect(intro).toContain("Gửi tin bài đã đăng của Trường THCS Nguyễn Du.");
  expect(intro).toContain("Tiêu đề tin bài");
  await say(title);
  return say(url);
}

describe("articles", () => {
  it("a quota the office exempted says “được miễn” in the progress, as /trangthai does", async () => {
    await addExemption(
      h.db,
      {
        unitId: U.nguyenDu,
        obligationCode: "PRESS_UNIT",
        periodKey: "*",
        reason: "Sáp nhập",
        createdBy: "cli",
      },
      h.now,
    );
    await sendArticle("https://thcs-nguyendu.edu.vn/tin-tuc/hoi-thao");
    await say("1"); // website
    await say("09/11/2026");
    await say("/boqua");
    await say("/boqua");
    const recorded = joined(await h.tap("lan", "c:submit"));
    expect(recorded).toContain("• Tuần này: 1/1 tin bài");
    expect(recorded).toMatch(/• Năm học 2026-2027: được miễn \(0\/\d+ [^)]*\) \(/);
  });

  it("records an article once, with the quota progress; the same link again is recognised at once", async () => {
    const next = await sendArticle(
      "https://www.thcs-nguyendu.edu.vn/tin-tuc/khai-giang/?utm_source=zalo&fbclid=x1",
    );
    expect(next).toContain("Tin bài đăng trên kênh nào?");
    await say("1"); // website
    expect(await say("09/11/2026")).toContain("Tin bài thuộc nhóm nội dung nào?");
    await say("/boqua");
    expect(await say("/boqua")).toContain("Xin Thầy/Cô xem lại");
    const recorded = joined(await h.tap("lan", "c:submit"));
    expect(recorded).toContain("Đã ghi nhận tin bài “Lễ khai giảng năm học mới”. Cảm ơn Cô!");
    expect(recorded).toContain("Tiến độ chỉ tiêu:");
    expect(recorded).toContain("• Tuần này: 1/1 tin bài");

    const rows = await h.db.selectFrom("articles").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      unit_id: U.nguyenDu,
      url_key: "thcs-nguyendu.edu.vn/tin-tuc/khai-giang",
      channel: "website",
      published_on: "2026-11-09",
      submitted_by: P.lan,
    });
    expect(joined(await h.text("lan", "/trangthai"))).toContain("Tuần này: 1/1 tin bài");

    // The same article, typed differently, is caught as soon as the link is given.
    const again = await sendArticle("http://thcs-nguyendu.edu.vn/tin-tuc/khai-giang", "Khai giảng");
    expect(again).toBe(
      "Tin bài này đã được ghi nhận ngày 10/11/2026 (“Lễ khai giảng năm học mới”), nên không tính thêm lần nữa.",
    );
    expect(await h.db.selectFrom("articles").selectAll().execute()).toHaveLength(1);
    expect(joined(await h.text("lan", "/trangthai"))).toContain("Tuần này: 1/1 tin bài");
  });

  it("a press article asks for the outlet; a screenshot is stored and linked", async () => {
    await sendArticle("https://baohaiduong.vn/giao-duc/bai-1.html", "Trường học xanh");
    expect(await say("4")).toContain("Tên báo, tạp chí");
    await say("Báo Hải Dương");
    await say("hôm qua");
    await say("/boqua");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const review = joined(
      await h.file("lan", { name: null, mimeType: "image/png", bytes: png, isPhoto: true }),
    );
    expect(review).toContain("Xin Thầy/Cô xem lại");
    expect(review).toContain("anh.png");
    await h.tap("lan", "c:submit");
    const [row] = await h.db.selectFrom("articles").selectAll().execute();
    expect(row).toMatchObject({ channel: "press", outlet: "Báo Hải Dương", published_on: "2026-11-09" });
    expect(row?.screenshot_file_id).toBeTruthy();
    const links = await h.db.selectFrom("submission_files").selectAll().execute();
    expect(links).toMatchObject([
      { owner_kind: "article", owner_id: row?.id, file_id: row?.screenshot_file_id },
    ]);
  });

  it("typing “gửi tin bài” starts the flow too", async () => {
    expect(await say("gửi tin bài")).toContain("Tiêu đề tin bài");
  });
});

describe("url keys", () => {
  it.each([
    ["https://www.Truong.edu.vn/tin/1/", "truong.edu.vn/tin/1"],
    ["http://truong.edu.vn/tin/1?utm_source=fb&utm_medium=x", "truong.edu.vn/tin/1"],
    [
      "https://facebook.com/story.php?story_fbid=2&id=1&fbclid=abc",
      "facebook.com/story.php?id=1&story_fbid=2",
    ],
    ["https://truong.edu.vn/Tin/ABC#binh-luan", "truong.edu.vn/Tin/ABC"],
    ["https://truong.edu.vn:8443/", "truong.edu.vn:8443"],
  ])("%s → %s", (url, key) => {
    expect(urlKey(url)).toBe(key);
  });
});
