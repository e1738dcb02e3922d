/**
 * The conversation runner on SQLite, through the hook and the database as the bot calls it (one
 * transaction per step: load the draft, step, save, queue the reply): 1,000 conversations open at
 * once, steps interleaved round-robin, each completing a 10-question report (start, 10 answers,
 * "Gửi" = 12 steps). Figures: steps/s, completed reports/s, p50/p99 per step, RSS. Then the time
 * of one step at question 1 and at question 40 of a long repeat form (10 articles × 4 questions).
 * Targets: ≥ 1,000 steps/s (≤ 1 ms per step), p99 < 25 ms, question 40 within 1.5× of question 1.
 */

import { buildActor } from "../../src/bot/actor";
import type { ConversationContext, ConversationInput } from "../../src/bot/conversation";
import type { ActivePlan } from "../../src/bot/status/sources";
import { createConversationHook } from "../../src/conversation/runner/index";
import type { Db } from "../../src/db/index";
import type { Form, Obligation, Plan, Question } from "../../src/domain/plan";
import { translator } from "../../src/i18n/index";
import { enqueueMessage } from "../../src/outbox/index";
import { getPreset, loadCalendar } from "../../src/plan/index";
import { createTestDatabase } from "../helpers/db";
import type { Bench } from "./types";

const CONVERSATIONS = 1000;
const STEP_TARGET_MS = 1;
const P99_TARGET_MS = 25;
const LENGTH_TARGET_RATIO = 1.5;
const LONG_SAMPLES = 300;
const NOW = new Date("2026-11-10T03:00:00.000Z");

const tx = (vi: string) => ({ vi });
const TEN: Form = {
  version: 1,
  questions: Array.from(
    { length: 10 },
    (_, i): Question =>
      i % 2 === 0
        ? { id: `so_${i}`, type: "integer", label: tx(`Số liệu ${i}`), min: 0, max: 1000 }
        : { id: `ghi_${i}`, type: "text", label: tx(`Ghi chú ${i}`), max: 200 },
  ),
};
const TEN_ANSWERS = TEN.questions.map((q, i) => (q.type === "integer" ? String(10 + i) : `Nội dung ${i}`));

const LONG: Form = {
  version: 1,
  questions: [
    {
      id: "bai",
      type: "group",
      label: tx("Bài viết đã đăng"),
      min: 1,
      max: 50,
      questions: [
        { id: "tieu_de", type: "text", label: tx("Tiêu đề") },
        { id: "link", type: "url", label: tx("Đường dẫn") },
        { id: "ngay", type: "date", label: tx("Ngày đăng") },
        {
          id: "kenh",
          type: "choice",
          label: tx("Kênh"),
          options: [
            { value: "web", label: tx("Website") },
            { value: "fb", label: tx("Fanpage") },
          ],
        },
      ],
    },
  ],
};
const LONG_ANSWERS = ["Lễ khai giảng năm học mới", "https://thcs.edu.vn/tin/khai-giang", "hôm qua", "1"];

function withForms(plan: Plan): Plan {
  const monthly = plan.obligations.find((o) => o.code === "DL_MONTHLY") as Obligation;
  return {
    ...plan,
    obligations: [
      { ...monthly, form: TEN },
      { ...monthly, code: "LONG_MONTHLY", name: tx("Danh sách bài viết tháng"), form: LONG },
    ],
  };
}

