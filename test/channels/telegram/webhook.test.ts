import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTelegramTest, type TelegramTest, WEBHOOK_SECRET } from "./harness";
import { callbackUpdate, fixture, textUpdate } from "./updates";

describe("telegram webhook mode", () => {
  let t: TelegramTest;
  beforeEach(async () => {
    t = await startTelegramTest({ mode: "webhook" });
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${t.baseUrl}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });

  it("registers the webhook with its secret and asks only for messages and button taps", () => {
    const call = t.fake.callsTo("setWebhook")[0];
    expect(call?.params).toMatchObject({
      url: `${t.baseUrl}/webhooks/telegram`,
      secret_token: WEBHOOK_SECRET,
      allowed_updates: ["message", "callback_query"],
    });
    expect(t.fake.callsTo("getUpdates")).toEqual([]);
  });

  it("rejects a wrong or missing secret with 401 and processes nothing", async () => {
    const body = JSON.stringify(textUpdate({ updateId: 1, chatId: 5001 }, "xin chào"));
    const wrong = await post(body, { "x-telegram-bot-api-secret-token": `${WEBHOOK_SECRET}x` });
    const missing = await post(body, {});
    const prefix = await post(body, { "x-telegram-bot-api-secret-token": WEBHOOK_SECRET.slice(0, -1) });
    expect([wrong.status, missing.status, prefix.status]).toEqual([401, 401, 401]);
    await t.pipeline.drain();
    expect(t.events).toEqual([]);
    expect(await t.db.db.selectFrom("inbound_events").selectAll().execute()).toEqual([]);
  });

  it("answers 400 to a body that is not an update, with the right secret", async () => {
    const headers = { "x-telegram-bot-api-secret-token": WEBHOOK_SECRET };
    expect((await post("{not json", headers)).status).toBe(400);
    expect((await post(JSON.stringify({ hello: 1 }), headers)).status).toBe(400);
  });

  it("processes the same update delivered twice only once", async () => {
    const update = textUpdate({ updateId: 42, chatId: 5002, messageId: 7 }, "Trường đã đăng 3 tin");
    expect(await t.fake.pushUpdate(update)).toBe(200);
    expect(await t.fake.pushUpdate(update)).toBe(200);
    await t.pipeline.drain();
    expect(t.events).toHaveLength(1);
    expect(t.events[0]).toMatchObject({
      channel: "telegram",
      kind: "text",
      text: "Trường đã đăng 3 tin",
      platformId: "m:5002:7",
      chat: { channel: "telegram", chatId: "5002" },
      sender: { platformUserId: "5002", displayName: "Lan Nguyễn Thị" },
    });
  });

  it("turns a button tap into an action and always answers the callback query", async () => {
    await t.fake.pushUpdate(callbackUpdate({ updateId: 50, chatId: 5003, queryId: "9001" }, "confirm:yes"));
    await t.pipeline.drain();
    expect(t.events).toMatchObject([{ kind: "action", payload: "confirm:yes", platformId: "cb:9001" }]);
    await t.fake.waitFor((calls) => calls.some((c) => c.method === "answerCallbackQuery"));
    expect(t.fake.callsTo("answerCallbackQuery").map((c) => c.params.callback_query_id)).toEqual(["9001"]);
  });

  it("ignores group chats (reports are collected in private chats)", async () => {
    expect(await t.fake.pushUpdate(fixture("group-text"))).toBe(200);
    await t.pipeline.drain();
    expect(t.events).toEqual([]);
  });

  it("runs the events of one chat in order while other chats go on", async () => {
    for (let i = 1; i <= 5; i++) {
      await t.fake.pushUpdate(textUpdate({ updateId: 100 + i, chatId: 6001 }, `a${i}`));
      await t.fake.pushUpdate(textUpdate({ updateId: 200 + i, chatId: 6002 }, `b${i}`));
    }
    await t.pipeline.drain();
    const of = (chat: string) =>
      t.events.filter((e) => e.chat.chatId === chat).map((e) => e.kind === "text" && e.text);
    expect(of("6001")).toEqual(["a1", "a2", "a3", "a4", "a5"]);
    expect(of("6002")).toEqual(["b1", "b2", "b3", "b4", "b5"]);
  });
});
