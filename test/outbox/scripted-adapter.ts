/**
 * A stand-in for a remote platform in dispatcher tests: it answers each send with the next
 * scripted result (or "sent") and records what it was asked to send, in order.
 */
import type {
  ChannelAdapter,
  ChannelId,
  ChatRef,
  OutboundMessage,
  SendResult,
} from "../../src/channels/types";

export interface ScriptedAdapter extends ChannelAdapter {
  readonly sends: { chat: ChatRef; text: string }[];
  /** Results for the next sends to `chatId`, consumed in order. */
  script(chatId: string, ...results: SendResult[]): void;
  /** Resolves when `n` sends have been attempted. */
  sendsReached(n: number): Promise<void>;
}

export function scriptedAdapter(id: ChannelId = "telegram"): ScriptedAdapter {
  const sends: { chat: ChatRef; text: string }[] = [];
  const scripts = new Map<string, SendResult[]>();
  const waiters: { n: number; resolve: () => void }[] = [];
  let counter = 0;
  return {
    id,
    capabilities: {
      maxTextChars: 4096,
      buttons: { maxButtons: 10, maxLabelChars: 40, maxPayloadBytes: 64 },
      filesIn: null,
      filesOut: null,
      edits: false,
      proactive: {
        allowed: true,
        windowHours: null,
        costly: false,
        maxPerSecond: 30,
        maxPerChatPerSecond: 1,
      },
    },
    start: async () => undefined,
    stop: async () => undefined,
    async send(chat: ChatRef, message: OutboundMessage): Promise<SendResult> {
      sends.push({ chat, text: message.parts.map((p) => ("text" in p ? p.text : p.key)).join(" ") });
      for (const w of waiters.filter((w) => sends.length >= w.n)) w.resolve();
      const next = scripts.get(chat.chatId)?.shift();
      return next ?? { status: "sent", platformMessageId: `p${++counter}` };
    },
    sends,
    script(chatId, ...results) {
      scripts.set(chatId, [...(scripts.get(chatId) ?? []), ...results]);
    },
    sendsReached(n) {
      return sends.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }));
    },
  };
}
