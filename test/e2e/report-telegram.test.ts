/**
 * A complete monthly report of each seed preset's main report, end to end through Telegram: the
 * fake Bot API server on 127.0.0.1, the real adapter (long polling), inbound pipeline, bot
 * handler with the conversation runner, outbox and dispatcher. The principal taps the report in
 * /baocao, answers every question as shown, sends an evidence PDF where asked, and taps “Gửi”.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createBotHandler } from "../../src/bot/handler";
import { createStatusReporter } from "../../src/bot/status/reporter";
import { createTelegramAdapter } from "../../src/channels/telegram/index";
import type { ChannelAdapter } from "../../src/channels/types";
import { createConversationHook, createSubmissionStatusSource } from "../../src/conversation/runner/index";
import { linkChat } from "../../src/db/channel-links";
import { openDatabase } from "../../src/db/index";
import type { Plan } from "../../src/domain/plan";
import { createInboundPipeline, type InboundPipeline } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createDispatcher, type Dispatcher } from "../../src/outbox/index";
import { getPreset } from "../../src/plan/index";
import { callbackUpdate, documentUpdate, type TestUpdate, textUpdate } from "../channels/telegram/updates";
import { activePlanOf, NOW, PUBLIC_URL, seedOrg } from "../conversation/runner/harness";
import { type FakeTelegramServer, startFakeTelegramServer } from "../fakes/telegram-server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { MAIN_REPORTS, nextMove } from "./report-driver";

interface Running {
  fake: FakeTelegramServer;
  db: TestDatabase;
  adapter: ChannelAdapter;
  pipeline: InboundPipeline;
  dispatcher: Dispatcher;
}

let r: Running | undefined;
let updateId = 5000;
const CHAT = 7001;

afterEach(async () => {
  if (!r) return;
  await r.adapter.stop();
  await r.pipeline.drain();
  await r.dispatcher.stop();
  await r.fake.close();
  await r.db.dispose();
  r = undefined;
});

async function seed(db: TestDatabase, personId: string): Promise<void> {
  await seedOrg(db.db);
  await db.db
    .insertInto("people")
    .values({
      id: "p-chanh",
      full_name: "Ngô Văn Chánh",
      phone: null,
      email: null,
      address_as: "dong_chi",
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    })
    .execute();
  await db.db
    .insertInto("memberships")
    .values({
      id: "m-chanh",
      person_id: "p-chanh",
      unit_id: "u-vp",
      role: "head",
      valid_from: null,
      valid_to: null,
      created_at: NOW.toISOString(),
    })
    .execute();
  await linkChat(db.db, {
    personId,
    channel: "telegram",
    chatId: String(CHAT),
    platformUserId: String(CHAT),
    at: NOW,
  });
}

/** The process: adapter, dispatcher, bot with the runner, pipeline, on the given database. */
async function assemble(fake: FakeTelegramServer, db: TestDatabase, plan: Plan): Promise<Running> {
  const log = createLogger("silent");
  const adapter = createTelegramAdapter(
    { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: undefined, webhookSecret: undefined },
    { log },
  );
  const dispatcher = createDispatcher({ db: db.db, adapters: [adapter], log, now: () => NOW });
  const active = await activePlanOf(plan);
  const handler = createBotHandler({
    db: db.db,
    config: { lang: "vi", officeContact: "Văn phòng Sở", sessionSecret: undefined },
    log,
    dispatcher,
    conversation: createConversationHook({
      plan: async () => active,
      config: { dataDir: db.dir, publicUrl: PUBLIC_URL, draftTtlDays: 14 },
      capabilities: (ch) => (ch === adapter.id ? adapter.capabilities : undefined),
    }),
    status: createStatusReporter({
      lang: "vi",
      plan: async () => active,
      submissions: createSubmissionStatusSource(),
    }),
    now: () => NOW,
  });
  const pipeline = createInboundPipeline({ db: db.db, handler, log });
  await adapter.start(pipeline.sink);
  await dispatcher.start();
  return { fake, db, adapter, pipeline, dispatcher };
}

async function start(plan: Plan, personId: string): Promise<Running> {
  const fake = await startFakeTelegramServer();
  const db = await createTestDatabase();
  await seed(db, personId);
  return assemble(fake, db, plan);
}

