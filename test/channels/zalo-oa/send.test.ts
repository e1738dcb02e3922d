import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../src/channels/types";
import { type OaHarness, seedTokens, startOaHarness } from "./setup";

const USER = "6142494823000000001";
const chat = { channel: "zalo-oa" as const, chatId: USER };
const HOUR = 3_600_000;

let h: OaHarness;
beforeEach(async () => {
  h = await startOaHarness({ ZALO_ZBS_TEMPLATE_OVERDUE: "7895417a7d3f9461cd2e" });
  await seedTokens(h, new Date(h.clock.getTime() + 20 * HOUR));
});
afterEach(async () => {
  await h.dispose();
});

const text = (s: string): OutboundMessage => ({ lang: "vi", parts: [{ text: s }] });
const reminder = (type: string): OutboundMessage => ({
  lang: "vi",
  parts: [{ text: "Đơn vị chưa nộp báo cáo tháng 11/2026 (hạn 25/11/2026)." }],
  reminder: { type, params: { unit_name: "THCS Nguyễn Du", deadline: "25/11/2026" } },
});

describe("zalo-oa send: consultation messages", () => {
  it("splits 4,500 characters into pieces of at most 2,000, cut between words", async () => {
    const words = Array.from({ length: 900 }, (_, i) => `từ${i}`).join(" ");
    const result = await h.adapter.send(chat, text(words));
    expect(result.status).toBe("sent");
    const pieces = h.fake.sent.map((s) => s.message.text as string);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.every((p) => p.length <= 2000)).toBe(true);
    expect(pieces.join(" ")).toBe(words);
    expect(h.fake.calls.every((c) => c.path !== "cs" || c.accessToken === h.fake.accessToken)).toBe(true);
  });

  it("writes choices as a numbered list and attaches OA query buttons", async () => {
    await h.adapter.send(chat, {
      lang: "vi",
      parts: [{ text: "Tháng này đơn vị có bài viết nào không?" }],
      buttons: [
        { label: { text: "Có" }, payload: "yes" },
        { label: { text: "Không" }, payload: "no" },
      ],
    });
    const message = h.fake.sent[0]?.message as {
      text: string;
      attachment: { payload: { buttons: unknown[] } };
    };
    expect(message.text).toContain("1. Có\n2. Không");
    expect(message.attachment.payload.buttons).toEqual([
      { title: "Có", type: "oa.query.hide", payload: "#bc:yes" },
      { title: "Không", type: "oa.query.hide", payload: "#bc:no" },
    ]);
  });

  it("falls back to numbered text alone when the API refuses buttons, and remembers it", async () => {
    h.fake.rejectButtons = true;
    const ask: OutboundMessage = {
      lang: "vi",
      parts: [{ text: "Xác nhận nộp?" }],
      buttons: [{ label: { text: "Nộp" }, payload: "submit" }],
    };
    expect((await h.adapter.send(chat, ask)).status).toBe("sent");
    expect((await h.adapter.send(chat, ask)).status).toBe("sent");
    expect(h.fake.sent).toHaveLength(2);
    expect(h.fake.sent.every((s) => !("attachment" in s.message))).toBe(true);
    expect(h.fake.sent[0]?.message.text).toContain("1. Nộp");
    // One refused attempt in all: the second message went without buttons straight away.
    expect(h.fake.calls.filter((c) => c.path === "cs")).toHaveLength(3);
  });

  it("uploads an image receipt and a PDF export within Zalo's limits", async () => {
    const dir = h.db.dir;
    const png = path.join(dir, "bien-nhan.png");
    fs.writeFileSync(png, Buffer.alloc(2048, 1));
    const pdf = path.join(dir, "tong-hop.pdf");
    fs.writeFileSync(pdf, Buffer.alloc(3 * 1024 * 1024, 1));
    const r1 = await h.adapter.send(chat, {
      ...text("Biên nhận"),
      file: { path: png, name: "bien-nhan.png", mimeType: "image/png", sizeBytes: 2048 },
    });
    const r2 = await h.adapter.send(chat, {
      ...text("Tổng hợp"),
      file: { path: pdf, name: "tong-hop.pdf", mimeType: "application/pdf", sizeBytes: 3 * 1024 * 1024 },
    });
    expect([r1.status, r2.status]).toEqual(["sent", "sent"]);
    expect(h.fake.uploads).toEqual([
      { kind: "image", name: "bien-nhan.png", size: 2048 },
      { kind: "file", name: "tong-hop.pdf", size: 3 * 1024 * 1024 },
    ]);
    expect(JSON.stringify(h.fake.sent[1]?.message)).toContain('"media_type":"image"');
    expect(JSON.stringify(h.fake.sent[3]?.message)).toContain('"type":"file"');
  });

  it("refuses a file Zalo cannot carry before sending anything", async () => {
    const r = await h.adapter.send(chat, {
      ...text("Xuất XLSX"),
      file: {
        path: "/nonexistent.xlsx",
        name: "x.xlsx",
        mimeType: "application/vnd.ms-excel",
        sizeBytes: 10,
      },
    });
    expect(r).toMatchObject({ status: "permanent", reason: "unsupported" });
    expect(h.fake.sent).toHaveLength(0);
  });
});

