/**
 * Inbound events through the real path on SQLite: the inbound pipeline (dedupe INSERT, per-chat
 * queue, batched under load) and a handler, on a demo-like organisation: the demo province
 * (loadDemo) grown to 560 units with the real writers (upsertUnits, upsertPeople), 500 people
 * linked in 500 Telegram chats: 480 school officers, 15 cluster heads (each overseeing ~30
 * schools) and 5 Văn phòng staff (counts over every unit). Two handlers:
 *  - "bot /trangthai": the real bot (createBotHandler: chat → person → roles → units, /trangthai
 *    computed from the plan in force — the modern preset and its shipped calendar, through the
 *    production plan source — reply queued in the outbox and the event marked handled, one
 *    transaction) — the figure;
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
import { activePlanSource } from "../../src/bot/status/plan-source";
import { createStatusReporter } from "../../src/bot/status/reporter";
import type { InboundEvent } from "../../src/channels/types";
import { findLinkByChat, linkChat } from "../../src/db/channel-links";
import { startWalCheckpointer } from "../../src/db/checkpointer";
import {
  type Db,
  listPeople,
  type PersonInput,
  type UnitInput,
  upsertPeople,
  upsertUnits,
} from "../../src/db/index";
import type { SchoolLevel } from "../../src/domain/org";
import { createInboundPipeline, type InboundHandler } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { loadDemo } from "../../src/org/demo";
import { DEMO_UNIT_CODES } from "../../src/org/demo-data";
import { enqueueMessage } from "../../src/outbox/index";
import { NOW, t } from "../bot/fixtures";
import { createTestDatabase } from "../helpers/db";
import type { Bench, BenchResult } from "./types";

const CHATS = 500;
const SCHOOLS = 520;
const CLUSTERS = 15;
const OFFICE_STAFF = 5;
const EVENTS_PER_CHAT = 10;
const ARRIVALS_PER_SECOND = 1_000;
const LATENCY_SECONDS = 3;
const THROUGHPUT_TARGET_EVENTS_PER_SECOND = 1_000;
const P99_TARGET_MS = 25;

const LEVELS: readonly (readonly SchoolLevel[])[] = [
  ["mn"],
  ["th"],
  ["th"],
  ["thcs"],
  ["th", "thcs"],
  ["thpt"],
];
const COMMUNES = [DEMO_UNIT_CODES.communeOfficePhuLam, DEMO_UNIT_CODES.communeOfficeDongThanh];

/** The demo province, grown: 15 more clusters and 520 schools under its two commune offices. */
async function seed(db: Db): Promise<void> {
  await loadDemo(db, NOW);
  const units: UnitInput[] = [];
  for (let c = 0; c < CLUSTERS; c++) {
    units.push({
      code: `CUM-B${c}`,
      name: `Cụm chuyên môn B${c}`,
      kind: "cluster",
      parentCode: DEMO_UNIT_CODES.so,
    });
  }
  for (let i = 0; i < SCHOOLS; i++) {
    const levels = LEVELS[i % LEVELS.length] ?? ["th"];
    units.push({
      code: `TR-B${i}`,
      name: `Trường ${levels.includes("thpt") ? "THPT" : "Tiểu học"} số ${i}`,
      kind: "school",
      levels,
      parentCode: levels.includes("thpt") ? DEMO_UNIT_CODES.so : COMMUNES[i % COMMUNES.length],
      reportsToCode: `CUM-B${i % CLUSTERS}`,
    });
  }
  const people: PersonInput[] = [];
  const phone = (n: number) => `09${String(10_000_000 + n).padStart(8, "0")}`;
  for (let i = 0; i < CHATS - CLUSTERS - OFFICE_STAFF; i++) {
    people.push({
      unitId: `TR-B${i}`,
      fullName: `Nguyễn Thị Cán Bộ ${i}`,
      role: "comms",
      phone: phone(i),
      addressAs: "co",
    });
  }
  for (let c = 0; c < CLUSTERS; c++) {
    people.push({
      unitId: `CUM-B${c}`,
      fullName: `Trần Văn Cụm ${c}`,
      role: "cluster_head",
      phone: phone(1000 + c),
      addressAs: "thay",
    });
  }
  for (let o = 0; o < OFFICE_STAFF; o++) {
    const unitId = DEMO_UNIT_CODES.office;
    people.push({
      unitId,
      fullName: `Lê Văn Phòng ${o}`,
      role: "office_staff",
      phone: phone(2000 + o),
      addressAs: "dong_chi",
    });
  }
  await db.transaction().execute(async (trx) => {
    const { idsByCode } = await upsertUnits(trx, units, NOW);
    const id = (code: string) => idsByCode.get(code) ?? missing(code);
    await upsertPeople(
      trx,
      people.map((p) => ({ ...p, unitId: id(p.unitId) })),
      NOW,
    );
  });
  const byPhone = new Map((await listPeople(db)).map((p) => [p.phone, p.id]));
  for (let i = 0; i < CHATS; i++) {
    const personId = byPhone.get(people[i]?.phone ?? "");
    if (!personId) throw new Error(`bench person ${i} was not created`);
    const chatId = String(5_000_000_000 + i);
    await linkChat(db, { personId, channel: "telegram", chatId, platformUserId: chatId, at: NOW });
  }
}

