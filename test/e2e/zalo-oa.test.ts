/**
 * Issue 6 end to end through the Zalo Official Account: the assembled product (`startApp` on a
 * temporary DATA_DIR, demo organisation) with its Zalo base URLs on the fake Zalo OA server.
 * Webhooks are the recorded bodies of test/fixtures/zalo-oa, signed with Zalo's formula and posted
 * to the product's own HTTP server; assertions read what reached the fake and the database.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index";
import { DEMO_PHONES } from "../../src/org/demo-data";
import {
  CONTACT,
  inviteByCli,
  oaFixture,
  oaTextsTo,
  postOaRaw,
  settle,
  signedBody,
  startZaloProduct,
  type ZaloProduct,
} from "./zalo-product";

/** 10:00 in Hà Nội on Tuesday 10/11/2026: the November report is due on 24/11/2026. */
const NOW = new Date("2026-11-10T03:00:00.000Z");
/** The follower of the fixtures: Cô Vũ Thị Lan Anh, comms officer of Trường THCS Nguyễn Du (demo). */
const USER = "6142494823000000001";
const t = translator("vi");

let p: ZaloProduct | undefined;
afterEach(async () => {
  await p?.stop();
  p = undefined;
});

let msg = 0;
/** A `user_send_text` as the fixture records it, with a fresh msg_id. */
function textEvent(text: string): Record<string, unknown> {
  return {
    ...oaFixture("user_send_text"),
    sender: { id: USER },
    message: { text, msg_id: `oa-msg-${++msg}` },
  };
}

/** Posts one signed event, waits for its handling and sends; returns the replies and the status. */
async function deliver(
  run: ZaloProduct,
  body: Record<string, unknown>,
): Promise<{ status: number; replies: string[] }> {
  const before = oaTextsTo(run.oa, USER).length;
  const { raw, mac } = signedBody(run, body);
  const res = await postOaRaw(run, raw, mac);
  await settle(run);
  return { status: res.status, replies: oaTextsTo(run.oa, USER).slice(before) };
}

async function say(run: ZaloProduct, text: string): Promise<string> {
  const { status, replies } = await deliver(run, textEvent(text));
  expect(status).toBe(200);
  expect(replies, `one reply to "${text}"`).toHaveLength(1);
  return replies[0] as string;
}

