/**
 * A running Telegram adapter for tests: the fake Bot API server, a real test database, the real
 * inbound pipeline and dispatcher, and (in webhook mode) our real HTTP server receiving the fake's
 * webhook posts. Events that reach the handler are collected in `events`.
 */
import { channelRoutes } from "../../../src/channels/registry";
import { createTelegramAdapter } from "../../../src/channels/telegram/index";
import type { ChannelAdapter, InboundEvent } from "../../../src/channels/types";
import { createInboundPipeline, type InboundHandler, type InboundPipeline } from "../../../src/inbound/index";
import { createLogger } from "../../../src/log";
import { createDispatcher, type Dispatcher } from "../../../src/outbox/index";
import { createWebApp, type RunningServer, startServer } from "../../../src/web/server";
import { type FakeTelegramServer, startFakeTelegramServer } from "../../fakes/telegram-server";
import { createTestDatabase, type TestDatabase } from "../../helpers/db";

export const WEBHOOK_SECRET = "s3cret_Token-for-tests";

export interface TelegramTest {
  readonly fake: FakeTelegramServer;
  readonly adapter: ChannelAdapter;
  readonly db: TestDatabase;
  readonly pipeline: InboundPipeline;
  readonly dispatcher: Dispatcher;
  readonly events: InboundEvent[];
  /** Our server's base URL (webhook mode only). */
  readonly baseUrl: string | null;
  close(): Promise<void>;
}

export interface TelegramTestOptions {
  readonly mode: "polling" | "webhook";
  /** Runs after the event is recorded in `events` (e.g. to store files or queue replies). */
  readonly onEvent?: (event: InboundEvent, t: { db: TestDatabase; dispatcher: Dispatcher }) => Promise<void>;
  readonly start?: boolean;
}

export async function startTelegramTest(options: TelegramTestOptions): Promise<TelegramTest> {
  const fake = await startFakeTelegramServer();
  const db = await createTestDatabase();
  const log = createLogger("silent");
  let server: RunningServer | null = null;
  let handleWebhook: ((r: Request) => Promise<Response>) | null = null;
  if (options.mode === "webhook") {
    const app = createWebApp();
    // The adapter needs our URL and the route needs the adapter: the route delegates.
    app.post("/webhooks/telegram", (c) =>
      handleWebhook ? handleWebhook(c.req.raw) : c.text("not ready", 503),
    );
    server = await startServer(app, 0, "127.0.0.1");
  }
  const baseUrl = server ? `http://127.0.0.1:${server.port}` : null;
  const adapter = createTelegramAdapter(
    {
      token: fake.token,
      apiRoot: fake.apiRoot,
      webhookUrl: baseUrl ? `${baseUrl}/webhooks/telegram` : undefined,
      webhookSecret: baseUrl ? WEBHOOK_SECRET : undefined,
    },
    { log },
  );
  const route = channelRoutes([adapter]).find((r) => r.path === "/webhooks/telegram");
  handleWebhook = route ? route.handler : null;

  const events: InboundEvent[] = [];
  const dispatcher = createDispatcher({ db: db.db, adapters: [adapter], log });
  const handler: InboundHandler = async (event) => {
    events.push(event);
    await options.onEvent?.(event, { db, dispatcher });
  };
  const pipeline = createInboundPipeline({ db: db.db, handler, log });
  if (options.start !== false) await adapter.start(pipeline.sink);

  return {
    fake,
    adapter,
    db,
    pipeline,
    dispatcher,
    events,
    baseUrl,
    async close() {
      await adapter.stop();
      await pipeline.drain();
      await dispatcher.stop();
      await server?.close();
      await fake.close();
      await db.dispose();
    },
  };
}

/** Waits until the pipeline has handled `count` events (polling delivers asynchronously). */
export async function waitForEvents(t: TelegramTest, count: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (t.events.length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} events, got ${t.events.length}`);
    await new Promise((r) => setTimeout(r, 10));
    await t.pipeline.drain();
  }
}
