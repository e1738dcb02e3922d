/**
 * A channel that is down or busy, end to end: the real adapters against the fakes of their
 * platforms (the personal-Zalo session, the Telegram Bot API server), the real dispatcher on a
 * real SQLite database, time injected. Waiting for the channel spends no attempts: a 30-minute
 * disconnection, the hourly recipient ceiling, a network outage longer than 8 retry rounds — every
 * queued message is delivered once, in order, none dead. (Past the maximum wait, the reminder's
 * fallback: test/reminders/channel-outage.test.ts.) A Telegram that hangs (blocked by the ISP) holds
 * at most half the dispatcher's workers, is then paused and probed once at a time, and the other
 * channels' rows leave meanwhile.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramAdapter } from "../../src/channels/telegram/index";
import type { ChannelAdapter, ChannelId } from "../../src/channels/types";
import {
  createZaloPersonalAdapter,
  writeCredentials,
  type ZaloPersonalHealth,
} from "../../src/channels/zalo-personal/index";
import { runCli } from "../../src/cli/run";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/log";
import { createDispatcher, type Dispatcher, enqueueMessage } from "../../src/outbox/index";
import { type Clock, rateLimited } from "../../src/outbox/rate-limit";
import { type FakeTelegramServer, startFakeTelegramServer } from "../fakes/telegram-server";
import { createFakeZaloPersonal, type FakeZaloPersonal } from "../fakes/zalo-personal";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { scriptedAdapter } from "./scripted-adapter";

const log = createLogger("silent");
const T0 = new Date("2026-11-24T02:00:00.000Z"); // Tuesday 09:00 in Hà Nội
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The rate limiter on the dispatcher's clock (channel pauses are in that time); rates never wait. */
const limiterClock: Clock = { now: () => clock.getTime(), sleep: async () => undefined };
const UNPACED = { maxPerSecond: 10_000, maxPerChatPerSecond: 10_000 };

let db: TestDatabase;
let clock: Date;
let dispatcher: Dispatcher | undefined;
let adapter: ChannelAdapter | undefined;

beforeEach(async () => {
  db = await createTestDatabase();
  clock = T0;
});
afterEach(async () => {
  await dispatcher?.stop();
  await adapter?.stop();
  dispatcher = undefined;
  adapter = undefined;
  await db.dispose();
});

const rows = () =>
  db.db
    .selectFrom("outbox")
    .select(["id", "chat_id", "status", "attempts", "last_error", "channel_wait_since", "sent_at"])
    .orderBy("id")
    .execute();

/** Two messages to each chat, interleaved (chat order must hold within each chat). */
async function queueFor(channel: ChannelId, chats: readonly string[], perChat = 2): Promise<string[]> {
  const texts: string[] = [];
  for (let n = 1; n <= perChat; n++) {
    for (const chatId of chats) {
      const text = `Nhắc nộp báo cáo #${n} cho ${chatId}`;
      texts.push(text);
      await enqueueMessage(db.db, {
        chat: { channel, chatId },
        message: { lang: "vi", parts: [{ text }] },
        kind: "reminder",
        now: clock,
      });
    }
  }
  return texts;
}

/**
 * Runs rounds at the current time; when nothing is due, moves the clock on to the next retry, up
 * to `until`. Returns how many sends were attempted.
 */
async function runUntil(until: Date): Promise<number> {
  let attempted = 0;
  for (let i = 0; i < 5_000; i++) {
    if (!dispatcher) throw new Error("no dispatcher");
    const n = await dispatcher.tick();
    attempted += n;
    if (n > 0) continue;
    const next = await db.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.min("not_before").as("at"))
      .where("status", "in", ["pending", "failed"])
      .where("not_before", ">", clock.toISOString())
      .executeTakeFirst();
    if (!next?.at || new Date(next.at) > until) {
      clock = until;
      return attempted + (await dispatcher.tick());
    }
    clock = new Date(next.at);
  }
  throw new Error("too many rounds");
}

async function outboxList(status: string): Promise<string[]> {
  const out: string[] = [];
  const code = await runCli(["outbox", "list", "--status", status], {
    env: { DATABASE_URL: path.join(db.dir, "baocao.db"), DATA_DIR: db.dir },
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    now: () => clock,
  });
  expect(code, out.join("\n")).toBe(0);
  return out;
}

