/**
 * A demo organisation in a real SQLite database, everyone linked on Telegram (fake chat ids), a
 * plan preset with its real calendar, an injected clock, the reminder service and a dispatcher
 * whose adapter records what it was asked to send (the remote side; our code is all real).
 */

import { renderText } from "../../src/channels/render";
import type {
  ChannelAdapter,
  ChannelId,
  ChatRef,
  OutboundMessage,
  SendResult,
} from "../../src/channels/types";
import { newId } from "../../src/db/index";
import type { Plan } from "../../src/domain/plan";
import { translator } from "../../src/i18n/index";
import { createLogger } from "../../src/log";
import { loadDemo } from "../../src/org/index";
import { createDispatcher, type Dispatcher } from "../../src/outbox/index";
import { getPreset, loadCalendar } from "../../src/plan/index";
import { fixedPlanSource } from "../../src/reminders/plan-source";
import { createReminderService, type ReminderService } from "../../src/reminders/service";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

export const log = createLogger("silent");

export interface Delivered {
  readonly at: Date;
  readonly chat: ChatRef;
  readonly text: string;
  readonly message: OutboundMessage;
}

/** Records sends; `fail(chatId, result)` makes sends to that chat fail. */
export function recordingAdapter(id: ChannelId, clock: () => Date) {
  const delivered: Delivered[] = [];
  const failures = new Map<string, SendResult>();
  let n = 0;
  const adapter: ChannelAdapter = {
    id,
    capabilities: {
      maxTextChars: 4096,
      buttons: { maxButtons: 10, maxLabelChars: 64, maxPayloadBytes: 64 },
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
    async send(chat, message) {
      const failure = failures.get(chat.chatId);
      if (failure) return failure;
      delivered.push({ at: clock(), chat, text: renderText(message, translator(message.lang)), message });
      return { status: "sent", platformMessageId: `m${++n}` };
    },
  };
  return { adapter, delivered, fail: (chatId: string, r: SendResult) => failures.set(chatId, r) };
}

export interface Harness {
  readonly db: TestDatabase;
  readonly service: ReminderService;
  readonly dispatcher: Dispatcher;
  readonly telegram: ReturnType<typeof recordingAdapter>;
  readonly zalo: ReturnType<typeof recordingAdapter>;
  /** Person id by full name, and their Telegram chat id. */
  person(fullName: string): { id: string; chatId: string };
  unitId(code: string): Promise<string>;
  setClock(at: Date): void;
  /** One minute of the running system at the current clock: planner, sweepers, dispatcher. */
  step(): Promise<void>;
  submit(unitCode: string, obligationCode: string, periodKey: string, at: Date, nil?: boolean): Promise<void>;
  dispose(): Promise<void>;
}

export async function createHarness(
  planId: string,
  start: Date,
  options: {
    plan?: Plan;
    /** Sends Telegram through this adapter (e.g. the real one on the fake Bot API server). */
    telegramAdapter?: ChannelAdapter;
  } = {},
): Promise<Harness> {
  const db = await createTestDatabase();
  await loadDemo(db.db, start);
  const plan = options.plan ?? getPreset(planId);
  if (!plan) throw new Error(`no preset ${planId}`);
  const calendar = await loadCalendar(plan.calendar);
  if (!calendar.ok) throw new Error("calendar");
  let clock = start;
  const people = await db.db.selectFrom("people").select(["id", "full_name"]).execute();
  const chats = new Map<string, { id: string; chatId: string }>();
  let chatNo = 5000;
  for (const p of people) {
    const chatId = String(chatNo++);
    chats.set(p.full_name, { id: p.id, chatId });
    await db.db
      .insertInto("channel_links")
      .values({
        id: newId(),
        person_id: p.id,
        channel: "telegram",
        chat_id: chatId,
        platform_user_id: chatId,
        linked_at: start.toISOString(),
        last_interaction_at: start.toISOString(),
        unreachable_at: null,
      })
      .execute();
  }
  const telegram = recordingAdapter("telegram", () => clock);
  const zalo = recordingAdapter("zalo-bot", () => clock);
  const service = createReminderService({
    db: db.db,
    log,
    channels: ["telegram", "zalo-bot"],
    lang: "vi",
    planSource: fixedPlanSource({ plan, calendar: calendar.calendar }),
    now: () => clock,
  });
  const dispatcher = createDispatcher({
    db: db.db,
    adapters: [options.telegramAdapter ?? telegram.adapter, zalo.adapter],
    log,
    now: () => clock,
    beforeSend: service.beforeSend,
    onDead: service.onDead,
  });
  const d: Dispatcher = dispatcher;
  return {
    db,
    service,
    dispatcher: d,
    telegram,
    zalo,
    person(fullName) {
      const found = chats.get(fullName);
      if (!found) throw new Error(`no person ${fullName}`);
      return found;
    },
    async unitId(code) {
      const row = await db.db
        .selectFrom("units")
        .select("id")
        .where("code", "=", code)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    setClock(at) {
      clock = at;
    },
    async step() {
      await service.tick(clock);
      await service.wake(clock);
      await service.sweepFallbacks();
      await d.tick();
    },
    async submit(unitCode, obligationCode, periodKey, at, nil = false) {
      const unit = await db.db
        .selectFrom("units")
        .select("id")
        .where("code", "=", unitCode)
        .executeTakeFirstOrThrow();
      const id = newId();
      await db.db
        .insertInto("submissions")
        .values({
          id,
          reference: id.slice(0, 8),
          unit_id: unit.id,
          obligation_code: obligationCode,
          period_key: periodKey,
          form_version: 1,
          answers: "{}",
          nil: nil ? 1 : 0,
          review_state: "submitted",
          revision: 1,
          submitted_by: null,
          submitted_at: at.toISOString(),
          updated_by: null,
          updated_at: at.toISOString(),
          due_at: at.toISOString(),
          late: 0,
          idempotency_key: id,
        })
        .execute();
    },
    async dispose() {
      await d.stop();
      await service.stop();
      await db.dispose();
    },
  };
}

/** Instants in Asia/Ho_Chi_Minh: vn("2026-04-17 09:00"). */
export function vn(local: string): Date {
  return new Date(`${local.replace(" ", "T")}:00+07:00`);
}
