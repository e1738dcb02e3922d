import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelAdapter, InboundEvent } from "../../../src/channels/types";
import { createZaloBotAdapter } from "../../../src/channels/zalo-bot/index";
import { loadConfig } from "../../../src/config";
import { createInboundPipeline, type InboundPipeline } from "../../../src/inbound/index";
import { createLogger } from "../../../src/log";
import { type FakeZaloBotServer, startFakeZaloBotServer } from "../../fakes/zalo-bot-server";
import { createTestDatabase, type TestDatabase } from "../../helpers/db";

const CHAT = "6ede9afa66b88fe6d6a9";
const chat = { channel: "zalo-bot" as const, chatId: CHAT };

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../fixtures/zalo-bot", `${name}.json`), "utf8"),
  );
}

let fake: FakeZaloBotServer;
let db: TestDatabase;
let adapter: ChannelAdapter;
let pipeline: InboundPipeline;
let handled: InboundEvent[];

async function startAdapter(env: Record<string, string> = {}) {
  const config = loadConfig(
    { ZALO_BOT_TOKEN: fake.token, ZALO_BOT_API_ROOT: fake.url, ...env },
    db.dir,
  ).zaloBot;
  if (!config) throw new Error("zalo-bot not configured");
  adapter = createZaloBotAdapter(config, {
    webChatUrl: "https://baocao.example.edu.vn/chat",
    pollTimeoutSeconds: 1,
    publicFileUrl: (f) =>
      f.mimeType.startsWith("image/") ? `https://baocao.example.edu.vn/f/${f.name}` : undefined,
  });
  await adapter.start(pipeline.sink);
}

async function until(cond: () => boolean) {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
}

beforeEach(async () => {
  fake = await startFakeZaloBotServer();
  db = await createTestDatabase();
  handled = [];
  pipeline = createInboundPipeline({
    db: db.db,
    log: createLogger("silent"),
    handler: async (e) => void handled.push(e),
  });
});
afterEach(async () => {
  await adapter.stop();
  await pipeline.drain();
  await fake.close();
  await db.dispose();
});

describe("zalo-bot polling", () => {
  it("deletes any webhook, then takes one update per getUpdates call, in order", async () => {
    fake.webhook = { url: "https://old.example/hook", secret: "xxxxxxxx" };
    fake.push(fixture("message.text.received"));
    fake.push(fixture("getUpdates.response"));
    fake.push(fixture("message.text.wrapped"));
    await startAdapter();
    await until(() => handled.length === 3);
    await pipeline.drain();
    expect(fake.calls[0]?.method).toBe("deleteWebhook");
    expect(handled.map((e) => (e.kind === "text" ? e.text : e.kind))).toEqual([
      "Xin chào",
      "báo cáo",
      "AB12-CD34",
    ]);
    const polls = fake.calls.filter((c) => c.method === "getUpdates");
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(polls[0]?.body).toEqual({ timeout: "1" });
    expect(handled[0]).toMatchObject({
      channel: "zalo-bot",
      chat,
      sender: { platformUserId: CHAT, displayName: "Trần Văn Minh" },
      platformId: "2d758cb5e4ef29b17afe",
    });
  });

  it("answers a file it cannot receive with the web chat link, once per message", async () => {
    await startAdapter();
    fake.push(fixture("message.unsupported.received"));
    fake.push(fixture("message.unsupported.received"));
    fake.push(fixture("message.sticker.received"));
    fake.push(fixture("message.text.received"));
    await until(() => handled.length === 1);
    await pipeline.drain();
    expect(fake.messages).toEqual([
      {
        chatId: CHAT,
        text: "Zalo Bot chưa nhận được loại tệp này. Xin Thầy/Cô gửi minh chứng qua web chat: https://baocao.example.edu.vn/chat",
      },
    ]);
    expect(handled.map((e) => e.kind)).toEqual(["text"]);
  });

  it("takes a photo in as evidence that downloads from Zalo's CDN", async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const update = fixture("message.image.received") as { message: { photo_url: string } };
    update.message.photo_url = fake.hostFile("4f2a.jpg", jpeg);
    await startAdapter();
    fake.push(update);
    await until(() => handled.length === 1);
    const event = handled[0];
    if (event?.kind !== "file") throw new Error(`expected a file, got ${event?.kind}`);
    expect(event.caption).toBe("Ảnh lễ khai giảng");
    expect(event.file.isPhoto).toBe(true);
    const got = await event.file.download();
    expect(got.ok && Buffer.from(got.bytes).equals(jpeg)).toBe(true);
  });
});

