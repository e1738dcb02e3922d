import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Button } from "../../../src/channels/types";
import { createLogger } from "../../../src/log";
import { createDispatcher, enqueueMessage } from "../../../src/outbox/index";
import { startTelegramTest, type TelegramTest } from "./harness";

const chat = (id: number) => ({ channel: "telegram" as const, chatId: String(id) });
const say = (text: string, buttons?: Button[]) => ({ lang: "vi" as const, parts: [{ text }], buttons });

describe("telegram sending", () => {
  let t: TelegramTest;
  beforeEach(async () => {
    t = await startTelegramTest({ mode: "polling", start: false });
  });
  afterEach(async () => {
    await t.close();
  });

  it("sends buttons as an inline keyboard, short labels two per row, on the last chunk only", async () => {
    const long = Array.from({ length: 1200 }, (_, i) => `chữ${i}`).join(" ");
    const r = await t.adapter.send(
      chat(9001),
      say(long, [
        { label: { text: "Có" }, payload: "yes" },
        { label: { text: "Không" }, payload: "no" },
        { label: { key: "telegram:commands.trangthai" }, payload: "status" },
      ]),
    );
    expect(r.status).toBe("sent");
    const calls = t.fake.callsTo("sendMessage");
    expect(calls.length).toBeGreaterThan(1);
    for (const c of calls) expect(String(c.params.text).length).toBeLessThanOrEqual(4096);
    expect(calls.slice(0, -1).every((c) => c.params.reply_markup === undefined)).toBe(true);
    expect(calls.at(-1)?.params.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: "Có", callback_data: "yes" }],
        [{ text: "Không", callback_data: "no" }],
        [{ text: "Xem tình trạng nộp báo cáo", callback_data: "status" }],
      ],
    });
    const short = await t.adapter.send(
      chat(9001),
      say("Nộp?", [
        { label: { text: "Có" }, payload: "yes" },
        { label: { text: "Không" }, payload: "no" },
      ]),
    );
    expect(short.status).toBe("sent");
    expect(t.fake.callsTo("sendMessage").at(-1)?.params.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: "Có", callback_data: "yes" },
          { text: "Không", callback_data: "no" },
        ],
      ],
    });
  });

  it("refuses a button payload over 64 bytes without calling Telegram", async () => {
    const r = await t.adapter.send(
      chat(9002),
      say("x", [{ label: { text: "Dài" }, payload: "đ".repeat(33) }]),
    );
    expect(r).toMatchObject({ status: "permanent", reason: "invalid" });
    expect(t.fake.callsTo("sendMessage")).toEqual([]);
  });

  it("maps 429 to retryable with retry_after, 403 to blocked, 400 chat not found, 5xx to retryable", async () => {
    t.fake.failNext("sendMessage", {
      code: 429,
      description: "Too Many Requests: retry after 17",
      parameters: { retry_after: 17 },
    });
    expect(await t.adapter.send(chat(9003), say("a"))).toMatchObject({
      status: "retryable",
      retryAfterMs: 17_000,
    });
    t.fake.blockChat(9004);
    expect(await t.adapter.send(chat(9004), say("a"))).toMatchObject({
      status: "permanent",
      reason: "blocked",
      detail: "Forbidden: bot was blocked by the user",
    });
    t.fake.forgetChat(9005);
    expect(await t.adapter.send(chat(9005), say("a"))).toMatchObject({
      status: "permanent",
      reason: "chat_not_found",
    });
    t.fake.failNext("sendMessage", { code: 502, description: "Bad Gateway" });
    const badGateway = await t.adapter.send(chat(9006), say("a"));
    expect(badGateway).toMatchObject({ status: "retryable", retryAfterMs: 0 });
    // Telegram answered: an ordinary failure that counts, not a channel that is down.
    expect(badGateway.status === "retryable" && (badGateway.unavailable ?? false)).toBe(false);
    t.fake.failNextWithPage("sendMessage", 502);
    const page = await t.adapter.send(chat(9006), say("a"));
    expect(page).toMatchObject({ status: "retryable", retryAfterMs: 0 });
    expect(page.status === "retryable" && (page.unavailable ?? false)).toBe(false);
  });

  it("reports an unreachable Bot API server as retryable, the channel unavailable, without the token", async () => {
    await t.fake.goOffline();
    const r = await t.adapter.send(chat(9007), say("a"));
    expect(r).toEqual({
      status: "retryable",
      retryAfterMs: 0,
      reason: "network: ECONNREFUSED",
      unavailable: true,
    });
    await t.fake.goOnline();
    expect(await t.adapter.send(chat(9007), say("b"))).toMatchObject({ status: "sent" });
    await t.fake.close();
    const closed = await t.adapter.send(chat(9007), say("c"));
    expect(closed).toMatchObject({ status: "retryable", unavailable: true });
    expect(JSON.stringify(closed)).not.toContain(t.fake.token);
  });

  it("uploads a file as a document", async () => {
    const file = path.join(t.db.dir, "bao-cao.xlsx");
    const bytes = Buffer.from("PK fake xlsx content ".repeat(100));
    fs.writeFileSync(file, bytes);
    const r = await t.adapter.send(chat(9008), {
      lang: "vi",
      parts: [{ text: "Tổng hợp tháng 11" }],
      file: {
        path: file,
        name: "bao-cao.xlsx",
        mimeType: "application/vnd.ms-excel",
        sizeBytes: bytes.byteLength,
      },
    });
    expect(r.status).toBe("sent");
    const doc = t.fake.sentTo(9008).find((m) => m.method === "sendDocument");
    expect(doc?.file).toMatchObject({
      name: "bao-cao.xlsx",
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
  });

  it("through the dispatcher, a 429 delays the chat's queue by exactly retry_after", async () => {
    let clock = new Date("2026-11-24T02:00:00.000Z");
    const dispatcher = createDispatcher({
      db: t.db.db,
      adapters: [t.adapter],
      log: createLogger("silent"),
      now: () => clock,
    });
    await enqueueMessage(t.db.db, { chat: chat(9009), message: say("một"), kind: "reply", now: clock });
    await enqueueMessage(t.db.db, { chat: chat(9009), message: say("hai"), kind: "reply", now: clock });
    t.fake.failNext("sendMessage", {
      code: 429,
      description: "Too Many Requests: retry after 5",
      parameters: { retry_after: 5 },
    });
    await dispatcher.tick();
    expect(t.fake.sentTo(9009)).toEqual([]);
    clock = new Date(clock.getTime() + 4_999);
    await dispatcher.tick();
    expect(t.fake.sentTo(9009)).toEqual([]);
    clock = new Date(clock.getTime() + 1);
    await dispatcher.tick();
    expect(t.fake.sentTo(9009).map((m) => m.text)).toEqual(["một", "hai"]);
  });
});