describe("zalo-oa send: tokens", () => {
  it("refreshes exactly once under 20 concurrent sends and persists the rotated pair", async () => {
    await seedTokens(h, new Date(h.clock.getTime() + 60_000)); // expires in a minute: refresh ahead
    const oldRefresh = h.fake.refreshToken;
    h.fake.refreshDelayMs = 50;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.adapter.send({ channel: "zalo-oa", chatId: `u${i}` }, text(`Tin ${i}`)),
      ),
    );
    expect(results.every((r) => r.status === "sent")).toBe(true);
    expect(h.fake.refreshCount).toBe(1);
    expect(h.fake.calls.filter((c) => c.path === "access_token")).toHaveLength(1);
    expect(h.fake.refreshToken).not.toBe(oldRefresh);
    const row = await h.db.db.selectFrom("zalo_oa_tokens").selectAll().executeTakeFirstOrThrow();
    expect(row.refresh_token).toBe(h.fake.refreshToken);
    expect(row.access_token).toBe(h.fake.accessToken);
    expect(new Date(row.access_expires_at).getTime()).toBe(h.clock.getTime() + 90_000_000);
    expect(h.fake.sent).toHaveLength(20);
    expect(h.fake.calls.filter((c) => c.path === "cs").every((c) => c.accessToken === row.access_token)).toBe(
      true,
    );
  });

  it("on -216 refreshes once and retries the send once", async () => {
    h.fake.failNext("cs", -216, "Access token is invalid");
    const r = await h.adapter.send(chat, text("Xin chào"));
    expect(r.status).toBe("sent");
    expect(h.fake.refreshCount).toBe(1);
    expect(h.fake.calls.filter((c) => c.path === "cs")).toHaveLength(2);
  });

  it("retries only once: a second token error is a retryable failure, not a loop", async () => {
    h.fake.failNext("cs", -220, "expired");
    h.fake.failNext("cs", -220, "expired");
    const r = await h.adapter.send(chat, text("Xin chào"));
    expect(r.status).toBe("retryable");
    expect(h.fake.calls.filter((c) => c.path === "cs")).toHaveLength(2);
  });

  it("a gateway's 502 page is an ordinary retryable failure; an unreachable Zalo leaves the channel unavailable", async () => {
    h.fake.failNextWithPage("cs", 502);
    const answered = await h.adapter.send(chat, text("Xin chào"));
    expect(answered).toMatchObject({
      status: "retryable",
      retryAfterMs: 30_000,
      reason: "HTTP 502: not JSON",
    });
    expect(answered.status === "retryable" && (answered.unavailable ?? false)).toBe(false);
    await h.fake.close();
    expect(await h.adapter.send(chat, text("Xin chào"))).toEqual({
      status: "retryable",
      retryAfterMs: 0,
      reason: "request failed: fetch failed",
      unavailable: true,
    });
    // The access token is due for renewal and OAuth cannot be reached either.
    await seedTokens(h, new Date(h.clock.getTime() - HOUR));
    expect(await h.adapter.send(chat, text("Xin chào"))).toEqual({
      status: "retryable",
      retryAfterMs: 0,
      reason: "zalo oauth unreachable",
      unavailable: true,
    });
  });

  it("alerts the admins with a consent link when Zalo rejects the refresh token, once", async () => {
    h.fake.refreshToken = "RT-already-used-elsewhere";
    h.fake.failNext("cs", -216);
    const r = await h.adapter.send(chat, text("Xin chào"));
    expect(r).toMatchObject({ status: "permanent", reason: "not_configured" });
    h.fake.failNext("cs", -216);
    await h.adapter.send(chat, text("Lần hai"));
    expect(h.alerts).toHaveLength(1);
    const part = h.alerts[0]?.[0];
    expect(part && "key" in part && part.key).toBe("zalo:oa.alert.refreshRejected");
    const url = String(part && "key" in part ? part.params?.url : "");
    expect(url).toMatch(
      /\/v4\/oa\/permission\?app_id=2553928453557884079&redirect_uri=https%3A%2F%2Fbaocao.example.edu.vn%2Foauth%2Fzalo-oa%2Fcallback&code_challenge=/,
    );
    expect(h.fake.calls.filter((c) => c.path === "access_token")).toHaveLength(1);
  });
});

