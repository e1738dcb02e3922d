import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findLinkByChat, listLinksOfPerson } from "../../src/db/channel-links";
import { revokePendingInvitesOfPerson } from "../../src/db/invites";
import { formatInviteCode } from "../../src/identity/codes";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { CONTACT, createBot, ev, inviteFor, linkChat, NOW, P, seedOrg, t } from "./fixtures";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
});
afterEach(async () => {
  await tdb.dispose();
});

const wrongText = () => t("bot:link.wrong");
const unusableText = () => t("bot:link.unusable", { contact: CONTACT });
const notLinkedText = () =>
  [t("bot:unlinked.intro"), t("bot:unlinked.howTo"), t("bot:unlinked.contact", { contact: CONTACT })].join(
    "\n\n",
  );

describe("linking a chat with an invite code", () => {
  it("a valid code links the chat and greets the person by form of address and unit", async () => {
    const bot = createBot(tdb.db);
    const code = await inviteFor(tdb.db, P.lan);
    const [reply, ...rest] = await bot.send(ev.start("100", code));
    expect(rest).toEqual([]);
    expect(reply?.text.split("\n\n")[0]).toBe("Kính chào Cô Lan, Trường THCS Nguyễn Du");
    expect(reply?.personId).toBe(P.lan);
    const link = await findLinkByChat(tdb.db, "telegram", "100");
    expect(link?.personId).toBe(P.lan);
    expect(link?.platformUserId).toBe("user-100");
    const invite = await tdb.db.selectFrom("invites").selectAll().executeTakeFirstOrThrow();
    expect(invite.used_at).toBe(NOW.toISOString());
    expect(bot.kicks).toBe(1);
  });

  it("a code typed as plain text, in lower case with a dash, links too", async () => {
    const bot = createBot(tdb.db);
    const code = await inviteFor(tdb.db, P.lan);
    const [reply] = await bot.send(ev.text("100", ` ${formatInviteCode(code).toLowerCase()} `));
    expect(reply?.text.startsWith("Kính chào Cô Lan")).toBe(true);
    expect((await findLinkByChat(tdb.db, "telegram", "100"))?.personId).toBe(P.lan);
  });

  it("a reused code is refused generically and links nothing", async () => {
    const bot = createBot(tdb.db);
    const code = await inviteFor(tdb.db, P.lan);
    await bot.send(ev.start("100", code));
    const [reply] = await bot.send(ev.start("200", code));
    expect(reply?.text).toBe(unusableText());
    expect(reply?.personId).toBeNull();
    expect(await findLinkByChat(tdb.db, "telegram", "200")).toBeUndefined();
  });

  it("an expired code is refused with the same words as a used one", async () => {
    const bot = createBot(tdb.db);
    const code = await inviteFor(tdb.db, P.lan, new Date(NOW.getTime() - 31 * DAY_MS), 30);
    const [reply] = await bot.send(ev.start("100", code));
    expect(reply?.text).toBe(unusableText());
    expect(await findLinkByChat(tdb.db, "telegram", "100")).toBeUndefined();
  });

  it("a revoked code is refused with the same words", async () => {
    const bot = createBot(tdb.db);
    const code = await inviteFor(tdb.db, P.lan);
    expect(await revokePendingInvitesOfPerson(tdb.db, P.lan, NOW)).toBe(1);
    const [reply] = await bot.send(ev.start("100", code));
    expect(reply?.text).toBe(unusableText());
  });

  it("the code expires after INVITE_TTL_DAYS, to the millisecond", async () => {
    const bot = createBot(tdb.db);
    const created = new Date(NOW.getTime() - 30 * DAY_MS);
    const code = await inviteFor(tdb.db, P.lan, created, 30);
    bot.now = new Date(NOW.getTime() - 1);
    expect((await bot.send(ev.start("100", code)))[0]?.text.startsWith("Kính chào")).toBe(true);
    const late = await inviteFor(tdb.db, P.minh, created, 30);
    bot.now = NOW;
    expect((await bot.send(ev.start("200", late)))[0]?.text).toBe(unusableText());
  });

  it("wrong code ×6: five polite refusals, then the chat is locked for an hour, even for a valid code", async () => {
    const bot = createBot(tdb.db);
    const wrong = ["ABCDE23456", "ABCDE23457", "ZZZZZ99999", "HHHHH22222", "KKKKK33333", "MMMMM44444"];
    const texts: string[] = [];
    for (const [i, code] of wrong.entries()) {
      bot.now = new Date(NOW.getTime() + i * 60_000);
      const [reply] = await bot.send(ev.text("100", code));
      texts.push(reply?.text ?? "");
    }
    expect(texts.slice(0, 5)).toEqual(Array(5).fill(wrongText()));
    // Locked until one hour after the fifth wrong code (10:04 local + 1 h).
    const locked = t("bot:link.locked", { time: "11:04", date: "10/11/2026", contact: CONTACT });
    expect(texts[5]).toBe(locked);

    const valid = await inviteFor(tdb.db, P.lan);
    bot.now = new Date(NOW.getTime() + 30 * 60_000);
    expect((await bot.send(ev.start("100", valid)))[0]?.text).toBe(locked);
    expect(await findLinkByChat(tdb.db, "telegram", "100")).toBeUndefined();
    // Another chat is not affected.
    expect((await bot.send(ev.text("200", "ABCDE23456")))[0]?.text).toBe(wrongText());

    bot.now = new Date(NOW.getTime() + 4 * 60_000 + HOUR_MS);
    expect((await bot.send(ev.start("100", valid)))[0]?.text.startsWith("Kính chào Cô Lan")).toBe(true);
  });

  it("guesses spread over many web chats: past 300 wrong codes in 10 minutes the channel pauses codes, valid ones too", async () => {
    const bot = createBot(tdb.db);
    // One wrong code from each of 300 fresh web chats (a web chat costs nothing to open), 1 s apart.
    for (let i = 0; i < 300; i++) {
      bot.now = new Date(NOW.getTime() + i * 1000);
      const code = `ABCDE${String(20000 + i).replace(/[01]/g, "2")}`;
      const [reply] = await bot.send(ev.text(`guess-${i}`, code, "web", bot.now));
      expect(reply?.text).toBe(wrongText());
    }
    const valid = await inviteFor(tdb.db, P.lan);
    bot.now = new Date(NOW.getTime() + 6 * 60_000);
    // Paused until ten minutes after the oldest of them (10:00 local + 10 min); nothing counted.
    const paused = t("bot:link.paused", { time: "10:10", date: "10/11/2026", contact: CONTACT });
    expect((await bot.send(ev.start("web-lan", valid, "web", bot.now)))[0]?.text).toBe(paused);
    expect(await findLinkByChat(tdb.db, "web", "web-lan")).toBeUndefined();
    expect(await tdb.db.selectFrom("link_attempts").select("id").execute()).toHaveLength(300);
    // Telegram, where accounts are not free, is not affected.
    expect((await bot.send(ev.text("300", "ABCDE23456", "telegram", bot.now)))[0]?.text).toBe(wrongText());

    bot.now = new Date(NOW.getTime() + 10 * 60_000 + 1000);
    const [welcome] = await bot.send(ev.start("web-lan", valid, "web", bot.now));
    expect(welcome?.text.startsWith("Kính chào Cô Lan")).toBe(true);
  });

  it("greetings and chatter from an unknown chat get only how to link, and do not count as wrong codes", async () => {
    const bot = createBot(tdb.db);
    for (let i = 0; i < 6; i++) {
      const [reply] = await bot.send(ev.text("100", "Xin chào, tôi là hiệu trưởng"));
      expect(reply?.text).toBe(notLinkedText());
    }
    expect((await bot.send(ev.start("100", null)))[0]?.text).toBe(notLinkedText());
    expect((await bot.send(ev.text("100", "/trangthai")))[0]?.text).toBe(notLinkedText());
    expect((await bot.send(ev.text("100", "/trogiup")))[0]?.text).toBe(notLinkedText());
    expect(await tdb.db.selectFrom("link_attempts").selectAll().execute()).toEqual([]);
    const code = await inviteFor(tdb.db, P.lan);
    expect((await bot.send(ev.text("100", code)))[0]?.text.startsWith("Kính chào")).toBe(true);
  });

  it("relinking moves the channel: a new chat on the same channel replaces the old one", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    await linkChat(bot, tdb.db, P.lan, "101");
    const links = await listLinksOfPerson(tdb.db, P.lan);
    expect(links.map((l) => [l.channel, l.chatId])).toEqual([["telegram", "101"]]);
    expect((await bot.send(ev.text("100", "/trogiup")))[0]?.text).toBe(notLinkedText());
  });

  it("a chat that uses another person's code now belongs to that person", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    const [reply] = await bot.send(ev.start("100", await inviteFor(tdb.db, P.minh)));
    expect(reply?.text.split("\n\n")[0]).toBe("Kính chào Thầy Minh, Trường Tiểu học Kim Đồng");
    expect((await findLinkByChat(tdb.db, "telegram", "100"))?.personId).toBe(P.minh);
    expect(await listLinksOfPerson(tdb.db, P.lan)).toEqual([]);
  });

  it("one person may link several channels", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100", "telegram");
    await linkChat(bot, tdb.db, P.lan, "web-chat-1", "web");
    const links = await listLinksOfPerson(tdb.db, P.lan);
    expect(links.map((l) => [l.channel, l.chatId]).sort()).toEqual([
      ["telegram", "100"],
      ["web", "web-chat-1"],
    ]);
  });

  it("codes hashed with a pepper work, and codes made before the pepper was set still work", async () => {
    const secret = "s".repeat(40);
    const before = await inviteFor(tdb.db, P.lan);
    const after = await inviteFor(tdb.db, P.minh, NOW, 30, secret);
    const bot = createBot(tdb.db, { sessionSecret: secret });
    expect((await bot.send(ev.start("100", before)))[0]?.text.startsWith("Kính chào Cô Lan")).toBe(true);
    expect((await bot.send(ev.start("200", after)))[0]?.text.startsWith("Kính chào Thầy Minh")).toBe(true);
    const hashes = await tdb.db.selectFrom("invites").select("code_hash").execute();
    for (const { code_hash } of hashes) {
      expect(code_hash).not.toContain(before);
      expect(code_hash).not.toContain(after);
    }
  });
});
