import { createTelegramAdapter } from "../../../src/channels/telegram/index";
import type { ChatRef, InboundSink } from "../../../src/channels/types";
import { createLogger } from "../../../src/log";
import { createWebApp, startServer } from "../../../src/web/server";
import { startFakeTelegramServer } from "../../fakes/telegram-server";
import { type ContractHarness, runChannelContract } from "../contract";
import { WEBHOOK_SECRET } from "./harness";
import { callbackUpdate, textUpdate } from "./updates";

/** Webhook mode: the fake posts updates to our real HTTP server, so a delivery resolves once accepted. */
async function setup(): Promise<ContractHarness> {
  const fake = await startFakeTelegramServer();
  const app = createWebApp();
  let handler: ((r: Request) => Promise<Response>) | undefined;
  app.post("/webhooks/telegram", (c) => (handler ? handler(c.req.raw) : c.text("not ready", 503)));
  const server = await startServer(app, 0, "127.0.0.1");
  const adapter = createTelegramAdapter(
    {
      token: fake.token,
      apiRoot: fake.apiRoot,
      webhookUrl: `http://127.0.0.1:${server.port}/webhooks/telegram`,
      webhookSecret: WEBHOOK_SECRET,
    },
    { log: createLogger("silent") },
  );
  handler = adapter.webhook;
  const chatId = (chat: ChatRef) => Number(chat.chatId);
  const deliver = async (update: { update_id: number } & Record<string, unknown>) => {
    const status = await fake.pushUpdate(update);
    if (status !== 200) throw new Error(`webhook answered ${status}`);
  };
  return {
    adapter,
    start: (sink: InboundSink) => adapter.start(sink),
    chat: (n) => ({ channel: "telegram", chatId: String(5_100_000_000 + n) }),
    async received(chat) {
      return fake.sentTo(chat.chatId).map((m) => ({
        text: m.text,
        buttons: m.buttons.map((b) => ({ label: b.text, payload: b.data })),
      }));
    },
    deliverText: (chat, seq, text) => deliver(textUpdate({ updateId: seq, chatId: chatId(chat) }, text)),
    tapButton: (chat, seq, payload) =>
      deliver(callbackUpdate({ updateId: seq, chatId: chatId(chat), queryId: `q${seq}` }, payload)),
    failSends(chat, failure) {
      if (failure === "blocked") fake.blockChat(chat.chatId);
      else fake.rateLimit({ maxPerSecond: 0, retryAfterSeconds: 7 });
      return failure === "blocked" ? {} : { retryAfterMs: 7_000 };
    },
    async close() {
      await adapter.stop();
      await server.close();
      await fake.close();
    },
  };
}

runChannelContract("telegram", setup);
