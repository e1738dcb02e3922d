/**
 * Reminder benchmarks.
 * - Planning: 30,000 units × the modern preset's obligations, at Tue 17/11/2026 09:00 (T−5 of the
 *   monthly report, plus the catch-up of Monday's quota nudge): every message planned and written
 *   in one transaction. Target < 5 s; a second run at the same moment must queue nothing.
 * - Send rate: the real Telegram adapter through the rate limiter and the dispatcher against the
 *   fake Bot API server (429 above 30 messages/s). Measured: how far below the 30/s limit the wave
 *   went, in % (target ≤ 10 %, i.e. ≥ 90 % of the limit), with zero messages lost.
 */
import { createTelegramAdapter } from "../../src/channels/telegram/index";
import { newId } from "../../src/db/index";
import { createLogger } from "../../src/log";
import { createDispatcher, enqueueMessage } from "../../src/outbox/index";
import { rateLimited } from "../../src/outbox/rate-limit";
import { getPreset, loadCalendar } from "../../src/plan/index";
import { fixedPlanSource } from "../../src/reminders/plan-source";
import { createReminderService } from "../../src/reminders/service";
import { startFakeTelegramServer } from "../fakes/telegram-server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import type { Bench } from "./types";

const log = createLogger("silent");
const UNITS = 30_000;
const AT = new Date("2026-11-17T02:00:00.000Z");
const MONDAY = new Date("2026-11-16T02:00:00.000Z");