describe("zalo-personal: a disconnection and the hourly ceiling spend no attempts", () => {
  let fake: FakeZaloPersonal;
  let healths: ZaloPersonalHealth[];

  async function startPersonal(env: Record<string, string> = {}) {
    fake = createFakeZaloPersonal();
    healths = [];
    const config = loadConfig(
      { ZALO_PERSONAL_ENABLED: "true", ZALO_PERSONAL_SEND_INTERVAL_SECONDS: "0", DATA_DIR: db.dir, ...env },
      db.dir,
    ).zaloPersonal;
    if (!config) throw new Error("not enabled");
    await writeCredentials(path.join(db.dir, "zalo-personal", "credentials.json"), fake.validCredentials);
    adapter = createZaloPersonalAdapter(config, {
      login: fake,
      reconnectBaseMs: 5,
      now: () => clock,
      onHealth: (h) => void healths.push(h),
    });
    await adapter.start(async () => undefined);
    await connected();
    dispatcher = createDispatcher({ db: db.db, adapters: [adapter], log, now: () => clock });
  }
  async function connected() {
    for (let i = 0; i < 500 && healths.at(-1)?.state !== "connected"; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(healths.at(-1)?.state).toBe("connected");
  }

  it("30 minutes disconnected, then reconnected: every queued message leaves once, in order, none dead", async () => {
    await startPersonal();
    const chats = ["7000000000000001", "7000000000000002", "7000000000000003"];
    const release = fake.holdLogins();
    fake.drop(1006);
    const texts = await queueFor("zalo-personal", chats);

    // One try a minute for 30 minutes: far more than the 8 attempts a message is allowed.
    for (let minute = 0; minute <= 30; minute++) {
      clock = new Date(T0.getTime() + minute * MINUTE);
      await dispatcher?.tick();
    }
    const waiting = await rows();
    expect(waiting.filter((r) => r.status === "failed")).toHaveLength(chats.length);
    expect(waiting.filter((r) => r.status === "pending")).toHaveLength(chats.length);
    expect(waiting.filter((r) => r.status === "failed")).toEqual(
      chats.map(() =>
        expect.objectContaining({
          attempts: 0,
          last_error: "zalo-personal not connected",
          channel_wait_since: T0.toISOString(),
        }),
      ),
    );
    expect(fake.sent).toEqual([]);
    // The office sees why they wait, and since when.
    const listed = await outboxList("failed");
    expect(
      listed.filter((l) => l.includes("zalo-personal not connected (chờ kênh từ 24/11/2026 09:00)")),
    ).toHaveLength(chats.length);

    release();
    await connected();
    await runUntil(new Date(clock.getTime() + 5 * MINUTE));
    const after = await rows();
    expect(after.map((r) => r.status)).toEqual(texts.map(() => "sent"));
    expect(after.map((r) => r.attempts)).toEqual(texts.map(() => 1));
    expect(fake.sent.map((s) => s.text).sort()).toEqual([...texts].sort());
    for (const chatId of chats)
      expect(fake.sent.filter((s) => s.threadId === chatId).map((s) => s.text)).toEqual([
        `Nhắc nộp báo cáo #1 cho ${chatId}`,
        `Nhắc nộp báo cáo #2 cho ${chatId}`,
      ]);
  });

  it("seven people and a ceiling of two an hour: all delivered over the hours, never more than two people in an hour", async () => {
    await startPersonal({ ZALO_PERSONAL_MAX_RECIPIENTS_PER_HOUR: "2" });
    const chats = Array.from({ length: 7 }, (_, i) => `70000000000001${i}`);
    const texts = await queueFor("zalo-personal", chats, 1);
    const sentAt = new Map<string, Date>();
    let seen = 0;
    for (let hour = 0; hour <= 4; hour++) {
      await runUntil(new Date(T0.getTime() + hour * HOUR));
      for (const s of fake.sent.slice(seen)) sentAt.set(s.threadId, clock);
      seen = fake.sent.length;
    }
    const after = await rows();
    expect(after.map((r) => r.status)).toEqual(texts.map(() => "sent"));
    expect(after.map((r) => r.attempts)).toEqual(texts.map(() => 1));
    expect(fake.sent.map((s) => s.text).sort()).toEqual([...texts].sort());
    // Two people per hour: 09:00, 10:00, 11:00, and the seventh at 12:00.
    const perHour = [0, 1, 2, 3].map(
      (h) => [...sentAt.values()].filter((at) => at.getTime() === T0.getTime() + h * HOUR).length,
    );
    expect(perHour).toEqual([2, 2, 2, 1]);
  });
});

describe("telegram: a network outage longer than 8 retry rounds", () => {
  let fake: FakeTelegramServer;
  afterEach(async () => {
    await fake.close();
  });

  it("the Bot API unreachable for 40 minutes, then back: every queued message leaves once, in order, none dead", async () => {
    fake = await startFakeTelegramServer();
    const telegram = createTelegramAdapter(
      { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: undefined, webhookSecret: undefined },
      { log },
    );
    // As wired in production, with rates high enough that the test does not wait for slots.
    adapter = rateLimited(telegram, { clock: limiterClock, overrides: { telegram: UNPACED } });
    dispatcher = createDispatcher({ db: db.db, adapters: [adapter], log, now: () => clock });
    const chats = ["100001", "100002", "100003", "100004"];
    await fake.goOffline();
    const texts = await queueFor("telegram", chats);

    const tries = await runUntil(new Date(T0.getTime() + 40 * MINUTE));
    expect(fake.calls).toEqual([]); // every connection refused
    // Retries every 5 s at first, then less and less often, at most 5 minutes apart.
    expect(tries / chats.length).toBeGreaterThan(8 * 2);
    const waiting = await rows();
    expect(waiting.filter((r) => r.status === "dead")).toEqual([]);
    expect(waiting.filter((r) => r.status === "failed")).toEqual(
      chats.map(() =>
        expect.objectContaining({
          attempts: 0,
          // The probe's own answer, or the rows handed back while the channel is paused.
          last_error: expect.stringContaining("network: ECONNREFUSED"),
          channel_wait_since: T0.toISOString(),
        }),
      ),
    );

    await fake.goOnline();
    // The channel's pause (at most 5 min), its probe, and the rows following it 5 s later.
    await runUntil(new Date(clock.getTime() + 6 * MINUTE));
    const after = await rows();
    expect(after.map((r) => r.status)).toEqual(texts.map(() => "sent"));
    expect(after.map((r) => r.attempts)).toEqual(texts.map(() => 1));
    expect(fake.sent.map((m) => m.text).sort()).toEqual([...texts].sort());
    for (const chatId of chats)
      expect(fake.sentTo(chatId).map((m) => m.text)).toEqual([
        `Nhắc nộp báo cáo #1 cho ${chatId}`,
        `Nhắc nộp báo cáo #2 cho ${chatId}`,
      ]);
  });
});

describe("telegram hanging (blocked by the ISP): the other channels are not held up", () => {
  let fake: FakeTelegramServer;
  afterEach(async () => {
    await fake.close();
  });

  it("web rows queued with a Telegram wave leave at once; Telegram is paused, probed once at a time, then delivers everything once", async () => {
    fake = await startFakeTelegramServer();
    fake.hang(true);
    const telegram = createTelegramAdapter(
      // The client gives up after 1 s instead of 60 s.
      {
        token: fake.token,
        apiRoot: fake.apiRoot,
        webhookUrl: undefined,
        webhookSecret: undefined,
        apiTimeoutSeconds: 1,
      },
      { log },
    );
    const web = scriptedAdapter("web");
    const options = { clock: limiterClock, overrides: { telegram: UNPACED, web: UNPACED } };
    adapter = rateLimited(telegram, options);
    // Four workers: at most two of them on one channel.
    dispatcher = createDispatcher({
      db: db.db,
      adapters: [adapter, rateLimited(web, options)],
      log,
      now: () => clock,
      concurrency: 4,
    });
    const tgChats = ["200001", "200002", "200003", "200004", "200005"];
    const texts = await queueFor("telegram", tgChats);
    const webTexts = await queueFor("web", ["w1", "w2", "w3"], 1);

    const round = dispatcher.tick();
    await web.sendsReached(3);
    // Every web reply went out while the Telegram sends were still hanging: none has timed out.
    const during = await rows();
    expect(during.filter((r) => r.status === "failed")).toEqual([]);
    await fake.waitFor((calls) => calls.filter((c) => c.method === "sendMessage").length >= 2);
    await round;

    // Two sends timed out; the channel was then marked down and the other rows handed back unsent.
    expect(fake.callsTo("sendMessage")).toHaveLength(2);
    const afterWave = await rows();
    expect(afterWave.filter((r) => r.status === "dead")).toEqual([]);
    expect(afterWave.filter((r) => r.status === "sent").map((r) => r.chat_id)).toEqual(["w1", "w2", "w3"]);
    expect(afterWave.filter((r) => r.status === "failed")).toEqual(
      tgChats.map(() =>
        expect.objectContaining({ attempts: 0, last_error: expect.stringContaining("network: timeout") }),
      ),
    );
    expect(
      afterWave.filter((r) => r.last_error?.startsWith("telegram unavailable (paused after:")),
    ).toHaveLength(3);

    // Within the pause, a new Telegram row does not reach the platform.
    clock = new Date(T0.getTime() + 2_000);
    await queueFor("telegram", ["200006"], 1);
    await dispatcher.tick();
    expect(fake.callsTo("sendMessage")).toHaveLength(2);

    // The pause over, one probe (which hangs too); the other rows are handed back meanwhile.
    clock = new Date(T0.getTime() + 5_000);
    await dispatcher.tick();
    expect(fake.callsTo("sendMessage")).toHaveLength(3);
    clock = new Date(T0.getTime() + 10_000);
    await dispatcher.tick();
    expect(fake.callsTo("sendMessage")).toHaveLength(3); // paused for 10 s after the failed probe

    // Telegram answers again: everything is delivered, once, in order per chat, with no attempt spent.
    fake.hang(false);
    await runUntil(new Date(T0.getTime() + 10 * MINUTE));
    const after = await rows();
    expect(after.filter((r) => r.status !== "sent")).toEqual([]);
    expect(after.filter((r) => r.attempts !== 1)).toEqual([]);
    expect(fake.sent.map((m) => m.text).sort()).toEqual([...texts, "Nhắc nộp báo cáo #1 cho 200006"].sort());
    for (const chatId of tgChats)
      expect(fake.sentTo(chatId).map((m) => m.text)).toEqual([
        `Nhắc nộp báo cáo #1 cho ${chatId}`,
        `Nhắc nộp báo cáo #2 cho ${chatId}`,
      ]);
    expect(web.sends.map((s) => s.text).sort()).toEqual([...webTexts].sort());
  });
});
