/**
 * Inbound events through the real path on SQLite: the inbound pipeline (dedupe INSERT, per-chat
 * queue, finish UPDATE, batched under load) and a handler, with 500 linked people, one school
 * each, each in their own Telegram chat. Two handlers:
 *  - "bot /trangthai": the real bot (createBotHandler: chat → person → roles → units, /trangthai
 *    computed from the plan, reply queued in the outbox, one transaction) — the figure;
 *  - "lookup + reply": the smallest realistic handler (find the chat's link, queue a reply in a
 *    transaction), which shows what the pipeline itself costs.
 * Two figures each:
 *  - throughput: all 500 chats at once, each sending its next event as soon as the previous one
 *    is handled (500 events always in flight), reported as ms per 1,000 events (target ≤ 1,000 ms,
 *    i.e. ≥ 1,000 events/s);
 *  - latency: events arriving at 1,000/s spread over the 500 chats (each chat every 0.5 s), p50/p99
 *    from the sink call to the end of handling (target p99 < 25 ms). With 500 events always in
 *    flight latency is just 500 ÷ throughput (Little's law), so it is measured at the target load.
 */
import { reportFlowNotEnabled } from "../../src/bot/conversation";
import { createBotHandler } from "../../src/bot/handler";
import { createStatusReporter } from "../../src/bot/status/reporter";
import type { InboundEvent } from "../../src/channels/types";
import { findLinkByChat, linkChat } from "../../src/db/channel-links";
import type { Db } from "../../src/db/index";
import { createInboundPipeline } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { enqueueMessage } from "../../src/outbox/index";
import { CALENDAR, NOW, PLAN } from "../bot/fixtures";
import { createTestDatabase } from "../helpers/db";
import type { Bench, BenchResult } from "./types";

const CHATS = 500;
const EVENTS_PER_CHAT = 10;
const ARRIVALS_PER_SECOND = 1_000;
const LATENCY_SECONDS = 3;
const THROUGHPUT_TARGET_EVENTS_PER_SECOND = 1_000;
const P99_TARGET_MS = 25;

