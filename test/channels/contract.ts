/**
 * The channel-adapter contract, run against every adapter (Hono's shared router tests, Kysely's
 * per-dialect loop). Each adapter's test file calls `runChannelContract(name, setup)` at top level
 * with a harness that drives the adapter through its platform's fake (never a mock of our code).
 * Messages go out through the real outbox + dispatcher, and come in through the real inbound
 * pipeline on a real SQLite database, so the button fallback and dedupe are tested end to end.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { numberedChoices } from "../../src/channels/render";
import {
  type Button,
  CHANNEL_IDS,
  type ChannelAdapter,
  type ChatRef,
  type InboundEvent,
  type OutboundMessage,
} from "../../src/channels/types";
import { translator } from "../../src/i18n/index";
import { createInboundPipeline, type InboundPipeline } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createDispatcher, enqueueMessage } from "../../src/outbox/index";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

export interface ContractMessage {
  readonly text: string;
  readonly buttons: readonly { readonly label: string; readonly payload: string }[];
}

export interface ContractHarness {
  readonly adapter: ChannelAdapter;
  /** Starts receiving into `sink` (the contract's pipeline). */
  start(sink: (event: InboundEvent) => Promise<void>): Promise<void>;
  /** A chat of one person on this channel, reachable by the adapter; n gives distinct chats. */
  chat(n: number): ChatRef;
  /** What reached the platform for `chat`, oldest first. */
  received(chat: ChatRef): Promise<readonly ContractMessage[]>;
  /**
   * The person sends `text`; `seq` identifies the platform message (update/message id). Delivering
   * the same seq again is the platform redelivering it. Resolves once the adapter's sink accepted it.
   */
  deliverText(chat: ChatRef, seq: number, text: string): Promise<void>;
  /** The person taps a button (channels with buttons). */
  tapButton?(chat: ChatRef, seq: number, payload: string): Promise<void>;
  /**
   * Makes sends to `chat` fail as the platform does for a blocked bot / a rate limit. Returns the
   * retryAfterMs the adapter must report for "rate_limited", or null when the platform has no such
   * failure (then that check is skipped).
   */
  failSends(chat: ChatRef, failure: "blocked" | "rate_limited"): { readonly retryAfterMs?: number } | null;
  close(): Promise<void>;
}

const normalize = (s: string) => s.replace(/\s+/g, " ").trim();