describe("zalo-bot sending", () => {
  beforeEach(async () => {
    await startAdapter();
  });

  it("sends long texts in pieces of at most 2,000 characters", async () => {
    const long = Array.from({ length: 700 }, (_, i) => `dòng ${i}`).join("\n");
    const r = await adapter.send(chat, { lang: "vi", parts: [{ text: long }] });
    expect(r.status).toBe("sent");
    expect(fake.messages.length).toBeGreaterThanOrEqual(3);
    expect(fake.messages.every((m) => m.text.length <= 2000)).toBe(true);
    expect(fake.messages.map((m) => m.text).join("\n")).toBe(long);
  });

  it("writes choices as a numbered list", async () => {
    await adapter.send(chat, {
      lang: "vi",
      parts: [{ text: "Chọn kỳ báo cáo:" }],
      buttons: [
        { label: { text: "Tháng 10/2026" }, payload: "p:2026-10" },
        { label: { text: "Tháng 11/2026" }, payload: "p:2026-11" },
      ],
    });
    expect(fake.messages[0]?.text).toContain("Chọn kỳ báo cáo:\n\n1. Tháng 10/2026\n2. Tháng 11/2026");
  });

  it("sends an image by URL; refuses files it has no public URL for", async () => {
    const photo = await adapter.send(chat, {
      lang: "vi",
      parts: [{ text: "Biên nhận" }],
      file: { path: "/tmp/x.png", name: "bien-nhan.png", mimeType: "image/png", sizeBytes: 10 },
    });
    expect(photo.status).toBe("sent");
    expect(fake.calls.find((c) => c.method === "sendPhoto")?.body).toMatchObject({
      chat_id: CHAT,
      photo: "https://baocao.example.edu.vn/f/bien-nhan.png",
    });
    const xlsx = await adapter.send(chat, {
      lang: "vi",
      parts: [{ text: "Tổng hợp" }],
      file: { path: "/tmp/x.xlsx", name: "x.xlsx", mimeType: "application/vnd.ms-excel", sizeBytes: 10 },
    });
    expect(xlsx).toMatchObject({ status: "permanent", reason: "unsupported" });
  });

  it("maps 429 to retryable and 401 to a permanent configuration problem", async () => {
    fake.failNext("sendMessage", 429, "Quota exceeded");
    expect(await adapter.send(chat, { lang: "vi", parts: [{ text: "a" }] })).toMatchObject({
      status: "retryable",
    });
    fake.failNext("sendMessage", 401, "Unauthorized");
    expect(await adapter.send(chat, { lang: "vi", parts: [{ text: "a" }] })).toMatchObject({
      status: "permanent",
      reason: "not_configured",
    });
  });

  it("an answer from Zalo (even 5xx) is an ordinary retryable failure; an unreachable server, a channel unavailable", async () => {
    const say = { lang: "vi" as const, parts: [{ text: "a" }] };
    fake.failNext("sendMessage", 502, "Bad Gateway");
    const answered = await adapter.send(chat, say);
    expect(answered).toMatchObject({ status: "retryable", reason: "zalo-bot 502 Bad Gateway" });
    expect(answered.status === "retryable" && (answered.unavailable ?? false)).toBe(false);
    await adapter.stop(); // its long poll would hold the fake's server open; sending needs no start
    await fake.close();
    const down = await adapter.send(chat, say);
    expect(down).toEqual({
      status: "retryable",
      retryAfterMs: 0,
      reason: "sendMessage failed: TypeError",
      unavailable: true,
    });
    expect(JSON.stringify(down)).not.toContain(fake.token);
  });
});

describe("zalo-bot webhook mode", () => {
  const SECRET = "s3cret-token-for-zalo";
  beforeEach(async () => {
    await startAdapter({
      ZALO_BOT_WEBHOOK_URL: "https://baocao.example.edu.vn/webhooks/zalo-bot",
      ZALO_BOT_WEBHOOK_SECRET: SECRET,
    });
  });

  const post = (body: unknown, secret: string | null) => {
    const webhook = adapter.webhook;
    if (!webhook) throw new Error("no webhook handler");
    return webhook(
      new Request("http://127.0.0.1/webhooks/zalo-bot", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret ? { "x-bot-api-secret-token": secret } : {}),
        },
        body: JSON.stringify(body),
      }),
    );
  };

  it("registers the webhook with its secret instead of polling", () => {
    expect(fake.webhook).toEqual({ url: "https://baocao.example.edu.vn/webhooks/zalo-bot", secret: SECRET });
    expect(fake.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  it("rejects a wrong or missing secret with 401 and processes nothing", async () => {
    expect((await post(fixture("message.text.received"), "wrong-secret")).status).toBe(401);
    expect((await post(fixture("message.text.received"), null)).status).toBe(401);
    await pipeline.drain();
    expect(handled).toHaveLength(0);
  });

  it("accepts bare and wrapped bodies and processes a redelivery once", async () => {
    expect((await post(fixture("message.text.received"), SECRET)).status).toBe(200);
    expect((await post(fixture("message.text.received"), SECRET)).status).toBe(200);
    expect((await post(fixture("message.text.wrapped"), SECRET)).status).toBe(200);
    await pipeline.drain();
    expect(handled.map((e) => (e.kind === "text" ? e.text : e.kind))).toEqual(["Xin chào", "AB12-CD34"]);
  });
});
