import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createBot, ev, inviteFor, P, seedOrg, t } from "./fixtures";

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
});
afterEach(async () => {
  await tdb.dispose();
});

describe("logs (Law 91/2025: no message texts or phone numbers at info)", () => {
  it("carry channel, kind, route and ids, never texts, codes, names, phones or chat ids", async () => {
    const bot = createBot(tdb.db);
    const chat = "chat-7319";
    const code = await inviteFor(tdb.db, P.lan);
    await bot.send(ev.text(chat, "Tôi là Lan, số điện thoại 0912345678"));
    await bot.send(ev.text(chat, "WRONG23456"));
    await bot.send(ev.start(chat, code));
    await bot.send(ev.text(chat, "Trường em có 0912345678 tin bài"));
    await bot.send(ev.text(chat, "/dulieu"));
    await bot.send(ev.text(chat, "/trangthai"));
    expect(bot.logs.length).toBe(6);
    for (const line of bot.logs) {
      for (const secret of ["0912345678", "Lan", "Nguyễn", chat, code, "WRONG23456", "tin bài", "user-"]) {
        expect(line, line).not.toContain(secret);
      }
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(parsed.level).toBe("info");
      expect(Object.keys(parsed).sort()).toEqual([
        "channel",
        "kind",
        "level",
        "msg",
        "personId",
        "replies",
        "route",
        "t",
      ]);
    }
    expect(bot.logs.map((l) => JSON.parse(l) as { route: string; personId: string | null })).toMatchObject([
      { route: "unlinked.explain", personId: null },
      { route: "link.wrong", personId: null },
      { route: "link.ok", personId: P.lan },
      { route: "conversation.text", personId: P.lan },
      { route: "mydata", personId: P.lan },
      { route: "status", personId: P.lan },
    ]);
  });

  it("an unexpected failure is logged as an error, rolls back, and the person gets an apology", async () => {
    const bot = createBot(tdb.db, {
      conversation: async (ctx) => {
        await ctx.reply({ parts: [{ text: "half done" }] });
        throw new Error("engine exploded");
      },
    });
    const code = await inviteFor(tdb.db, P.lan);
    await bot.send(ev.start("100", code));
    const replies = await bot.send(ev.text("100", "hello"));
    expect(replies.map((r) => r.text)).toEqual([t("common:error.unexpected")]);
    const last = JSON.parse(bot.logs.at(-2) ?? "{}") as Record<string, unknown>;
    expect(last).toMatchObject({ level: "error", msg: "bot.failed", error: "engine exploded" });
  });
});
