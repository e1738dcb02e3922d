import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelAdapter, InboundEvent, OutboundMessage, SendResult } from "../../src/channels/types";
import { createInboundPipeline, matchChoice } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createDispatcher, enqueueMessage } from "../../src/outbox/index";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const choices = [
  { label: "Có", payload: "yes" },
  { label: "Không", payload: "no" },
  { label: "Để sau", payload: "later" },
];

describe("matchChoice", () => {
  it("accepts the number, with or without a dot or parenthesis", () => {
    expect(matchChoice("2", choices)).toBe("no");
    expect(matchChoice(" 3. ", choices)).toBe("later");
    expect(matchChoice("1)", choices)).toBe("yes");
    expect(matchChoice("4", choices)).toBeNull();
    expect(matchChoice("0", choices)).toBeNull();
  });

  it("accepts the label in any case, and without diacritics when that is unambiguous", () => {
    expect(matchChoice("không", choices)).toBe("no");
    expect(matchChoice("KHONG", choices)).toBe("no");
    expect(matchChoice("de sau!", choices)).toBe("later");
    expect(matchChoice("Có.", choices)).toBe("yes");
    expect(matchChoice("có lẽ", choices)).toBeNull();
  });

  it("prefers the exact label and refuses an ambiguous bare answer", () => {
    const tricky = [
      { label: "Cơ", payload: "a" },
      { label: "Có", payload: "b" },
    ];
    expect(matchChoice("Có", tricky)).toBe("b");
    expect(matchChoice("co", tricky)).toBeNull();
  });
});

describe("numbered choices on a channel without buttons", () => {
  let db: TestDatabase;
  const sent: OutboundMessage[] = [];
  const events: InboundEvent[] = [];
  // Stands in for a text-only platform (Zalo personal, for example): it just accepts messages.
  const textOnly: ChannelAdapter = {
    id: "zalo-personal",
    capabilities: {
      maxTextChars: 2000,
      buttons: null,
      filesIn: null,
      filesOut: null,
      edits: false,
      proactive: { allowed: true, windowHours: null, costly: false, maxPerSecond: 5, maxPerChatPerSecond: 1 },
    },
    start: async () => undefined,
    stop: async () => undefined,
    async send(_chat, message): Promise<SendResult> {
      sent.push(message);
      return { status: "sent", platformMessageId: String(sent.length) };
    },
  };
  const chat = { channel: "zalo-personal" as const, chatId: "u1" };
  const text = (id: string, body: string): InboundEvent => ({
    channel: "zalo-personal",
    chat,
    sender: { platformUserId: "u1" },
    platformId: id,
    receivedAt: new Date(),
    kind: "text",
    text: body,
  });

  beforeEach(async () => {
    db = await createTestDatabase();
    sent.length = 0;
    events.length = 0;
  });
  afterEach(async () => {
    await db.dispose();
  });

  it("turns '2' into the second button's action once, then reads '1' as text again", async () => {
    const log = createLogger("silent");
    const dispatcher = createDispatcher({ db: db.db, adapters: [textOnly], log });
    await enqueueMessage(db.db, {
      chat,
      kind: "reply",
      now: new Date(),
      message: {
        lang: "vi",
        parts: [{ text: "Đơn vị có tin mới?" }],
        buttons: choices.map((c) => ({ label: { text: c.label }, payload: c.payload })),
      },
    });
    await dispatcher.tick();
    const pipeline = createInboundPipeline({ db: db.db, log, handler: async (e) => void events.push(e) });
    await pipeline.sink(text("m1", "xin chào"));
    await pipeline.sink(text("m2", "2"));
    await pipeline.sink(text("m3", "1"));
    await pipeline.drain();
    expect(
      events.map((e) => (e.kind === "action" ? `action:${e.payload}` : e.kind === "text" ? e.text : "")),
    ).toEqual(["xin chào", "action:no", "1"]);
  });
});
