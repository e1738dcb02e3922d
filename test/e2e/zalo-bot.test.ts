/**
 * Issue 6 end to end through the Zalo Bot platform: the assembled product (`startApp` on a
 * temporary DATA_DIR, demo organisation) long-polling the fake Zalo Bot API on 127.0.0.1, which
 * hands out the recorded updates of test/fixtures/zalo-bot one per getUpdates call, as Zalo does.
 * Assertions read what reached the fake and the database.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index";
import { DEMO_PHONES } from "../../src/org/demo-data";
import {
  CONTACT,
  inviteByCli,
  PUBLIC_URL,
  settle,
  startZaloProduct,
  until,
  type ZaloProduct,
} from "./zalo-product";

/** 10:00 in Hà Nội on Tuesday 10/11/2026. */
const NOW = new Date("2026-11-10T03:00:00.000Z");
/** The chat of the fixtures; here Thầy Trịnh Văn Khoa, comms officer of Trường Tiểu học Kim Đồng (demo). */
const CHAT = "6ede9afa66b88fe6d6a9";
const t = translator("vi");

let p: ZaloProduct | undefined;
afterEach(async () => {
  await p?.stop();
  p = undefined;
});

function botFixture(name: string): { event_name: string; message: Record<string, unknown> } {
  const file = path.join(import.meta.dirname, "..", "fixtures", "zalo-bot", `${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as {
    event_name: string;
    message: Record<string, unknown>;
  };
}

let seq = 0;
/** A recorded update with a fresh message id and the clock's date. */
function update(run: ZaloProduct, name: string, fields: Record<string, unknown> = {}) {
  const u = botFixture(name);
  const messageId = `zb-${++seq}`;
  return {
    messageId,
    body: {
      ...u,
      message: { ...u.message, ...fields, message_id: messageId, date: run.clock.now.getTime() },
    },
  };
}

const sentTo = (run: ZaloProduct) => run.bot.messages.filter((m) => m.chatId === CHAT).map((m) => m.text);

/** Queues a text for getUpdates; once the product has accepted it, waits for its handling and replies. */
async function say(run: ZaloProduct, text: string): Promise<string> {
  const before = sentTo(run).length;
  const { messageId, body } = update(run, "message.text.received", { text });
  run.bot.push(body);
  await until(`the product to accept "${text}"`, async () => {
    const row = await run.app.db
      .selectFrom("inbound_events")
      .select("platform_id")
      .where("channel", "=", "zalo-bot")
      .where("platform_id", "=", messageId)
      .executeTakeFirst();
    return row !== undefined;
  });
  await settle(run);
  const replies = sentTo(run).slice(before);
  expect(replies, `one reply to "${text}"`).toHaveLength(1);
  return replies[0] as string;
}

describe("a school's comms officer (Thầy Khoa) on the Zalo Bot platform, through the assembled product", () => {
  it("links with the invite code, starts the monthly report, is told to send a file through the web chat", async () => {
    p = await startZaloProduct(NOW);
    const run = p;

    // Unknown chat: only how to link, no data.
    expect(await say(run, "Xin chào")).toBe(
      [
        t("bot:unlinked.intro"),
        t("bot:unlinked.howTo"),
        t("bot:unlinked.contact", { contact: CONTACT }),
      ].join("\n\n"),
    );

    // The code as printed in the letter, typed as text (the Bot platform has no deep links).
    const code = await inviteByCli(run, DEMO_PHONES.kimDongComms);
    const linked = await say(run, code);
    expect(linked.startsWith("Kính chào Thầy Khoa, Trường Tiểu học Kim Đồng\n\n")).toBe(true);
    expect(linked).toContain(t("bot:greeting.linked", { title: "Thầy" }));
    const person = await run.app.db
      .selectFrom("people")
      .select("id")
      .where("phone", "=", DEMO_PHONES.kimDongComms)
      .executeTakeFirstOrThrow();
    expect(
      await run.app.db
        .selectFrom("channel_links")
        .select(["person_id", "chat_id"])
        .where("channel", "=", "zalo-bot")
        .execute(),
    ).toEqual([{ person_id: person.id, chat_id: CHAT }]);

    // /baocao: numbered choices (no buttons on this platform); the number of November's report.
    const menu = await say(run, "/baocao");
    const november = /^(\d+)\. Tháng 11\/2026: /m.exec(menu)?.[1];
    expect(november, menu).toBeDefined();
    expect(await say(run, november ?? "")).toContain("Câu 1/11");
    expect(await say(run, "8")).toContain("Câu 2/11");

    // A file: Zalo passes no files to bots, it sends "unsupported". The person is told, once, to
    // use the web chat; nothing is handed to the report flow.
    const before = sentTo(run).length;
    const file = update(run, "message.unsupported.received");
    run.bot.push(file.body);
    await until("the explanation", () => sentTo(run).length > before);
    expect(sentTo(run).slice(before)).toEqual([
      t("zalo:bot.fileUnsupported", { link: `${PUBLIC_URL}/chat` }),
    ]);
    // The same update delivered again is not explained twice: getUpdates hands updates out in
    // order, so once the next text is answered the redelivery has been taken.
    run.bot.push(file.body);

    // The draft is intact: the next answer goes to question 2.
    expect(await say(run, "4")).toContain("Câu 3/11");
    expect(sentTo(run).filter((m) => m.includes("web chat"))).toHaveLength(1);
    const draft = await run.app.db
      .selectFrom("drafts")
      .select(["obligation_code", "period_key", "state"])
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(draft).toMatchObject({ obligation_code: "DL_MONTHLY", period_key: "2026-11" });
    expect(draft.state).toContain('"articles_website":8');
    expect(draft.state).toContain('"posts_fanpage":4');
    // The unsupported file never became an inbound event.
    const events = await run.app.db
      .selectFrom("inbound_events")
      .select("platform_id")
      .where("platform_id", "=", file.messageId)
      .execute();
    expect(events).toEqual([]);
  });
});