export async function bigOrganisationForBench(db: TestDatabase): Promise<void> {
  const now = AT.toISOString();
  const units: {
    id: string;
    code: string;
    name: string;
    kind: string;
    levels: string;
    parent_id: string | null;
    reports_to_id: string | null;
  }[] = [
    { id: "so", code: "SO", name: "Sở", kind: "so", levels: "", parent_id: null, reports_to_id: null },
    {
      id: "vp",
      code: "VP",
      name: "Văn phòng Sở",
      kind: "office",
      levels: "",
      parent_id: "so",
      reports_to_id: null,
    },
  ];
  for (let i = 0; i < 300; i++)
    units.push({
      id: `xa${i}`,
      code: `XA${i}`,
      name: `Phòng VH-XH xã ${i}`,
      kind: "commune_office",
      levels: "",
      parent_id: null,
      reports_to_id: "so",
    });
  for (let i = 0; i < UNITS; i++)
    units.push({
      id: `tr${i}`,
      code: `TR${i}`,
      name: `Trường Tiểu học số ${i}`,
      kind: "school",
      levels: "th",
      parent_id: `xa${i % 300}`,
      reports_to_id: "so",
    });
  const people: { id: string; full_name: string; unit: string; role: string }[] = [
    { id: "vp1", full_name: "Lê Thị Mai", unit: "vp", role: "office_staff" },
  ];
  for (let i = 0; i < UNITS; i++) {
    people.push({ id: `h${i}`, full_name: `Nguyễn Văn Hiệu ${i}`, unit: `tr${i}`, role: "head" });
    people.push({ id: `c${i}`, full_name: `Trần Thị Lan ${i}`, unit: `tr${i}`, role: "comms" });
  }
  await db.db.transaction().execute(async (trx) => {
    for (let i = 0; i < units.length; i += 500)
      await trx
        .insertInto("units")
        .values(
          units.slice(i, i + 500).map((u) => ({
            ...u,
            short_name: null,
            valid_from: null,
            valid_to: null,
            phone: null,
            email: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    for (let i = 0; i < people.length; i += 500) {
      const chunk = people.slice(i, i + 500);
      await trx
        .insertInto("people")
        .values(
          chunk.map((p) => ({
            id: p.id,
            full_name: p.full_name,
            phone: null,
            email: null,
            address_as: "co",
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto("memberships")
        .values(
          chunk.map((p) => ({
            id: newId(),
            person_id: p.id,
            unit_id: p.unit,
            role: p.role,
            valid_from: null,
            valid_to: null,
            created_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto("channel_links")
        .values(
          chunk.map((p, j) => ({
            id: newId(),
            person_id: p.id,
            channel: "telegram",
            chat_id: String(i + j + 1),
            platform_user_id: String(i + j + 1),
            linked_at: now,
            last_interaction_at: now,
            unreachable_at: null,
          })),
        )
        .execute();
    }
  });
}

export const remindersPlanningBench: Bench = {
  name: "reminders: plan 30,000 units (modern preset)",
  async run() {
    const db = await createTestDatabase();
    try {
      await bigOrganisationForBench(db);
      const plan = getPreset("modern");
      const calendar = await loadCalendar("vn");
      if (!plan || !calendar.ok) throw new Error("modern preset or vn calendar missing");
      const service = createReminderService({
        db: db.db,
        log,
        channels: ["telegram"],
        lang: "vi",
        planSource: fixedPlanSource({ plan, calendar: calendar.calendar }),
        now: () => AT,
      });
      // Monday 16/11 (weekly digests of 300 commune offices, quota nudges) as it happens, then the
      // measured tick: Tuesday's T−5 of the monthly report, for every school.
      const mondayStarted = performance.now();
      const monday = await service.tick(MONDAY);
      const mondayMs = performance.now() - mondayStarted;
      const started = performance.now();
      const first = await service.tick(AT);
      const ms = performance.now() - started;
      const again = await service.tick(AT);
      if (again.queued !== 0) throw new Error(`the second run queued ${again.queued} messages`);
      return {
        value: ms / 1000,
        unit: "s",
        target: 5,
        note: `${first.queued} messages queued in ${first.steps} step(s); a second run queued ${again.queued}. Monday's tick (weekly digests + quota nudges): ${monday.queued} messages in ${(mondayMs / 1000).toFixed(1)} s`,
      };
    } finally {
      await db.dispose();
    }
  },
};

const WAVE = 600;

/** Polls the fake server (its waitFor runs before a send is recorded, so it misses the last one). */
export async function delivered(
  fake: { sent: readonly unknown[] },
  n: number,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (fake.sent.length < n) {
    if (Date.now() > until) throw new Error(`only ${fake.sent.length} of ${n} messages arrived`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const LIMIT_PER_SECOND = 30;

export const remindersSendRateBench: Bench = {
  name: "reminders: send rate shortfall vs 30/s",
  async run() {
    const fake = await startFakeTelegramServer();
    fake.rateLimit({ maxPerSecond: LIMIT_PER_SECOND, retryAfterSeconds: 1 });
    const db = await createTestDatabase();
    try {
      await db.db.transaction().execute(async (trx) => {
        for (let i = 0; i < WAVE; i++)
          await enqueueMessage(trx, {
            chat: { channel: "telegram", chatId: String(10_000 + i) },
            message: { lang: "vi", parts: [{ text: `nhắc #${i}` }] },
            kind: "reminder",
            now: AT,
          });
      });
      const adapter = rateLimited(
        createTelegramAdapter(
          { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: undefined, webhookSecret: undefined },
          { log },
        ),
      );
      const dispatcher = createDispatcher({ db: db.db, adapters: [adapter], log, pollIntervalMs: 200 });
      const started = performance.now();
      await dispatcher.start();
      await delivered(fake, WAVE, 120_000);
      const seconds = (performance.now() - started) / 1000;
      await dispatcher.stop();
      const unique = new Set(fake.sent.map((m) => m.text)).size;
      if (unique !== WAVE) throw new Error(`${WAVE - unique} messages lost`);
      const rate = WAVE / seconds;
      const refused = fake.callsTo("sendMessage").length - fake.sent.length;
      return {
        value: Math.max(0, (1 - rate / LIMIT_PER_SECOND) * 100),
        unit: "%",
        target: 10,
        note: `${rate.toFixed(1)} messages/s of ${LIMIT_PER_SECOND} allowed; ${WAVE} delivered, 0 lost, ${fake.sent.length - unique} duplicates, ${refused} refused with 429`,
      };
    } finally {
      await fake.close();
      await db.dispose();
    }
  },
};
