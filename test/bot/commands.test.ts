import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ConversationHook, ConversationInput } from "../../src/bot/conversation";
import { findLinkByChat } from "../../src/db/channel-links";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { CONTACT, createBot, ev, linkChat, NOW, P, seedOrg, t } from "./fixtures";

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
});
afterEach(async () => {
  await tdb.dispose();
});

/** The command list a school's communications officer sees, addressed as "Cô". */
const commandList = (title: string, seesAll = false) =>
  [
    t("bot:commands.intro", { title }),
    t("bot:commands.baocao"),
    t("bot:commands.tinbai"),
    t("bot:commands.vuviec"),
    t("bot:commands.xemvuviec"),
    ...(seesAll ? [t("bot:commands.office")] : []),
    seesAll ? t("bot:commands.trangthaiAll") : t("bot:commands.trangthai"),
    ...(seesAll ? [t("missing:help")] : []),
    t("bot:commands.dulieu"),
    t("bot:commands.huylienket"),
    t("bot:commands.trogiup"),
  ].join("\n");

describe("greeting", () => {
  it("greets word for word with the form of address and unit, then what the person can do", async () => {
    const bot = createBot(tdb.db);
    const [reply] = await linkChat(bot, tdb.db, P.lan, "100");
    expect(reply?.text).toBe(
      [
        "Kính chào Cô Lan, Trường THCS Nguyễn Du",
        t("bot:greeting.linked", { title: "Cô" }),
        commandList("Cô"),
      ].join("\n\n"),
    );
    expect(reply?.message.buttons).toEqual([
      {
        label: { key: "bot:buttons.status", params: { unit: "Trường THCS Nguyễn Du" } },
        payload: "status:u-thcs-nd",
      },
    ]);
    // /start again later: the same greeting, without "linked".
    const [again] = await bot.send(ev.start("100", null));
    expect(again?.text).toBe(["Kính chào Cô Lan, Trường THCS Nguyễn Du", commandList("Cô")].join("\n\n"));
  });

  it("uses the neutral Thầy/Cô when the form of address is unknown", async () => {
    const bot = createBot(tdb.db);
    const [reply] = await linkChat(bot, tdb.db, P.binh, "100");
    expect(reply?.text.split("\n\n")[0]).toBe("Kính chào Thầy/Cô Bình, Trường THPT Chu Văn An");
  });

  it("names the school first for a principal who is also cluster head, then the cluster", async () => {
    const bot = createBot(tdb.db);
    const [reply] = await linkChat(bot, tdb.db, P.minh, "100");
    const paragraphs = reply?.text.split("\n\n") ?? [];
    expect(paragraphs[0]).toBe("Kính chào Thầy Minh, Trường Tiểu học Kim Đồng");
    expect(paragraphs[2]).toBe(t("bot:greeting.moreUnits", { title: "Thầy", units: "Cụm chuyên môn 5" }));
  });

  it("Đồng chí for Văn phòng staff, who see every unit", async () => {
    const bot = createBot(tdb.db);
    const [reply] = await linkChat(bot, tdb.db, P.tuan, "100");
    expect(reply?.text).toBe(
      [
        "Kính chào Đồng chí Tuấn, Văn phòng Sở",
        t("bot:greeting.linked", { title: "Đồng chí" }),
        commandList("Đồng chí", true),
      ].join("\n\n"),
    );
  });
});