/** Pushes an update and waits until the bot's replies to it have all reached the fake. */
async function turn(
  run: Running,
  update: TestUpdate,
  chat: number = CHAT,
): Promise<{ text: string; payloads: string[] }> {
  const before = run.fake.sentTo(chat).length;
  await run.fake.pushUpdate(update);
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("no reply from the bot");
    await new Promise((resolve) => setTimeout(resolve, 15));
    if (run.fake.sentTo(chat).length <= before) continue;
    const pending = await run.db.db
      .selectFrom("outbox")
      .select("id")
      .where("status", "in", ["pending", "sending"])
      .executeTakeFirst();
    if (!pending) break;
  }
  const sent = run.fake.sentTo(chat).slice(before);
  return {
    text: sent.map((m) => m.text).join("\n\n"),
    payloads: (sent.at(-1)?.buttons ?? []).map((b) => b.data),
  };
}

describe("a complete monthly report through the fake Telegram Bot API", () => {
  it.each(MAIN_REPORTS)("$preset: $obligation", async (main) => {
    const plan = getPreset(main.preset) as Plan;
    const form = plan.obligations.find((o) => o.code === main.obligation)?.form;
    if (!form) throw new Error("no form");
    r = await start(plan, main.person);
    const run = r;
    const menu = await turn(run, textUpdate({ updateId: ++updateId, chatId: CHAT }, "/baocao"));
    expect(menu.text).toContain(`Báo cáo của ${main.unitName}:`);
    const payload = menu.payloads.find((p) => p.startsWith(`report:${main.obligation}:2026-11:`));
    expect(payload, menu.text).toBeDefined();
    let shown = await turn(
      run,
      callbackUpdate({ updateId: ++updateId, chatId: CHAT, queryId: `q${updateId}` }, payload ?? ""),
    );
    expect(shown.text).toContain(main.unitName);
    let files = 0;
    for (let i = 0; i < 80; i++) {
      const move = nextMove(form, shown.text, shown.payloads, true);
      if (move.kind === "done") break;
      const ids = { updateId: ++updateId, chatId: CHAT };
      if (move.kind === "text") shown = await turn(run, textUpdate(ids, move.text));
      else if (move.kind === "tap")
        shown = await turn(run, callbackUpdate({ ...ids, queryId: `q${updateId}` }, move.payload));
      else {
        const bytes = new TextEncoder().encode(`%PDF-1.4 minh chung ${main.preset}`);
        run.fake.addFile(`f-${updateId}`, bytes);
        files++;
        shown = await turn(
          run,
          documentUpdate(ids, {
            fileId: `f-${updateId}`,
            sizeBytes: bytes.byteLength,
            name: "minh-chung.pdf",
            mimeType: "application/pdf",
          }),
        );
      }
    }
    expect(shown.text).toContain(`của ${main.unitName}.`);
    expect(shown.text).toMatch(/Số tham chiếu: BC-2611-\d{4}/);
    expect(shown.text).toContain("Đúng hạn");
    const rows = await run.db.db.selectFrom("submissions").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      obligation_code: main.obligation,
      period_key: "2026-11",
      submitted_by: main.person,
      review_state: "submitted",
    });
    expect(shown.text).toContain(rows[0]?.reference);
    const stored = await run.db.db.selectFrom("submission_files").selectAll().execute();
    expect(stored).toHaveLength(files);
    // Every button tap was answered (no spinning button on the phone).
    expect(run.fake.callsTo("answerCallbackQuery").length).toBeGreaterThan(0);
  });
});