export function runChannelContract(name: string, setup: () => Promise<ContractHarness>): void {
  describe(`channel contract: ${name}`, () => {
    let h: ContractHarness;
    let db: TestDatabase;
    let events: InboundEvent[];
    let pipeline: InboundPipeline;
    const log = createLogger("silent");

    beforeEach(async () => {
      db = await createTestDatabase();
      events = [];
      h = await setup();
      pipeline = createInboundPipeline({
        db: db.db,
        log,
        handler: async (e) => {
          events.push(e);
        },
      });
      await h.start(pipeline.sink);
    });
    afterEach(async () => {
      await h.close();
      await pipeline.drain();
      await db.dispose();
    });

    const dispatch = async (chat: ChatRef, message: OutboundMessage) => {
      const dispatcher = createDispatcher({ db: db.db, adapters: [h.adapter], log });
      await enqueueMessage(db.db, { chat, message, kind: "reply", now: new Date() });
      await dispatcher.tick();
      const row = await db.db
        .selectFrom("outbox")
        .selectAll()
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      return row;
    };

    it("declares consistent capabilities", () => {
      const c = h.adapter.capabilities;
      expect(CHANNEL_IDS).toContain(h.adapter.id);
      expect(Number.isInteger(c.maxTextChars) && c.maxTextChars >= 160).toBe(true);
      if (c.buttons) {
        expect(c.buttons.maxButtons).toBeGreaterThanOrEqual(2);
        expect(c.buttons.maxLabelChars).toBeGreaterThanOrEqual(10);
        // Button payloads are at most 64 bytes everywhere (types.ts): an adapter may not need more.
        expect(c.buttons.maxPayloadBytes).toBeGreaterThanOrEqual(1);
        expect(c.buttons.maxPayloadBytes).toBeLessThanOrEqual(64);
      }
      for (const f of [c.filesIn, c.filesOut]) if (f) expect(f.maxBytes).toBeGreaterThan(0);
      expect(c.proactive.maxPerChatPerSecond).toBeGreaterThan(0);
      expect(c.proactive.maxPerChatPerSecond).toBeLessThanOrEqual(c.proactive.maxPerSecond);
      if (c.proactive.windowHours !== null) expect(c.proactive.windowHours).toBeGreaterThan(0);
    });

    it("renders i18n keys with params, and paragraphs, in the message's language", async () => {
      for (const [i, lang] of (["vi", "en"] as const).entries()) {
        const chat = h.chat(10 + i);
        const row = await dispatch(chat, {
          lang,
          parts: [{ key: "channels:file.too_large", params: { limitMb: 20 } }, { text: "Đoạn thứ hai." }],
        });
        expect(row.status).toBe("sent");
        const got = await h.received(chat);
        const expected = `${translator(lang)("channels:file.too_large", { limitMb: 20 })} Đoạn thứ hai.`;
        expect(normalize(got.map((m) => m.text).join(" "))).toContain(normalize(expected));
        expect(expected).toContain("20 MB");
      }
    });

    it("splits text over the channel's limit at word boundaries, losing nothing", async () => {
      const chat = h.chat(20);
      const limit = h.adapter.capabilities.maxTextChars;
      const words: string[] = [];
      for (let i = 0, length = 0; length < limit * 2.5; i++) {
        words.push(i % 10 === 9 ? `đoạn${i}.\n\n` : `từ${i}`);
        length += (words[words.length - 1]?.length ?? 0) + 1;
      }
      const long = words.join(" ");
      expect(long.length).toBeGreaterThan(limit * 2);
      const row = await dispatch(chat, { lang: "vi", parts: [{ text: long }] });
      expect(row.status).toBe("sent");
      const got = await h.received(chat);
      expect(got.length).toBeGreaterThanOrEqual(3);
      for (const m of got) expect(m.text.length).toBeLessThanOrEqual(limit);
      const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);
      expect(got.flatMap((m) => wordsOf(m.text))).toEqual(wordsOf(long));
    });

    it("renders buttons, or numbered choices that answer by number like a tap", async () => {
      const chat = h.chat(30);
      const buttons: Button[] = [
        { label: { text: "Có" }, payload: "ans:yes" },
        { label: { text: "Không" }, payload: "ans:no" },
        { label: { text: "Để sau" }, payload: "ans:later" },
      ];
      const row = await dispatch(chat, {
        lang: "vi",
        parts: [{ text: "Đơn vị có tin bài mới không?" }],
        buttons,
      });
      expect(row.status).toBe("sent");
      const got = await h.received(chat);
      const last = got[got.length - 1];
      if (h.adapter.capabilities.buttons) {
        expect(last?.buttons).toEqual([
          { label: "Có", payload: "ans:yes" },
          { label: "Không", payload: "ans:no" },
          { label: "Để sau", payload: "ans:later" },
        ]);
        if (!h.tapButton) throw new Error(`${name}: channels with buttons must implement tapButton`);
        await h.tapButton(chat, 31, "ans:no");
      } else {
        const t = translator("vi");
        expect(last?.text).toContain(numberedChoices(buttons, t));
        expect(last?.text).toContain("1. Có\n2. Không\n3. Để sau");
        await h.deliverText(chat, 31, "2");
      }
      await pipeline.drain();
      expect(events.map((e) => (e.kind === "action" ? e.payload : e.kind))).toEqual(["ans:no"]);
    });

    it("drops a redelivered message: the handler sees it once", async () => {
      const chat = h.chat(40);
      await h.deliverText(chat, 41, "Báo cáo tuần này");
      await h.deliverText(chat, 41, "Báo cáo tuần này");
      await h.deliverText(chat, 42, "Tin thứ hai");
      await pipeline.drain();
      expect(events.map((e) => (e.kind === "text" ? e.text : e.kind))).toEqual([
        "Báo cáo tuần này",
        "Tin thứ hai",
      ]);
      const rows = await db.db.selectFrom("inbound_events").select("status").execute();
      expect(rows.map((r) => r.status)).toEqual(["done", "done"]);
    });

    it("reports a blocked chat as a permanent failure and a rate limit as retryable with its delay", async () => {
      const blocked = h.chat(50);
      if (h.failSends(blocked, "blocked")) {
        const r = await h.adapter.send(blocked, { lang: "vi", parts: [{ text: "Nhắc nộp báo cáo" }] });
        expect(r).toMatchObject({ status: "permanent", reason: "blocked" });
      }
      const limited = h.chat(51);
      const expected = h.failSends(limited, "rate_limited");
      if (expected) {
        const r = await h.adapter.send(limited, { lang: "vi", parts: [{ text: "Nhắc nộp báo cáo" }] });
        expect(r.status).toBe("retryable");
        if (r.status === "retryable" && expected.retryAfterMs !== undefined) {
          expect(r.retryAfterMs).toBe(expected.retryAfterMs);
        }
        // The whole channel must slow down, not only this message (src/outbox/rate-limit.ts).
        expect(r).toMatchObject({ throttled: true });
      }
    });
  });
}
