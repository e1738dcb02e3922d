import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ChatClient } from "./client";
import { GOOD_CODE, startWebChat, type WebChatHarness } from "./harness";
import { openEvents } from "./sse";

async function linkedPhone(h: WebChatHarness): Promise<ChatClient> {
  const phone = new ChatClient(h.url);
  await phone.open();
  await phone.send({ kind: "start", code: GOOD_CODE });
  await h.pipeline.drain();
  await phone.history(); // picks up the rotated cookie
  return phone;
}

describe("web chat messages", () => {
  let h: WebChatHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("an invite code reaches the bot as a start event; the reply shows with its buttons", async () => {
    h = await startWebChat();
    const phone = await linkedPhone(h);
    const [start] = h.handled;
    expect(start).toMatchObject({ channel: "web", kind: "start", payload: GOOD_CODE });
    expect(start?.platformId).toMatch(new RegExp(`^${start?.chat.chatId}:[0-9a-f-]{36}$`));
    const { messages } = await phone.history();
    expect(messages[0]?.body).toEqual({ kind: "start" }); // the code itself is not kept
    expect(messages[1]).toMatchObject({
      direction: "out",
      body: {
        kind: "bot",
        paragraphs: ["Xin chào Thầy Nguyễn Văn An.", "Trường đã đăng tin bài tháng này chưa?"],
        buttons: [
          { label: "Đã đăng", payload: "posted:yes" },
          { label: "Chưa đăng", payload: "posted:no" },
        ],
      },
    });
  });

  it("a double-submitted text is one bubble and one event", async () => {
    h = await startWebChat();
    const phone = await linkedPhone(h);
    const id = randomUUID();
    const [a, b] = await Promise.all([
      phone.post("/chat/send", { id, kind: "text", text: "Đã đăng 3 tin" }),
      phone.post("/chat/send", { id, kind: "text", text: "Đã đăng 3 tin" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await h.pipeline.drain();
    expect(h.handled.filter((e) => e.kind === "text")).toHaveLength(1);
    const texts = (await phone.history()).messages.filter((m) => m.body.kind === "text");
    expect(texts).toHaveLength(1);
  });

  it("a button tap sends its payload and shows its label; a payload the bot never offered is refused", async () => {
    h = await startWebChat();
    const phone = await linkedPhone(h);
    const question = (await phone.history()).messages.find((m) => m.body.kind === "bot");
    const replyTo = question?.seq ?? 0;

    const forged = await phone.send({ kind: "action", replyTo, payload: "approve:all-units" });
    expect(forged.status).toBe(400);
    const res = await phone.send({ kind: "action", replyTo, payload: "posted:no" });
    expect(res.status).toBe(200);
    expect((await res.json()).message.body).toEqual({
      kind: "action",
      label: "Chưa đăng",
      payload: "posted:no",
      replyTo,
    });
    await h.pipeline.drain();
    expect(h.handled.filter((e) => e.kind === "action").map((e) => e.kind === "action" && e.payload)).toEqual(
      ["posted:no"],
    );
  });

  it("pushes a sent message live to the open page and replays what a reconnecting page missed", async () => {
    h = await startWebChat();
    const phone = await linkedPhone(h);
    const chat = h.handled[0]?.chat ?? { channel: "web" as const, chatId: "" };
    const live = await openEvents(phone);
    const result = await h.adapter.send(chat, {
      lang: "vi",
      parts: [{ key: "webchat:bubble.codeSent" }, { text: "Nhắc: hạn nộp 25/11/2026." }],
    });
    expect(result.status).toBe("sent");
    const [pushed] = await live.next(1);
    expect(pushed?.body).toEqual({
      kind: "bot",
      paragraphs: ["Đã gửi mã mời", "Nhắc: hạn nộp 25/11/2026."],
      buttons: [],
    });
    live.close();

    // Offline meanwhile: the page reconnects with Last-Event-ID and gets the gap first.
    await h.adapter.send(chat, { lang: "en", parts: [{ text: "one" }] });
    await h.adapter.send(chat, { lang: "en", parts: [{ text: "two" }] });
    const again = await openEvents(phone, { "last-event-id": String(pushed?.seq) });
    const missed = await again.next(2);
    expect(missed.map((m) => m.body.kind === "bot" && m.body.paragraphs[0])).toEqual(["one", "two"]);
    again.close();
  });

  it("a chat never sees another chat's messages", async () => {
    h = await startWebChat();
    const a = await linkedPhone(h);
    await a.send({ kind: "text", text: "Số liệu trường Tiểu học Kim Liên" });
    const b = new ChatClient(h.url);
    await b.open();
    const bLive = await openEvents(b);
    await h.pipeline.drain();
    const bHistory = await b.history();
    expect(bHistory.messages).toEqual([]);
    // A live message for chat a is not pushed to b: b's next message is its own.
    await b.send({ kind: "text", text: "xin chào" });
    const [first] = await bLive.next(1);
    expect(first?.body).toEqual({ kind: "text", text: "xin chào" });
    bLive.close();
  });

  it("sending to a chat that does not exist is a permanent chat_not_found", async () => {
    h = await startWebChat();
    const result = await h.adapter.send(
      { channel: "web", chatId: randomUUID() },
      { lang: "vi", parts: [{ text: "x" }] },
    );
    expect(result).toEqual({ status: "permanent", reason: "chat_not_found" });
  });

  it("serves the page in the product's language whatever the browser's, and ?lang=en switches it", async () => {
    h = await startWebChat();
    const phone = new ChatClient(h.url);
    // A Vietnamese phone set to English still gets the Vietnamese page the bot speaks in.
    const vi = await (await phone.open("/chat", { "accept-language": "en-US,en;q=0.9" })).text();
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain("Nhập mã mời");
    const en = await (await phone.open("/chat?lang=en", { "accept-language": "vi" })).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Enter your invite code");
  });
});