describe("commands, a restart and a double tap through the fake Telegram Bot API", () => {
  it("/quaylai, /boqua, /huy, /tieptuc; the whole process restarts mid-form; “Gửi” tapped twice gives one submission", async () => {
    const plan = getPreset("modern") as Plan;
    r = await start(plan, "p-lan");
    const say = (text: string) =>
      turn(r as Running, textUpdate({ updateId: ++updateId, chatId: CHAT }, text));
    expect(
      (
        await turn(
          r,
          callbackUpdate(
            { updateId: ++updateId, chatId: CHAT, queryId: "q1" },
            "report:DL_MONTHLY:2026-11:u-thcs-nd",
          ),
        )
      ).text,
    ).toContain("Câu 1/11");
    expect((await say("12")).text).toContain("Câu 2/11");
    expect((await say("/quaylai")).text).toContain("Câu trả lời hiện tại: 12");
    expect((await say("/boqua")).text).toContain("Câu này bắt buộc nên không thể bỏ qua");
    await say("15");
    expect((await say("/huy")).text).toContain("Đã tạm dừng báo cáo");
    expect((await say("/tieptuc")).text).toContain("Câu 2/11");
    await say("4");

    // The whole process stops (adapter, pipeline, dispatcher, database connection) and starts again.
    const { fake, db } = r;
    await r.adapter.stop();
    await r.pipeline.drain();
    await r.dispatcher.stop();
    await db.close();
    const reopened = await openDatabase({ kind: "sqlite", file: path.join(db.dir, "baocao.db") });
    const again: TestDatabase = {
      ...db,
      ...reopened,
      dispose: async () => {
        await reopened.close();
        await db.dispose();
      },
    };
    r = await assemble(fake, again, plan);
    expect((await say("2")).text).toContain("Câu 4/11");
    for (const a of ["1", "0", "0", "không", "/boqua", "/boqua", "/boqua"]) await say(a);
    const review = await say("/boqua");
    expect(review.payloads).toContain("c:submit");

    // Two taps on “Gửi” before the first reply arrives.
    const before = fake.sentTo(CHAT).length;
    await fake.pushUpdate(callbackUpdate({ updateId: ++updateId, chatId: CHAT, queryId: "qa" }, "c:submit"));
    await fake.pushUpdate(callbackUpdate({ updateId: ++updateId, chatId: CHAT, queryId: "qb" }, "c:submit"));
    const deadline = Date.now() + 10_000;
    while (fake.sentTo(CHAT).length < before + 2 && Date.now() < deadline)
      await new Promise((res) => setTimeout(res, 15));
    const [receipt, second] = fake
      .sentTo(CHAT)
      .slice(before)
      .map((m) => m.text);
    const rows = await again.db.selectFrom("submissions").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.answers ?? "{}")).toMatchObject({
      articles_website: 15,
      posts_fanpage: 4,
      posts_zalo_oa: 2,
    });
    expect(receipt).toContain(`Số tham chiếu: ${rows[0]?.reference}`);
    expect(second).toContain("đã được nhận trước đó");
    expect(second).toContain(rows[0]?.reference);
  });
});

describe("an incident through the fake Telegram Bot API", () => {
  it("the Phòng's head gets the alert with “Xem vụ việc” and taps it to read the record", async () => {
    const plan = getPreset("modern") as Plan;
    const form = plan.obligations.find((o) => o.kind === "event")?.form;
    if (!form) throw new Error("no incident form");
    r = await start(plan, "p-lan");
    const run = r;
    const HEAD_CHAT = 7002;
    await linkChat(run.db.db, {
      personId: "p-hung",
      channel: "telegram",
      chatId: String(HEAD_CHAT),
      platformUserId: String(HEAD_CHAT),
      at: NOW,
    });
    let shown = await turn(run, textUpdate({ updateId: ++updateId, chatId: CHAT }, "/baocao vuviec"));
    for (let i = 0; i < 30 && !shown.text.includes("Đã nhận báo cáo vụ việc"); i++) {
      const move = nextMove(form, shown.text, shown.payloads, false);
      const ids = { updateId: ++updateId, chatId: CHAT };
      if (move.kind === "text") shown = await turn(run, textUpdate(ids, move.text));
      else if (move.kind === "tap")
        shown = await turn(run, callbackUpdate({ ...ids, queryId: `q${updateId}` }, move.payload));
      else throw new Error(`unexpected move ${move.kind}`);
    }
    const { reference } = await run.db.db
      .selectFrom("incidents")
      .select("reference")
      .executeTakeFirstOrThrow();
    expect(shown.text).toContain(`Đã nhận báo cáo vụ việc, số ${reference}`);

    // The alert reached the head's Telegram chat with an inline button.
    const [alert] = run.fake.sentTo(HEAD_CHAT);
    expect(alert?.text).toContain(`⚠️ Báo cáo vụ việc ${reference} — Trường THCS Nguyễn Du`);
    expect(alert?.text).toContain(`/xemvuviec ${reference}`);
    expect(alert?.buttons?.map((b) => [b.text, b.data])).toEqual([["Xem vụ việc", `incv:${reference}`]]);

    const answered = run.fake.callsTo("answerCallbackQuery").length;
    const record = await turn(
      run,
      callbackUpdate({ updateId: ++updateId, chatId: HEAD_CHAT, queryId: "q-view" }, `incv:${reference}`),
      HEAD_CHAT,
    );
    expect(record.text).toContain(`Hồ sơ vụ việc ${reference} — Trường THCS Nguyễn Du`);
    expect(record.text).toContain("Báo cáo lúc 10/11/2026 10:00, người báo cáo: Nguyễn Thị Lan.");
    expect(record.text).toContain("Tình trạng: đang mở.");
    expect(run.fake.callsTo("answerCallbackQuery").length).toBeGreaterThan(answered);
  });
});