describe("zalo-oa send: the interaction window", () => {
  it("sends a reminder inside the 48-hour window as a consultation message asking for a tap", async () => {
    await h.link(USER, new Date(h.clock.getTime() - 47 * HOUR));
    const r = await h.adapter.send(chat, reminder("before_deadline"));
    expect(r.status).toBe("sent");
    const message = h.fake.sent[0]?.message as {
      text: string;
      attachment?: { payload: { buttons: { payload: string }[] } };
    };
    expect(message.text).toContain("1. Đã nhận");
    expect(message.attachment?.payload.buttons[0]?.payload).toBe("#bc:zalo.ack");
    expect(h.fake.zbs).toHaveLength(0);
  });

  it("returns window_closed for a reminder outside the window without a ZBS template", async () => {
    await h.link(USER, new Date(h.clock.getTime() - 49 * HOUR));
    const r = await h.adapter.send(chat, reminder("before_deadline"));
    expect(r).toMatchObject({ status: "permanent", reason: "window_closed" });
    expect(h.fake.calls.filter((c) => c.path === "cs" || c.path === "zbs")).toHaveLength(0);
  });

  it("maps Zalo's -230 (no interaction for 7 days) to a permanent window_closed", async () => {
    h.fake.failUser(USER, -230);
    const r = await h.adapter.send(chat, text("Trả lời"));
    expect(r).toMatchObject({ status: "permanent", reason: "window_closed" });
  });

  it("sends a reminder outside the window as a ZBS template by phone", async () => {
    await h.link(USER, new Date(h.clock.getTime() - 5 * 24 * HOUR), "0912 345 678");
    const r = await h.adapter.send(chat, reminder("overdue"));
    expect(r).toMatchObject({ status: "sent" });
    expect(h.fake.sent).toHaveLength(0);
    expect(h.fake.zbs).toHaveLength(1);
    expect(h.fake.zbs[0]).toMatchObject({
      phone: "84912345678",
      template_id: "7895417a7d3f9461cd2e",
      template_data: { unit_name: "THCS Nguyễn Du", deadline: "25/11/2026" },
    });
    expect(await h.db.db.selectFrom("zalo_zbs_usage").selectAll().executeTakeFirst()).toMatchObject({
      day: "2026-11-24",
      sent: 1,
      zalo_remaining: 498,
    });
  });

  it("never sends ZBS at 23:00: the reminder is moved to 06:00", async () => {
    h.clock = new Date("2026-11-24T16:00:00.000Z"); // 23:00 in Hà Nội
    await h.link(USER, new Date(h.clock.getTime() - 3 * 24 * HOUR));
    const r = await h.adapter.send(chat, reminder("overdue"));
    expect(r).toMatchObject({ status: "retryable", retryAfterMs: 7 * HOUR });
    expect(h.fake.zbs).toHaveLength(0);
    h.clock = new Date("2026-11-24T22:59:00.000Z"); // 05:59
    expect(await h.adapter.send(chat, reminder("overdue"))).toMatchObject({ retryAfterMs: 60_000 });
    h.clock = new Date("2026-11-24T23:00:00.000Z"); // 06:00
    expect((await h.adapter.send(chat, reminder("overdue"))).status).toBe("sent");
  });

  it("stops at the daily ZBS ceiling with window_closed, so the dispatcher falls back", async () => {
    const capped = await startOaHarness({
      ZALO_ZBS_TEMPLATE_OVERDUE: "7895417a7d3f9461cd2e",
      ZALO_ZBS_DAILY_LIMIT: "1",
    });
    try {
      await seedTokens(capped, new Date(capped.clock.getTime() + 20 * HOUR));
      await capped.link("a", null, "0912000001");
      await capped.link("b", null, "0912000002");
      const first = await capped.adapter.send({ channel: "zalo-oa", chatId: "a" }, reminder("overdue"));
      const second = await capped.adapter.send({ channel: "zalo-oa", chatId: "b" }, reminder("overdue"));
      expect(first.status).toBe("sent");
      expect(second).toMatchObject({
        status: "permanent",
        reason: "window_closed",
        detail: "zbs daily limit reached",
      });
      expect(capped.fake.zbs).toHaveLength(1);
    } finally {
      await capped.dispose();
    }
  });

  it("maps ZBS refusals (user cannot receive) to window_closed and gives the unit back", async () => {
    await h.link(USER, null);
    h.fake.failNext("zbs", -114, "User cannot receive");
    const r = await h.adapter.send(chat, reminder("overdue"));
    expect(r).toMatchObject({ status: "permanent", reason: "window_closed" });
    const usage = await h.db.db.selectFrom("zalo_zbs_usage").selectAll().executeTakeFirst();
    expect(usage?.sent).toBe(0);
  });
});