async function seed(db: Db): Promise<void> {
  const at = "2026-01-01T00:00:00.000Z";
  const base = {
    short_name: null,
    reports_to_id: null,
    valid_from: null,
    valid_to: null,
    phone: null,
    email: null,
  };
  await db
    .insertInto("units")
    .values({
      ...base,
      id: "so",
      code: "SO",
      name: "Sở GD&ĐT",
      kind: "so",
      levels: "",
      parent_id: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (let i = 0; i < CHATS; i++) {
    await db
      .insertInto("units")
      .values({
        ...base,
        id: `u${i}`,
        code: `TH${i}`,
        name: `Trường Tiểu học số ${i}`,
        kind: "school",
        levels: "th",
        parent_id: "so",
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto("people")
      .values({
        id: `p${i}`,
        full_name: `Người ${i}`,
        phone: null,
        email: null,
        address_as: "co",
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto("memberships")
      .values({
        id: `m${i}`,
        person_id: `p${i}`,
        unit_id: `u${i}`,
        role: "comms",
        valid_from: null,
        valid_to: null,
        created_at: at,
      })
      .execute();
    const chatId = String(5_000_000_000 + i);
    await linkChat(db, {
      personId: `p${i}`,
      channel: "telegram",
      chatId,
      platformUserId: chatId,
      at: new Date(at),
    });
  }
}

interface Setup {
  readonly sink: (e: InboundEvent) => Promise<void>;
  /** Resolves when the event with this platform id has been handled. */
  handled(platformId: string): Promise<void>;
  readonly dispose: () => Promise<void>;
}

type HandlerKind = "bot" | "lookup";

async function setUp(kind: HandlerKind): Promise<Setup> {
  const db = await createTestDatabase();
  await seed(db.db);
  const log = createLogger("silent");
  // "lookup": the smallest realistic handler (find the chat's link, queue a reply) to show the
  // pipeline's own cost next to the real bot's.
  const lookup = async (event: InboundEvent) => {
    await db.db.transaction().execute(async (trx) => {
      const link = await findLinkByChat(trx, event.channel, event.chat.chatId);
      if (!link) throw new Error("unlinked chat in the bench");
      await enqueueMessage(trx, {
        chat: event.chat,
        personId: link.personId,
        kind: "reply",
        now: NOW,
        message: {
          lang: "vi",
          parts: [{ key: "bot:status.noPlan", params: { title: "Cô", contact: "VP" } }],
        },
      });
    });
  };
  const bot = createBotHandler({
    db: db.db,
    config: { lang: "vi", officeContact: "Văn phòng Sở", sessionSecret: undefined },
    log,
    dispatcher: { kick() {} },
    conversation: reportFlowNotEnabled,
    status: createStatusReporter({ lang: "vi", plan: async () => ({ plan: PLAN, calendar: CALENDAR }) }),
    now: () => NOW,
  });
  const waiting = new Map<string, () => void>();
  const pipeline = createInboundPipeline({
    db: db.db,
    log,
    handler: async (event) => {
      await (kind === "bot" ? bot(event) : lookup(event));
      waiting.get(event.platformId)?.();
      waiting.delete(event.platformId);
    },
  });
  return {
    sink: pipeline.sink,
    handled: (id) => new Promise((resolve) => waiting.set(id, resolve)),
    async dispose() {
      await pipeline.drain();
      const queued = await db.db
        .selectFrom("outbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirst();
      if (Number(queued?.n ?? 0) === 0)
        throw new Error("the handler queued no replies: not a real /trangthai");
      await db.dispose();
    },
  };
}

let seq = 0;
function statusEvent(i: number): InboundEvent {
  const chatId = String(5_000_000_000 + i);
  return {
    channel: "telegram",
    chat: { channel: "telegram", chatId },
    sender: { platformUserId: chatId },
    platformId: `m:${chatId}:${++seq}`,
    receivedAt: new Date(),
    kind: "text",
    text: "/trangthai",
  };
}

/** Sends one event and resolves with its latency (sink call → handled), in ms. */
async function timed(s: Setup, event: InboundEvent): Promise<number> {
  const start = performance.now();
  const done = s.handled(event.platformId);
  await s.sink(event);
  await done;
  return performance.now() - start;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

const LABEL: Record<HandlerKind, string> = { bot: "bot /trangthai", lookup: "lookup + reply" };

const throughputBench = (kind: HandlerKind): Bench => ({
  name: `inbound ${LABEL[kind]}: ${CHATS} chats at once, ms per 1,000 events`,
  async run(): Promise<BenchResult> {
    const s = await setUp(kind);
    // Warm-up: prepared statements, JIT.
    await Promise.all(Array.from({ length: CHATS }, (_, i) => timed(s, statusEvent(i))));
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CHATS }, async (_, i) => {
        for (let k = 0; k < EVENTS_PER_CHAT; k++) await timed(s, statusEvent(i));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = CHATS * EVENTS_PER_CHAT;
    const perSecond = total / seconds;
    const rss = rssMb();
    await s.dispose();
    return {
      value: 1_000_000 / perSecond,
      unit: "ms",
      target: 1_000_000 / THROUGHPUT_TARGET_EVENTS_PER_SECOND,
      note: `${total} events in ${seconds.toFixed(2)} s = ${perSecond.toFixed(0)} events/s (target ≥ ${THROUGHPUT_TARGET_EVENTS_PER_SECOND}); RSS ${rss.toFixed(0)} MB`,
    };
  },
});

const latencyBench = (kind: HandlerKind): Bench => ({
  name: `inbound ${LABEL[kind]}: p99 at ${ARRIVALS_PER_SECOND} events/s over ${CHATS} chats`,
  async run(): Promise<BenchResult> {
    const s = await setUp(kind);
    await Promise.all(Array.from({ length: CHATS }, (_, i) => timed(s, statusEvent(i))));
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    const total = ARRIVALS_PER_SECOND * LATENCY_SECONDS;
    const intervalMs = 1000 / ARRIVALS_PER_SECOND;
    const started = performance.now();
    // Open loop: arrivals follow the clock, whatever the handling time (a slow system queues up).
    for (let n = 0; n < total; n++) {
      const due = started + n * intervalMs;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      pending.push(timed(s, statusEvent(n % CHATS)).then((ms) => void latencies.push(ms)));
    }
    await Promise.all(pending);
    const achieved = total / ((performance.now() - started) / 1000);
    const sorted = [...latencies].sort((a, b) => a - b);
    const rss = rssMb();
    await s.dispose();
    return {
      value: percentile(sorted, 99),
      unit: "ms",
      target: P99_TARGET_MS,
      note: `${total} events offered at ${ARRIVALS_PER_SECOND}/s (achieved ${achieved.toFixed(0)}/s): p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${sorted[sorted.length - 1]?.toFixed(2)} ms; RSS ${rss.toFixed(0)} MB`,
    };
  },
});

export const inboundLookupThroughputBench = throughputBench("lookup");
export const inboundLookupLatencyBench = latencyBench("lookup");
export const inboundBotThroughputBench = throughputBench("bot");
export const inboundBotLatencyBench = latencyBench("bot");
