/**
 * A running web chat for tests: real SQLite with real migrations, the real inbound pipeline, the
 * real Hono server on 127.0.0.1, and a small in-test bot that links a chat for the invite code
 * GOOD-CODE and otherwise echoes what it receives (the identity module's handler stands in later).
 */
import path from "node:path";
import type { InboundEvent, OutboundMessage } from "../../src/channels/types";
import { createWebAdapter, type WebAdapter } from "../../src/channels/web/index";
import { createWebChatStore } from "../../src/db/web-chat";
import { createInboundPipeline, type InboundPipeline } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createWebApp, type RunningServer, startServer } from "../../src/web/server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

export const GOOD_CODE = "GOOD-CODE";
export const TEST_SECRET = "test-secret-0123456789-abcdefghijklmnop";

export interface WebChatHarness {
  readonly url: string;
  readonly database: TestDatabase;
  readonly adapter: WebAdapter;
  readonly pipeline: InboundPipeline;
  /** Every event the bot handled, in order. */
  readonly handled: InboundEvent[];
  /** chat id → person id, as the identity module's channel links would hold. */
  readonly links: Map<string, string>;
  close(): Promise<void>;
}

const say = (text: string, buttons: { label: string; payload: string }[] = []): OutboundMessage => ({
  lang: "vi",
  parts: [{ text }],
  buttons: buttons.map((b) => ({ label: { text: b.label }, payload: b.payload })),
});

export interface HarnessOptions {
  readonly maxUploadBytes?: number;
  readonly now?: () => Date;
  /** PUBLIC_URL as configured; the server's own 127.0.0.1 address when absent. */
  readonly publicUrl?: string;
}

export async function startWebChat(options: HarnessOptions = {}): Promise<WebChatHarness> {
  const database = await createTestDatabase();
  const links = new Map<string, string>();
  const handled: InboundEvent[] = [];
  const app = createWebApp();
  const server: RunningServer = await startServer(app, 0, "127.0.0.1");
  const url = `http://127.0.0.1:${server.port}`;
  const adapter = createWebAdapter({
    store: createWebChatStore(database.db),
    filesDir: path.join(database.dir, "webchat-files"),
    sessionSecret: TEST_SECRET,
    publicUrl: options.publicUrl ?? url,
    isLinked: async (chatId) => links.has(chatId),
    maxUploadBytes: options.maxUploadBytes,
    now: options.now,
  });
  adapter.mount(app);

  const reply = (event: InboundEvent, message: OutboundMessage) => adapter.send(event.chat, message);
  const handler = async (event: InboundEvent): Promise<void> => {
    handled.push(event);
    switch (event.kind) {
      case "start":
        if (event.payload !== GOOD_CODE) {
          await reply(event, say("Mã mời không đúng."));
          return;
        }
        links.set(event.chat.chatId, "person-1");
        await reply(
          event,
          say("Xin chào Thầy Nguyễn Văn An.\n\nTrường đã đăng tin bài tháng này chưa?", [
            { label: "Đã đăng", payload: "posted:yes" },
            { label: "Chưa đăng", payload: "posted:no" },
          ]),
        );
        return;
      case "action":
        await reply(event, say(`Đã ghi nhận: ${event.payload}`));
        return;
      case "text":
        await reply(event, say(`Thầy/Cô viết: ${event.text}`));
        return;
      case "file": {
        const got = await event.file.download();
        await reply(
          event,
          say(got.ok ? `Đã nhận tệp ${event.file.name} (${got.bytes.byteLength} byte)` : "Lỗi"),
        );
        return;
      }
      default:
        return;
    }
  };
  const pipeline = createInboundPipeline({ db: database.db, handler, log: createLogger("silent") });
  await adapter.start(pipeline.sink);

  const harness: WebChatHarness = {
    url,
    database,
    adapter,
    pipeline,
    handled,
    links,
    async close() {
      await adapter.stop();
      await pipeline.drain();
      await server.close();
      await database.dispose();
    },
  };
  return harness;
}
