/**
 * The web chat wired the way src/main.ts composes it: the real bot handler (identity, linking),
 * the real inbound pipeline, outbox and dispatcher, the web adapter, all on one SQLite database,
 * with one school and its communications officer, Cô Lan, who has an invite code.
 */
import path from "node:path";
import { reportFlowNotEnabled } from "../../src/bot/conversation";
import { createBotHandler } from "../../src/bot/handler";
import { createStatusReporter } from "../../src/bot/status/reporter";
import { createWebAdapter, type WebAdapter } from "../../src/channels/web/index";
import { findLinkByChat } from "../../src/db/channel-links";
import { createWebChatStore } from "../../src/db/web-chat";
import { createInvite } from "../../src/identity/invites";
import { createInboundPipeline, type InboundPipeline } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createDispatcher } from "../../src/outbox/index";
import { createWebApp, startServer } from "../../src/web/server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { TEST_SECRET } from "./harness";

export const LAN = "p-lan";

export interface BotWebChat {
  readonly url: string;
  readonly database: TestDatabase;
  readonly adapter: WebAdapter;
  readonly pipeline: InboundPipeline;
  /** A fresh invite code for Cô Lan. */
  invite(): Promise<string>;
  close(): Promise<void>;
}

async function seedSchool(database: TestDatabase): Promise<void> {
  const at = "2026-01-01T00:00:00.000Z";
  await database.db
    .insertInto("units")
    .values({
      id: "u-nd",
      code: "THCS-ND",
      name: "Trường THCS Nguyễn Du",
      short_name: null,
      kind: "school",
      levels: "thcs",
      parent_id: null,
      reports_to_id: null,
      valid_from: null,
      valid_to: null,
      phone: null,
      email: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await database.db
    .insertInto("people")
    .values({
      id: LAN,
      full_name: "Nguyễn Thị Lan",
      phone: null,
      email: null,
      address_as: "co",
      created_at: at,
      updated_at: at,
    })
    .execute();
  await database.db
    .insertInto("memberships")
    .values({
      id: "m-lan",
      person_id: LAN,
      unit_id: "u-nd",
      role: "comms",
      valid_from: null,
      valid_to: null,
      created_at: at,
    })
    .execute();
}

export async function startWebChatWithBot(): Promise<BotWebChat> {
  const database = await createTestDatabase();
  await seedSchool(database);
  const db = database.db;
  const log = createLogger("silent");
  const app = createWebApp();
  const server = await startServer(app, 0, "127.0.0.1");
  const url = `http://127.0.0.1:${server.port}`;

  const adapter = createWebAdapter({
    store: createWebChatStore(db),
    filesDir: path.join(database.dir, "webchat-files"),
    sessionSecret: TEST_SECRET,
    publicUrl: url,
    isLinked: async (chatId) => (await findLinkByChat(db, "web", chatId)) !== undefined,
  });
  adapter.mount(app);
  const dispatcher = createDispatcher({ db, adapters: [adapter], log });
  const handler = createBotHandler({
    db,
    config: { lang: "vi", officeContact: "Văn phòng Sở, 024 3825 1234", sessionSecret: TEST_SECRET },
    log,
    dispatcher,
    conversation: reportFlowNotEnabled,
    status: createStatusReporter({ lang: "vi", plan: async () => null }),
  });
  const pipeline = createInboundPipeline({ db, handler, log });
  await adapter.start(pipeline.sink);
  await dispatcher.start();

  return {
    url,
    database,
    adapter,
    pipeline,
    async invite() {
      const created = await createInvite(db, {
        personId: LAN,
        ttlDays: 30,
        pepper: TEST_SECRET,
        now: new Date(),
        createdBy: "test",
      });
      return created.code;
    },
    async close() {
      await adapter.stop();
      await pipeline.drain();
      await dispatcher.stop();
      await server.close();
      await database.dispose();
    },
  };
}
