/**
 * The same complete monthly reports through the web chat: a phone's browser (an HTTP client with
 * its own cookie jar) opens /chat with an invite code, is linked by the bot, and fills in the
 * seed presets' main reports, uploading the evidence PDF where asked. Everything real: the web
 * adapter and its routes, inbound pipeline, bot handler with the runner, outbox, dispatcher.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createBotHandler } from "../../src/bot/handler";
import { createStatusReporter } from "../../src/bot/status/reporter";
import { createWebAdapter, type WebAdapter } from "../../src/channels/web/index";
import { createConversationHook, createSubmissionStatusSource } from "../../src/conversation/runner/index";
import { findLinkByChat } from "../../src/db/channel-links";
import { createWebChatStore } from "../../src/db/web-chat";
import type { Plan } from "../../src/domain/plan";
import { createInvite } from "../../src/identity/invites";
import { createInboundPipeline, type InboundPipeline } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createDispatcher, type Dispatcher } from "../../src/outbox/index";
import { getPreset } from "../../src/plan/index";
import { createWebApp, type RunningServer, startServer } from "../../src/web/server";
import { activePlanOf, NOW, seedOrg } from "../conversation/runner/harness";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { ChatClient } from "../web/client";
import { TEST_SECRET } from "../web/harness";
import { MAIN_REPORTS, nextMove } from "./report-driver";

interface Running {
  url: string;
  db: TestDatabase;
  adapter: WebAdapter;
  pipeline: InboundPipeline;
  dispatcher: Dispatcher;
  server: RunningServer;
}

let r: Running | undefined;
afterEach(async () => {
  if (!r) return;
  await r.adapter.stop();
  await r.pipeline.drain();
  await r.dispatcher.stop();
  await r.server.close();
  await r.db.dispose();
  r = undefined;
});

async function start(plan: Plan): Promise<Running> {
  const db = await createTestDatabase();
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
  const log = createLogger("silent");
  const app = createWebApp();
  const server = await startServer(app, 0, "127.0.0.1");
  const url = `http://127.0.0.1:${server.port}`;
  const adapter = createWebAdapter({
    store: createWebChatStore(db.db),
    filesDir: path.join(db.dir, "webchat-files"),
    sessionSecret: TEST_SECRET,
    publicUrl: url,
    isLinked: async (chatId) => (await findLinkByChat(db.db, "web", chatId)) !== undefined,
  });
  adapter.mount(app);
  const dispatcher = createDispatcher({ db: db.db, adapters: [adapter], log });
  const active = await activePlanOf(plan);
  const handler = createBotHandler({
    db: db.db,
    config: { lang: "vi", officeContact: "Văn phòng Sở", sessionSecret: TEST_SECRET },
    log,
    dispatcher,
    conversation: createConversationHook({
      plan: async () => active,
      config: { dataDir: db.dir, publicUrl: url, draftTtlDays: 14 },
      capabilities: (ch) => (ch === "web" ? adapter.capabilities : undefined),
    }),
    status: createStatusReporter({
      lang: "vi",
      plan: async () => active,
      submissions: createSubmissionStatusSource(),
    }),
    // The web chat's own clock runs in real time; the bot's is fixed in November 2026.
    now: () => NOW,
  });
  const pipeline = createInboundPipeline({ db: db.db, handler, log });
  await adapter.start(pipeline.sink);
  await dispatcher.start();
  return { url, db, adapter, pipeline, dispatcher, server };
}

interface Turn {
  readonly text: string;
  readonly payloads: string[];
  /** The bubble whose buttons are shown (a tap replies to it). */
  readonly seq: number;
}

/** What the bot said since the person's last message, once the outbox has nothing left to send. */
async function settle(run: Running, phone: ChatClient, after: number): Promise<Turn> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("no reply from the bot");
    await new Promise((resolve) => setTimeout(resolve, 15));
    const { messages } = await phone.history();
    const bot = messages.filter((m) => m.seq > after && m.direction === "out");
    const pending = await run.db.db
      .selectFrom("outbox")
      .select("id")
      .where("status", "in", ["pending", "sending"])
      .executeTakeFirst();
    if (bot.length === 0 || pending) continue;
    const texts = bot.flatMap((m) => (m.body.kind === "bot" ? [m.body.paragraphs.join("\n\n")] : []));
    const last = bot.at(-1);
    const buttons = last?.body.kind === "bot" ? last.body.buttons : [];
    return { text: texts.join("\n\n"), payloads: buttons.map((b) => b.payload), seq: last?.seq ?? after };
  }
}

async function lastSeq(phone: ChatClient): Promise<number> {
  const { messages } = await phone.history();
  return messages.at(-1)?.seq ?? 0;
}

async function say(run: Running, phone: ChatClient, body: Record<string, unknown>): Promise<Turn> {
  const res = await phone.send(body);
  expect(res.status).toBe(200);
  return settle(run, phone, await lastSeqOfInbound(phone));
}

/** The seq of the person's latest bubble (the bot's answer comes after it). */
async function lastSeqOfInbound(phone: ChatClient): Promise<number> {
  const { messages } = await phone.history();
  return [...messages].reverse().find((m) => m.direction === "in")?.seq ?? 0;
}

describe("a complete monthly report through the web chat", () => {
  it.each(MAIN_REPORTS)("$preset: $obligation", async (main) => {
    const plan = getPreset(main.preset) as Plan;
    const form = plan.obligations.find((o) => o.code === main.obligation)?.form;
    if (!form) throw new Error("no form");
    r = await start(plan);
    const run = r;
    const { code } = await createInvite(run.db.db, {
      personId: main.person,
      ttlDays: 30,
      pepper: TEST_SECRET,
      now: new Date(),
      createdBy: "test",
    });
    const phone = new ChatClient(run.url);
    await phone.open(`/chat?code=${code}`);
    const greeted = await say(run, phone, { kind: "start", code });
    expect(greeted.text).toMatch(/^Kính chào/);

    const menu = await say(run, phone, { kind: "text", text: "/baocao" });
    expect(menu.text).toContain(`Báo cáo của ${main.unitName}:`);
    const payload = menu.payloads.find((p) => p.startsWith(`report:${main.obligation}:2026-11:`)) ?? "";
    let shown = await say(run, phone, { kind: "action", payload, replyTo: menu.seq });
    let files = 0;
    for (let i = 0; i < 80; i++) {
      const move = nextMove(form, shown.text, shown.payloads, true);
      if (move.kind === "done") break;
      if (move.kind === "text") shown = await say(run, phone, { kind: "text", text: move.text });
      else if (move.kind === "tap")
        shown = await say(run, phone, { kind: "action", payload: move.payload, replyTo: shown.seq });
      else {
        files++;
        const before = await lastSeq(phone);
        const res = await phone.upload(
          new TextEncoder().encode("%PDF-1.4 minh chung"),
          "minh-chung.pdf",
          "application/pdf",
        );
        expect(res.status).toBe(200);
        shown = await settle(run, phone, before + 1);
      }
    }
    expect(shown.text).toMatch(/Số tham chiếu: BC-2611-\d{4}/);
    expect(shown.text).toContain(`của ${main.unitName}.`);
    const rows = await run.db.db.selectFrom("submissions").selectAll().execute();
    expect(rows).toMatchObject([
      { obligation_code: main.obligation, period_key: "2026-11", submitted_by: main.person },
    ]);
    expect(await run.db.db.selectFrom("submission_files").selectAll().execute()).toHaveLength(files);
  });
});
