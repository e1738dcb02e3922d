/**
 * Onboarding end to end through Telegram: the fake Bot API server on 127.0.0.1, the real Telegram
 * adapter (long polling), inbound pipeline, bot handler, outbox and dispatcher, and the `baocao`
 * CLI making the codes. Assertions read what reached the fake, word for word against the locale.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reportFlowNotEnabled } from "../../src/bot/conversation";
import { createBotHandler } from "../../src/bot/handler";
import { createStatusReporter } from "../../src/bot/status/reporter";
import { createTelegramAdapter } from "../../src/channels/telegram/index";
import type { ChannelAdapter } from "../../src/channels/types";
import { runCli } from "../../src/cli/run";
import { recordTelegramUsername } from "../../src/identity/links";
import { createInboundPipeline, type InboundPipeline } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createDispatcher, type Dispatcher } from "../../src/outbox/index";
import { CALENDAR, CONTACT, inviteFor, NOW, P, PLAN, seedOrg, t } from "../bot/fixtures";
import { startUpdate, textUpdate } from "../channels/telegram/updates";
import { type FakeTelegramServer, startFakeTelegramServer } from "../fakes/telegram-server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const DAY_MS = 86_400_000;

interface Running {
  fake: FakeTelegramServer;
  db: TestDatabase;
  adapter: ChannelAdapter;
  pipeline: InboundPipeline;
  dispatcher: Dispatcher;
  clock: { now: Date };
}

let r: Running;
let updateId = 1000;

beforeEach(async () => {
  const fake = await startFakeTelegramServer();
  const db = await createTestDatabase();
  await seedOrg(db.db);
  const log = createLogger("silent");
  const clock = { now: NOW };
  const adapter = createTelegramAdapter(
    { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: undefined, webhookSecret: undefined },
    { log },
  );
  const dispatcher = createDispatcher({ db: db.db, adapters: [adapter], log, now: () => clock.now });
  const handler = createBotHandler({
    db: db.db,
    config: { lang: "vi", officeContact: CONTACT, sessionSecret: undefined },
    log,
    dispatcher,
    conversation: reportFlowNotEnabled,
    status: createStatusReporter({ lang: "vi", plan: async () => ({ plan: PLAN, calendar: CALENDAR }) }),
    now: () => clock.now,
  });
  const pipeline = createInboundPipeline({ db: db.db, handler, log });
  await adapter.start(pipeline.sink);
  await dispatcher.start();
  r = { fake, db, adapter, pipeline, dispatcher, clock };
});

afterEach(async () => {
  await r.adapter.stop();
  await r.pipeline.drain();
  await r.dispatcher.stop();
  await r.fake.close();
  await r.db.dispose();
});

/** Sends a text from a chat and returns the texts the chat receives in reply. */
async function say(chatId: number, text: string, replies = 1): Promise<string[]> {
  const before = r.fake.sentTo(chatId).length;
  const update = text.startsWith("/start")
    ? startUpdate({ updateId: ++updateId, chatId }, text.slice("/start".length).trim() || null)
    : textUpdate({ updateId: ++updateId, chatId }, text);
  await r.fake.pushUpdate(update);
  // Polled: the fake records a sent message after the call that its own waitFor watches.
  const deadline = Date.now() + 10_000;
  while (r.fake.sentTo(chatId).length < before + replies) {
    if (Date.now() > deadline) throw new Error(`chat ${chatId}: no reply to "${text}"`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return r.fake
    .sentTo(chatId)
    .slice(before)
    .map((m) => m.text);
}

async function cliCreate(
  personId: string,
): Promise<{ code: string; links: { web: string; telegram?: string } }> {
  const out: string[] = [];
  const code = await runCli(["invite", "create", "--person", personId, "--json"], {
    env: {
      DATABASE_URL: `sqlite:${r.db.location}`,
      TELEGRAM_BOT_TOKEN: r.fake.token,
      TELEGRAM_API_ROOT: r.fake.apiRoot,
      BAOCAO_LOG_LEVEL: "silent",
    },
    now: () => r.clock.now,
    out: (l) => out.push(l),
    err: (l) => out.push(l),
  });
  expect(code, out.join("\n")).toBe(0);
  return JSON.parse(out[0] as string);
}

const commandList = [
  t("bot:commands.intro", { title: "Cô" }),
  t("bot:commands.baocao"),
  t("bot:commands.tinbai"),
  t("bot:commands.vuviec"),
  t("bot:commands.xemvuviec"),
  t("bot:commands.trangthai"),
  t("bot:commands.dulieu"),
  t("bot:commands.huylienket"),
  t("bot:commands.trogiup"),
].join("\n");

describe("onboarding through the fake Telegram Bot API", () => {
  it("valid code, reused code, expired code, wrong code ×6, then /trangthai and /trogiup", async () => {
    // The CLI prints the t.me deep link once the running adapter's username is recorded.
    expect(await recordTelegramUsername(r.db.db, r.adapter, NOW)).toBe(r.fake.botUsername);
    const lan = await cliCreate(P.lan);
    expect(lan.links.telegram).toBe(`https://t.me/${r.fake.botUsername}?start=${lan.code}`);
    const payload = new URL(lan.links.telegram ?? "").searchParams.get("start") ?? "";

    // 1. Valid code: linked, greeted by form of address and unit, told what she can do.
    expect(await say(501, `/start ${payload}`)).toEqual([
      [
        "Kính chào Cô Lan, Trường THCS Nguyễn Du",
        t("bot:greeting.linked", { title: "Cô" }),
        commandList,
      ].join("\n\n"),
    ]);
    expect(r.fake.sentTo(501)[0]?.buttons).toEqual([
      { text: t("bot:buttons.status", { unit: "Trường THCS Nguyễn Du" }), data: "status:u-thcs-nd" },
    ]);

    // 2. The same code from another chat.
    const unusable = t("bot:link.unusable", { contact: CONTACT });
    expect(await say(502, `/start ${payload}`)).toEqual([unusable]);

    // 3. An expired code (made 31 days ago with the default 30-day life).
    const expired = await inviteFor(r.db.db, P.minh, new Date(NOW.getTime() - 31 * DAY_MS), 30);
    expect(await say(503, `/start ${expired}`)).toEqual([unusable]);

    // 4. Wrong codes ×6 from one chat: five polite refusals, then an hour's lock.
    const wrong: string[] = [];
    for (let i = 0; i < 6; i++) {
      r.clock.now = new Date(NOW.getTime() + i * 60_000);
      wrong.push(...(await say(504, `WRONG${23456 + i}`)));
    }
    expect(wrong).toEqual([
      ...Array(5).fill(t("bot:link.wrong")),
      t("bot:link.locked", { time: "11:04", date: "10/11/2026", contact: CONTACT }),
    ]);
    r.clock.now = NOW;

    // 5. /trangthai, word for word.
    expect(await say(501, "/trangthai")).toEqual([
      [
        [
          t("bot:status.heading", { unit: "Trường THCS Nguyễn Du", month: 11, year: 2026 }),
          // October's report, due last month, is still owed: it stays on the list.
          t("bot:status.report", {
            name: "Báo cáo công tác truyền thông hằng tháng",
            period: t("periods:label.month", { month: 10, year: 2026 }),
            due: "23/10/2026",
            state: t("bot:status.state.overdue"),
          }),
          t("bot:status.report", {
            name: "Báo cáo công tác truyền thông hằng tháng",
            period: t("periods:label.month", { month: 11, year: 2026 }),
            due: "24/11/2026",
            state: t("bot:status.state.missing"),
          }),
        ].join("\n"),
        [
          t("bot:status.quotasTitle"),
          t("bot:status.quota", {
            name: "Tin bài hay mỗi tuần",
            period: t("bot:status.thisWeek"),
            count: 0,
            target: 1,
            counts: "tin bài",
          }),
          t("bot:status.quota", {
            name: "Bài viết trên báo chí",
            period: "Năm 2026",
            count: 0,
            target: 8,
            counts: "bài báo",
          }),
        ].join("\n"),
      ].join("\n\n"),
    ]);

    // 6. /trogiup, word for word.
    expect(await say(501, "/trogiup")).toEqual([
      [commandList, t("bot:commands.aliases"), t("bot:help.contact", { title: "Cô", contact: CONTACT })].join(
        "\n\n",
      ),
    ]);
  });
});
