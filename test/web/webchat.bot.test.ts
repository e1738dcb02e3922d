/**
 * End to end through the real bot: the web chat's start event is linked by the identity module,
 * the greeting goes out through the outbox and dispatcher, and the page's session is rotated.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { findLinkByChat } from "../../src/db/channel-links";
import { formatInviteCode } from "../../src/identity/codes";
import { type BotWebChat, LAN, startWebChatWithBot } from "./bot-harness";
import { ChatClient } from "./client";

const WAIT = { timeout: 10_000, interval: 50 };

async function botTexts(phone: ChatClient): Promise<string[]> {
  const { messages } = await phone.history();
  return messages.flatMap((m) => (m.body.kind === "bot" ? [m.body.paragraphs.join("\n\n")] : []));
}

describe("web chat through the bot", () => {
  let h: BotWebChat | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("an invite link links the chat to the person, greets them, and rotates the session", async () => {
    h = await startWebChatWithBot();
    const code = await h.invite();
    const phone = new ChatClient(h.url);
    await phone.open(`/chat?code=${code}`);
    const anonymous = phone.cookie;
    expect((await phone.send({ kind: "start", code })).status).toBe(200);

    await vi.waitFor(async () => {
      expect((await botTexts(phone))[0]).toMatch(/^Kính chào Cô Lan, Trường THCS Nguyễn Du/);
    }, WAIT);
    expect((await phone.history()).linked).toBe(true);
    expect(phone.cookie).not.toBe(anonymous);

    const chats = await h.database.db.selectFrom("web_sessions").select("chat_id").distinct().execute();
    expect(chats).toHaveLength(1);
    const link = await findLinkByChat(h.database.db, "web", chats[0]?.chat_id ?? "");
    expect(link?.personId).toBe(LAN);
  });

  it("a code typed in the invite box (with a dash, lower case) links too; a wrong one does not", async () => {
    h = await startWebChatWithBot();
    const phone = new ChatClient(h.url);
    await phone.open();
    await phone.send({ kind: "start", code: "ABCDE-23456" });
    await vi.waitFor(async () => expect(await botTexts(phone)).toHaveLength(1), WAIT);
    expect((await phone.history()).linked).toBe(false);

    const code = formatInviteCode(await h.invite()).toLowerCase();
    await phone.send({ kind: "start", code });
    await vi.waitFor(async () => expect((await botTexts(phone))[1]).toMatch(/^Kính chào Cô Lan/), WAIT);
    expect((await phone.history()).linked).toBe(true);
  });
});
