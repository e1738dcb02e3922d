import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { InboundEvent, InboundSink } from "../../../src/channels/types";
import { createZaloPersonalAdapter, writeCredentials } from "../../../src/channels/zalo-personal/index";
import { loadConfig } from "../../../src/config";
import { createFakeZaloPersonal } from "../../fakes/zalo-personal";
import { type ContractHarness, runChannelContract } from "../contract";

/** The zca-js adapter over the fake of our narrow session interface. */
async function setup(): Promise<ContractHarness> {
  const fake = createFakeZaloPersonal();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-zalo-personal-"));
  const config = loadConfig(
    { ZALO_PERSONAL_ENABLED: "true", ZALO_PERSONAL_SEND_INTERVAL_SECONDS: "0", DATA_DIR: dir },
    dir,
  ).zaloPersonal;
  if (!config) throw new Error("zalo-personal not enabled");
  await writeCredentials(config.credentialsFile, fake.validCredentials);
  const adapter = createZaloPersonalAdapter(config, { login: fake });
  // The adapter hands messages to the sink without waiting (they come from a listener): the
  // harness waits for the sink's answer so that a delivery resolves once accepted.
  const accepted = new Map<string, Promise<void>>();
  return {
    adapter,
    async start(sink: InboundSink) {
      await adapter.start((event: InboundEvent) => {
        const p = sink(event);
        accepted.set(event.platformId, p);
        return p;
      });
    },
    chat: (n) => ({ channel: "zalo-personal", chatId: String(7_000_000_000_000_000 + n) }),
    async received(chat) {
      return fake.sent
        .filter((s) => s.threadId === chat.chatId)
        .map((s) => ({ text: s.text ?? "", buttons: [] }));
    },
    async deliverText(chat, seq, text) {
      const msgId = `m${seq}`;
      accepted.delete(msgId);
      fake.deliver({ threadId: chat.chatId, msgId, text });
      await accepted.get(msgId);
    },
    failSends(_chat, failure) {
      // zca-js reports no distinct "blocked"; 221 is Zalo Web's "too many requests".
      if (failure === "blocked") return null;
      fake.failNextSend(221);
      return { retryAfterMs: 3_600_000 };
    },
    async close() {
      await adapter.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

runChannelContract("zalo-personal", setup);