function missing(code: string): never {
  throw new Error(`bench unit ${code} was not created`);
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
  // As startApp does: WAL checkpoints in a worker thread, not inside a commit.
  const checkpointer = await startWalCheckpointer(db.db, db.location, log);
  // "lookup": the smallest realistic handler (find the chat's link, queue a reply) to show the
  // pipeline's own cost next to the real bot's.
  const lookup: InboundHandler = async (event, receipt) => {
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
      await receipt.markHandled(trx);
    });
  };
  const bot = createBotHandler({
    db: db.db,
    config: { lang: "vi", officeContact: "Văn phòng Sở", sessionSecret: undefined },
    log,
    dispatcher: { kick() {} },
    conversation: reportFlowNotEnabled,
    // The production source: the plan in force (here the default modern preset) and its calendar.
    status: createStatusReporter({
      lang: "vi",
      plan: activePlanSource({ planRef: undefined, dataDir: db.dir, lang: "vi" }),
    }),
    now: () => NOW,
  });
  const waiting = new Map<string, () => void>();
  const pipeline = createInboundPipeline({
    db: db.db,
    log,
    // Telegram has buttons: no numbered-choice lookup, as in the app.
    numberedChoiceChannels: [],
    handler: async (event, receipt) => {
      await (kind === "bot" ? bot(event, receipt) : lookup(event, receipt));
      waiting.get(event.platformId)?.();
      waiting.delete(event.platformId);
    },
  });
  return {
    sink: pipeline.sink,
    handled: (id) => new Promise((resolve) => waiting.set(id, resolve)),
    async dispose() {
      await pipeline.drain();
      const count = async (like: string) => {
        const row = await db.db
          .selectFrom("outbox")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("message", "like", like)
          .executeTakeFirst();
        return Number(row?.n ?? 0);
      };
      if (kind === "bot") {
        // Every kind of asker got a real status; nobody got "no plan", "no unit" or the apology.
        const real = [
          t("bot:status.heading", { unit: "%", month: 11, year: 2026 }).split("%")[0] ?? "",
          "Tổng hợp tháng 11/2026",
          "đơn vị Thầy phụ trách",
        ];
        for (const text of real)
          if ((await count(`%${text}%`)) === 0)
            throw new Error(`no reply contains "${text}": not a real /trangthai`);
        for (const key of ["bot:status.noPlan", "bot:status.noUnits", "common:error.unexpected"]) {
          if ((await count(`%${key}%`)) > 0) throw new Error(`some replies were ${key}`);
        }
      } else if ((await count("%")) === 0) throw new Error("the handler queued no replies");
      await checkpointer.stop();
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