interface Figures {
  readonly stepsPerSecond: number;
  readonly reportsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly rssMb: number;
  readonly q1: number;
  readonly q40: number;
  /** Mean ms of the start, of an answer, of the send. */
  readonly start: number;
  readonly answer: number;
  readonly send: number;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

async function seed(db: Db, count: number): Promise<void> {
  const at = NOW.toISOString();
  const units = Array.from({ length: count }, (_, i) => ({
    id: `u-${i}`,
    code: `TH-${i}`,
    name: `Trường số ${i}`,
    short_name: null,
    kind: "school",
    levels: "thcs",
    parent_id: null,
    reports_to_id: null,
    valid_from: null,
    valid_to: null,
    phone: null,
    email: null,
    created_at: at,
    updated_at: at,
  }));
  const people = units.map((_u, i) => ({
    id: `p-${i}`,
    full_name: `Cán bộ ${i}`,
    phone: null,
    email: null,
    address_as: "co",
    created_at: at,
    updated_at: at,
  }));
  const members = units.map((u, i) => ({
    id: `m-${i}`,
    person_id: `p-${i}`,
    unit_id: u.id,
    role: "comms",
    valid_from: null,
    valid_to: null,
    created_at: at,
  }));
  for (let i = 0; i < count; i += 400) {
    await db
      .insertInto("units")
      .values(units.slice(i, i + 400))
      .execute();
    await db
      .insertInto("people")
      .values(people.slice(i, i + 400))
      .execute();
    await db
      .insertInto("memberships")
      .values(members.slice(i, i + 400))
      .execute();
  }
}

async function measure(): Promise<Figures> {
  const tdb = await createTestDatabase();
  try {
    const base = getPreset("modern") as Plan;
    const calendar = await loadCalendar(base.calendar);
    if (!calendar.ok) throw new Error("calendar");
    const active: ActivePlan = { plan: withForms(base), calendar: calendar.calendar };
    const count = CONVERSATIONS + 2 * LONG_SAMPLES;
    await seed(tdb.db, count);
    const hook = createConversationHook({
      plan: async () => active,
      config: { dataDir: tdb.dir, publicUrl: "https://baocao.example.vn", draftTtlDays: 14 },
      capabilities: () => ({
        maxTextChars: 4096,
        buttons: { maxButtons: 100, maxLabelChars: 64, maxPayloadBytes: 64 },
        filesIn: { maxBytes: 20 * 1024 * 1024 },
        filesOut: null,
        edits: false,
        proactive: {
          allowed: true,
          windowHours: null,
          costly: false,
          maxPerSecond: 30,
          maxPerChatPerSecond: 1,
        },
      }),
    });
    const t = translator("vi");
    const actors = Array.from({ length: count }, (_, i) => {
      const unit = {
        id: `u-${i}`,
        code: `TH-${i}`,
        name: `Trường số ${i}`,
        shortName: null,
        kind: "school" as const,
        levels: ["thcs" as const],
        parentId: null,
        reportsToId: null,
        validFrom: null,
        validTo: null,
      };
      const person = {
        id: `p-${i}`,
        fullName: `Cán bộ ${i}`,
        phone: null,
        email: null,
        addressAs: "co" as const,
      };
      return buildActor(person, [{ personId: person.id, unitId: unit.id, role: "comms" }], [unit]);
    });
    /** One step as the bot handler runs it: one transaction, the reply queued inside it. */
    const stepOf = async (i: number, input: ConversationInput): Promise<number> => {
      const t0 = performance.now();
      await tdb.db.transaction().execute(async (trx) => {
        const chat = { channel: "telegram" as const, chatId: `c-${i}` };
        const ctx: ConversationContext = {
          trx,
          actor: actors[i] as ConversationContext["actor"],
          chat,
          lang: "vi",
          t,
          now: NOW,
          title: "Cô",
          contact: "Văn phòng Sở",
          async reply(message) {
            await enqueueMessage(trx, {
              chat,
              message: { lang: "vi", ...message },
              kind: "reply",
              now: NOW,
              personId: `p-${i}`,
            });
          },
        };
        await hook(ctx, input);
      });
      return performance.now() - t0;
    };

    // 1,000 conversations, interleaved: everyone starts, everyone answers question 1, … everyone sends.
    const inputs: ((i: number) => ConversationInput)[] = [
      (i) => ({ kind: "action", payload: `report:DL_MONTHLY:2026-11:u-${i}` }),
      ...TEN_ANSWERS.map((a) => () => ({ kind: "text" as const, text: a })),
      () => ({ kind: "action", payload: "c:submit" }),
    ];
    const times: number[] = [];
    const t0 = performance.now();
    const byStep: number[] = [];
    for (const input of inputs) {
      const s0 = performance.now();
      for (let i = 0; i < CONVERSATIONS; i++) times.push(await stepOf(i, input(i)));
      byStep.push((performance.now() - s0) / CONVERSATIONS);
    }
    const seconds = (performance.now() - t0) / 1000;
    const reports = await tdb.db
      .selectFrom("submissions")
      .select(tdb.db.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    if (Number(reports.n) !== CONVERSATIONS)
      throw new Error(`expected ${CONVERSATIONS} submissions, got ${reports.n}`);
    times.sort((a, b) => a - b);
    const rssMb = process.memoryUsage().rss / 1024 / 1024;

    // One step at question 1 and at question 40 of the long repeat form.
    const q1: number[] = [];
    const q40: number[] = [];
    for (let k = 0; k < LONG_SAMPLES; k++) {
      const a = CONVERSATIONS + k;
      await stepOf(a, { kind: "action", payload: `report:LONG_MONTHLY:2026-11:u-${a}` });
      q1.push(await stepOf(a, { kind: "text", text: LONG_ANSWERS[0] as string }));
      const b = CONVERSATIONS + LONG_SAMPLES + k;
      await stepOf(b, { kind: "action", payload: `report:LONG_MONTHLY:2026-11:u-${b}` });
      for (let q = 1; q < 40; q++) {
        await stepOf(b, { kind: "text", text: LONG_ANSWERS[(q - 1) % 4] as string });
        if ((q - 1) % 4 === 3) await stepOf(b, { kind: "text", text: "có" });
      }
      q40.push(await stepOf(b, { kind: "text", text: LONG_ANSWERS[0] as string }));
    }
    return {
      stepsPerSecond: times.length / seconds,
      reportsPerSecond: CONVERSATIONS / seconds,
      p50: quantile(times, 0.5),
      p99: quantile(times, 0.99),
      rssMb,
      q1: median(q1),
      q40: median(q40),
      start: byStep[0] as number,
      answer: byStep.slice(1, -1).reduce((a, b) => a + b, 0) / (byStep.length - 2),
      send: byStep.at(-1) as number,
    };
  } finally {
    await tdb.dispose();
  }
}

let cached: Promise<Figures> | undefined;
const figures = () => {
  cached ??= measure();
  return cached;
};

export const runnerThroughputBench: Bench = {
  name: "runner: ms per step, 1,000 conversations on SQLite",
  async run() {
    const f = await figures();
    return {
      value: 1000 / f.stepsPerSecond,
      unit: "ms",
      target: STEP_TARGET_MS,
      note: `${f.stepsPerSecond.toFixed(0)} steps/s, ${f.reportsPerSecond.toFixed(1)} completed 10-question reports/s; p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms per step (mean: start ${f.start.toFixed(2)} ms, answer ${f.answer.toFixed(2)} ms, send ${f.send.toFixed(2)} ms); RSS ${f.rssMb.toFixed(0)} MB`,
    };
  },
};

export const runnerP99Bench: Bench = {
  name: "runner: p99 per step",
  async run() {
    const f = await figures();
    return { value: f.p99, unit: "ms", target: P99_TARGET_MS };
  },
};

export const runnerLengthBench: Bench = {
  name: "runner: step at question 40 / question 1",
  async run() {
    const f = await figures();
    return {
      value: f.q40 / f.q1,
      unit: "×",
      target: LENGTH_TARGET_RATIO,
      note: `question 1: ${f.q1.toFixed(3)} ms; question 40: ${f.q40.toFixed(3)} ms (median of ${LONG_SAMPLES}, hook + database)`,
    };
  },
};