describe("/trogiup and other commands", () => {
  const helpText = (title: string) =>
    [commandList(title), t("bot:commands.aliases"), t("bot:help.contact", { title, contact: CONTACT })].join(
      "\n\n",
    );

  it("/trogiup word for word, and its aliases /help, /Trợgiúp and /trogiup@bot", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    for (const command of ["/trogiup", "/help", "/Trợgiúp", "/trogiup@baocao_bot", "/HELP"]) {
      const [reply] = await bot.send(ev.text("100", command));
      expect(reply?.text, command).toBe(helpText("Cô"));
    }
  });

  it("an unknown command is named and the available commands are listed", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    const [reply] = await bot.send(ev.text("100", "/xoadulieu ngay"));
    expect(reply?.text).toBe(
      [t("bot:unknownCommand", { command: "/xoadulieu" }), commandList("Cô"), t("bot:commands.aliases")].join(
        "\n\n",
      ),
    );
  });

  it("report commands go to the conversation hook; the default says the report flow is not enabled", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    for (const command of ["/baocao", "/tieptuc", "/huy", "/quaylai", "/boqua", "/report"]) {
      const [reply] = await bot.send(ev.text("100", command));
      expect(reply?.text, command).toBe(t("bot:conversation.notEnabled", { title: "Cô", contact: CONTACT }));
    }
  });

  it("the hook receives the command, plain text and taps, with the actor, in the bot's transaction", async () => {
    const seen: ConversationInput[] = [];
    const hook: ConversationHook = async (ctx, input) => {
      seen.push(input);
      expect(ctx.actor.person.id).toBe(P.lan);
      await ctx.reply({ parts: [{ text: `ok ${seen.length}` }] });
    };
    const bot = createBot(tdb.db, { conversation: hook });
    await linkChat(bot, tdb.db, P.lan, "100");
    await bot.send(ev.text("100", "/baocao thang 11"));
    await bot.send(ev.text("100", "12 tin bài"));
    const [reply] = await bot.send(ev.action("100", "answer:yes"));
    expect(seen).toEqual([
      { kind: "command", command: "report", args: "thang 11" },
      { kind: "text", text: "12 tin bài" },
      { kind: "action", payload: "answer:yes" },
    ]);
    expect(reply?.text).toBe("ok 3");
  });

  it("/dulieu shows what is stored about the person, and never the chat id", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    const [reply] = await bot.send(ev.text("100", "/dulieu"));
    expect(reply?.text).toBe(
      [
        t("bot:mydata.intro", { title: "Cô" }),
        [
          t("bot:mydata.name", { value: "Nguyễn Thị Lan" }),
          t("bot:mydata.phone", { value: "0912345678" }),
          t("bot:mydata.email", { value: t("bot:mydata.none") }),
          t("bot:mydata.addressAs", { value: "Cô" }),
        ].join("\n"),
        [
          t("bot:mydata.roles"),
          t("bot:mydata.role", { role: t("bot:role.comms"), unit: "Trường THCS Nguyễn Du" }),
        ].join("\n"),
        [t("bot:mydata.links"), t("bot:mydata.link", { channel: "Telegram", linkedOn: "10/11/2026" })].join(
          "\n",
        ),
        t("bot:mydata.purpose", { contact: CONTACT }),
      ].join("\n\n"),
    );
    expect((await bot.send(ev.text("100", "/mydata")))[0]?.text).toBe(reply?.text);
  });

  it("/huylienket unlinks this chat only; the chat then gets only how to link", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100", "telegram");
    await linkChat(bot, tdb.db, P.lan, "w1", "web");
    const [reply] = await bot.send(ev.text("100", "/huylienket"));
    expect(reply?.text).toBe(
      [t("bot:unlink.done"), t("bot:unlink.relink", { title: "Cô", contact: CONTACT })].join("\n\n"),
    );
    expect(await findLinkByChat(tdb.db, "telegram", "100")).toBeUndefined();
    expect((await findLinkByChat(tdb.db, "web", "w1"))?.personId).toBe(P.lan);
    const [after] = await bot.send(ev.text("100", "/dulieu"));
    expect(after?.text.startsWith(t("bot:unlinked.intro"))).toBe(true);
  });

  it("every message from a linked chat updates last_interaction_at (Zalo's 48-hour window)", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    const later = new Date(NOW.getTime() + 5 * 3_600_000);
    bot.now = later;
    await bot.send(ev.text("100", "/trogiup", "telegram", later));
    expect((await findLinkByChat(tdb.db, "telegram", "100"))?.lastInteractionAt).toEqual(later);
  });

  it("an unfollow marks the chat unreachable; the next message makes it reachable again", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100", "zalo-oa");
    const unfollow = { ...ev.start("100", null, "zalo-oa"), kind: "unfollow" as const };
    expect(await bot.send(unfollow)).toEqual([]);
    expect((await findLinkByChat(tdb.db, "zalo-oa", "100"))?.unreachableAt).toEqual(NOW);
    await bot.send(ev.text("100", "/trogiup", "zalo-oa"));
    expect((await findLinkByChat(tdb.db, "zalo-oa", "100"))?.unreachableAt).toBeNull();
  });
});
