import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { InboundSink } from "../../../src/channels/types";
import { createZaloBotAdapter } from "../../../src/channels/zalo-bot/index";
import { loadConfig } from "../../../src/config";
import { createLogger } from "../../../src/log";
import { startFakeZaloBotServer } from "../../fakes/zalo-bot-server";
import { type ContractHarness, runChannelContract } from "../contract";

const SECRET = "contract-secret-token";

/** Webhook mode, so a delivery resolves once the adapter's sink accepted it. */
async function setup(): Promise<ContractHarness> {
  const fake = await startFakeZaloBotServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-zalo-bot-"));
  const config = loadConfig(
    {
      ZALO_BOT_TOKEN: fake.token,
      ZALO_BOT_API_ROOT: fake.url,
      ZALO_BOT_WEBHOOK_URL: "https://baocao.example.edu.vn/webhooks/zalo-bot",
      ZALO_BOT_WEBHOOK_SECRET: SECRET,
    },
    dir,
  ).zaloBot;
  if (!config) throw new Error("zalo-bot not configured");
  const adapter = createZaloBotAdapter(config, {
    log: createLogger("silent"),
    webChatUrl: "https://baocao.example.edu.vn/chat",
  });
  return {
    adapter,
    start: (sink: InboundSink) => adapter.start(sink),
    chat: (n) => ({ channel: "zalo-bot", chatId: `6ede9afa66b88fe6${String(n).padStart(4, "0")}` }),
    async received(chat) {
      return fake.messages
        .filter((m) => m.chatId === chat.chatId)
        .map((m) => ({ text: m.text, buttons: [] }));
    },
    async deliverText(chat, seq, text) {
      const webhook = adapter.webhook;
      if (!webhook) throw new Error("no webhook");
      const body = {
        event_name: "message.text.received",
        message: {
          message_id: `mid-${seq}`,
          date: Date.now(),
          from: { id: chat.chatId, display_name: "Người thử", is_bot: false },
          chat: { id: chat.chatId, chat_type: "PRIVATE" },
          text,
        },
      };
      const res = await webhook(
        new Request("http://127.0.0.1/webhooks/zalo-bot", {
          method: "POST",
          headers: { "content-type": "application/json", "x-bot-api-secret-token": SECRET },
          body: JSON.stringify(body),
        }),
      );
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    },
    failSends(_chat, failure) {
      // The Bot API documents no "blocked" error; 429 is its quota signal.
      if (failure === "blocked") return null;
      fake.failNext("sendMessage", 429, "Too many requests");
      return { retryAfterMs: 60_000 };
    },
    async close() {
      await adapter.stop();
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

runChannelContract("zalo-bot", setup);
