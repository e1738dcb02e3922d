import type { ChatRef, InboundSink } from "../../../src/channels/types";
import { type ContractHarness, runChannelContract } from "../contract";
import { seedTokens, startOaHarness } from "./setup";

/** Webhooks signed as Zalo signs them; sends reach the fake Zalo OA server over HTTP. */
async function setup(): Promise<ContractHarness> {
  // The contract's dispatcher runs on the real clock: so does this adapter.
  const h = await startOaHarness({}, { liveClock: true });
  await seedTokens(h, new Date(Date.now() + 20 * 3_600_000));
  await h.adapter.stop(); // the harness started it on its own pipeline: restart on the contract's
  return {
    adapter: h.adapter,
    start: (sink: InboundSink) => h.adapter.start(sink),
    chat: (n) => ({ channel: "zalo-oa", chatId: String(6_142_494_823_000_000_000n + BigInt(n)) }),
    async received(chat: ChatRef) {
      return h.fake.sent
        .filter((s) => s.userId === chat.chatId)
        .map((s) => {
          const m = s.message as {
            text?: string;
            attachment?: { payload?: { buttons?: { title: string; payload: string }[] } };
          };
          return {
            text: m.text ?? "",
            buttons: (m.attachment?.payload?.buttons ?? []).map((b) => ({
              label: b.title,
              payload: b.payload.replace(/^#bc:/, ""),
            })),
          };
        });
    },
    async deliverText(chat, seq, text) {
      const res = await h.post({
        app_id: "2553928453557884079",
        event_name: "user_send_text",
        sender: { id: chat.chatId },
        recipient: { id: "3662729599332560487" },
        message: { text, msg_id: `msg-${seq}` },
      });
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    },
    failSends(chat, failure) {
      // -213: the person unfollowed the OA; -32: the app or OA reached its call limit.
      h.fake.failUser(chat.chatId, failure === "blocked" ? -213 : -32);
      return failure === "blocked" ? {} : { retryAfterMs: 60_000 };
    },
    close: () => h.dispose(),
  };
}

runChannelContract("zalo-oa", setup);