describe("a school's comms officer on the Zalo OA, through the assembled product", () => {
  it("follows, links with her invite code, files the monthly report with an evidence PDF, gets the receipt; a redelivered webhook counts once", async () => {
    p = await startZaloProduct(NOW);
    const run = p;

    // 1. She follows the OA: the greeting explains how to link (no data for an unknown follower).
    const follow = await deliver(run, { ...oaFixture("follow"), follower: { id: USER } });
    expect(follow.status).toBe(200);
    expect(follow.replies).toEqual([
      [
        t("bot:unlinked.intro"),
        t("bot:unlinked.howTo"),
        t("bot:unlinked.contact", { contact: CONTACT }),
      ].join("\n\n"),
    ]);

    // 2. The Văn phòng makes her code with the CLI; she types it as printed in the letter.
    const code = await inviteByCli(run, DEMO_PHONES.nguyenDuComms);
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const linked = await say(run, code);
    expect(linked.startsWith("Kính chào Cô Anh, Trường THCS Nguyễn Du\n\n")).toBe(true);
    expect(linked).toContain(t("bot:greeting.linked", { title: "Cô" }));
    const person = await run.app.db
      .selectFrom("people")
      .select(["id"])
      .where("phone", "=", DEMO_PHONES.nguyenDuComms)
      .executeTakeFirstOrThrow();
    const link = await run.app.db
      .selectFrom("channel_links")
      .selectAll()
      .where("channel", "=", "zalo-oa")
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({
      person_id: person.id,
      chat_id: USER,
      last_interaction_at: NOW.toISOString(),
    });

    // 3. /baocao lists the reports as numbered choices; she answers with the number of November's.
    const menu = await say(run, "/baocao");
    expect(menu).toContain(
      "Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 — hạn 24/11/2026",
    );
    const november = /^(\d+)\. Tháng 11\/2026: /m.exec(menu)?.[1];
    expect(november, menu).toBeDefined();
    expect(await say(run, november ?? "")).toContain("Câu 1/11");

    // 4. Zalo delivers her first answer twice at once (its retry raced our answer): one reply,
    //    and the second copy is not taken as the answer to question 2.
    const first = textEvent("12");
    const signed = signedBody(run, first);
    const before = oaTextsTo(run.oa, USER).length;
    const statuses = await Promise.all([
      postOaRaw(run, signed.raw, signed.mac),
      postOaRaw(run, signed.raw, signed.mac),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    await settle(run);
    const once = oaTextsTo(run.oa, USER).slice(before);
    expect(once).toHaveLength(1);
    expect(once[0]).toContain("Câu 2/11");

    // 5. The rest of the form, typed: counts, yes/no and choices by number ("1", "2"), texts.
    expect(await say(run, "5")).toContain("Câu 3/11");
    for (const count of ["3", "2", "1", "0"]) await say(run, count);
    const issues = await say(run, "1"); // "Có": there was an issue this month
    expect(issues).toContain("Ngày phát hiện");
    const where = await say(run, "hôm nay");
    expect(where).toContain("1. Mạng xã hội (Facebook, Zalo, TikTok…)");
    await say(run, "1");
    expect(await say(run, "Phụ huynh phản ánh trên mạng xã hội về giờ đón học sinh")).toContain(
      "2. Trung bình: lan rộng trong địa phương",
    );
    await say(run, "2");
    expect(await say(run, "Đã xác minh, trả lời phụ huynh và báo cáo Phòng")).toContain(
      "2. Đang xử lý, theo dõi",
    );
    await say(run, "1");
    expect(await say(run, "/boqua")).toContain("có muốn thêm mục khác không");
    await say(run, "2"); // no other issue
    await say(run, "Thiếu máy ảnh chuyên dụng");
    expect(await say(run, "/boqua")).toContain("Tệp minh chứng (PDF, ảnh chụp, văn bản)");

    // 6. The evidence PDF, sent as an OA file event: the product downloads it from Zalo's host.
    const pdf = Buffer.from("%PDF-1.4\n% Báo cáo tháng 11/2026 — THCS Nguyễn Du\n");
    const file = oaFixture("user_send_file") as {
      sender: { id: string };
      message: { attachments: { payload: { url: string; size: string } }[] };
    };
    file.sender.id = USER;
    const attachment = file.message.attachments[0];
    if (!attachment) throw new Error("fixture without attachment");
    attachment.payload.url = run.oa.hostFile("bao-cao-thang-11.pdf", pdf);
    attachment.payload.size = String(pdf.byteLength);
    const afterFile = await deliver(run, file as unknown as Record<string, unknown>);
    expect(afterFile.replies).toHaveLength(1);
    expect(afterFile.replies[0]).toContain("Câu 18/18");
    const review = await say(run, "/boqua");
    expect(review).toContain("17. Tệp minh chứng (PDF, ảnh chụp, văn bản): bao-cao-thang-11.pdf");

    // 7. "gửi": the receipt with its reference number.
    const receipt = await say(run, "gửi");
    expect(receipt).toContain(
      "Đã nhận Báo cáo tháng công tác truyền thông và tình hình dư luận, tháng 11/2026 của Trường THCS Nguyễn Du.",
    );
    expect(receipt).toContain("Đúng hạn (hạn gửi 24/11/2026 23:59).");

    // The database: one submission with the typed answers, the choices mapped back to their values.
    const submissions = await run.app.db.selectFrom("submissions").selectAll().execute();
    expect(submissions).toHaveLength(1);
    const submission = submissions[0];
    if (!submission) throw new Error("no submission");
    expect(receipt).toContain(`Số tham chiếu: ${submission.reference}`);
    expect(submission.reference).toMatch(/^BC-2611-\d{4}$/);
    expect(submission).toMatchObject({
      obligation_code: "DL_MONTHLY",
      period_key: "2026-11",
      submitted_by: person.id,
      review_state: "submitted",
      late: 0,
    });
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    expect(JSON.parse(submission.answers)).toMatchObject({
      articles_website: 12,
      posts_fanpage: 5,
      posts_zalo_oa: 3,
      items_so_website: 2,
      press_articles: 1,
      exemplary_stories: 0,
      has_issues: true,
      issues: [
        {
          issue_date: "2026-11-10",
          issue_where: "social",
          issue_severity: "medium",
          issue_status: "resolved",
        },
      ],
      difficulties: "Thiếu máy ảnh chuyên dụng",
      evidence_file: { name: "bao-cao-thang-11.pdf", sha256 },
    });

    // The evidence: stored once under its SHA-256, bytes on disk, linked to the submitted revision.
    const stored = await run.app.db.selectFrom("stored_files").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      sha256,
      size_bytes: pdf.byteLength,
      mime_type: "application/pdf",
      original_name: "bao-cao-thang-11.pdf",
      channel: "zalo-oa",
    });
    expect(fs.readFileSync(path.join(run.dir, stored[0]?.path ?? "missing")).equals(pdf)).toBe(true);
    const revision = await run.app.db
      .selectFrom("submission_revisions")
      .selectAll()
      .where("submission_id", "=", submission.id)
      .executeTakeFirstOrThrow();
    expect(await run.app.db.selectFrom("submission_files").selectAll().execute()).toEqual([
      {
        id: expect.any(String),
        owner_kind: "submission_revision",
        owner_id: revision.id,
        file_id: stored[0]?.id,
        question_path: "evidence_file",
      },
    ]);

    // Every answer went out as a free consultation message with the seeded token; no ZBS, no refresh.
    const csCalls = run.oa.calls.filter((c) => c.path === "cs");
    expect(csCalls.length).toBe(run.oa.sent.length);
    expect(csCalls.every((c) => c.accessToken === "AT-0")).toBe(true);
    expect(run.oa.zbs).toEqual([]);
    expect(run.oa.refreshCount).toBe(0);
    const outbox = await run.app.db.selectFrom("outbox").select(["status"]).execute();
    expect(outbox.every((r) => r.status === "sent")).toBe(true);
  });
});
