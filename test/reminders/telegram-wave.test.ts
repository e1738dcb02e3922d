/**
 * Waves of reminders against the fake Telegram Bot API server, which answers 429 with retry_after
 * once more than 30 messages arrive within a second (Telegram's bulk limit). The real adapter,
 * the rate limiter from its capabilities, and the dispatcher; nothing of ours is faked.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramAdapter } from "../../src/channels/telegram/index";
import { createDispatcher, enqueueMessage } from "../../src/outbox/index";
import { rateLimited } from "../../src/outbox/rate-limit";
import { delivered } from "../bench/reminders.bench";
import { type FakeTelegramServer, startFakeTelegramServer } from "../fakes/telegram-server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { log } from "./harness";

const T0 = new Date("2026-11-17T02:00:00.000Z");

async function queueWave(db: TestDatabase, rows: number, chats: number) {
  await db.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows; i++) {
      await enqueueMessage(trx, {
        chat: { channel: "telegram", chatId: String(100_000 + (i % chats)) },
        message: { lang: "vi", parts: [{ text: `nhắc #${i}` }] },
        kind: "reminder",
        now: T0,
        dedupeKey: `wave:${i}`,
      });
    }
  });
}

function tooManyRequests(fake: FakeTelegramServer): number {
  return fake.callsTo("sendMessage").length - fake.sent.length;
}

function duplicates(fake: FakeTelegramServer): number {
  return fake.sent.length - new Set(fake.sent.map((m) => m.text)).size;
}

describe("telegram waves", () => {
  let fake: FakeTelegramServer;
  let db: TestDatabase;
  afterEach(async () => {
    await fake.close();
    await db.dispose();
  });

  it("a wave of 3,000 reminders is delivered completely, once each, close to the rate limit", async () => {
    fake = await startFakeTelegramServer();
    fake.rateLimit({ maxPerSecond: 30, retryAfterSeconds: 1 });
    db = await createTestDatabase();
    await queueWave(db, 3000, 1500);
    const adapter = rateLimited(
      createTelegramAdapter(
        { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: undefined, webhookSecret: undefined },
        { log },
      ),
    );
    const dispatcher = createDispatcher({ db: db.db, adapters: [adapter], log, pollIntervalMs: 200 });
    await dispatcher.start();
    await delivered(fake, 3000, 280_000);
    await dispatcher.stop();
    expect(new Set(fake.sent.map((m) => m.text)).size).toBe(3000);
    expect(duplicates(fake)).toBe(0);
    const statuses = await db.db.selectFrom("outbox").select("status").distinct().execute();
    expect(statuses).toEqual([{ status: "sent" }]);
    // The limiter keeps under the platform's limit: almost no send is refused (without it, most
    // of a wave sent by 16 workers would be). Jitter of a loaded test machine allows a few.
    expect(tooManyRequests(fake)).toBeLessThanOrEqual(90);
    // Two messages to the same chat keep their order.
    const chat = fake.sentTo("100007").map((m) => m.text);
    expect(chat).toEqual(["nhắc #7", "nhắc #1507"]);
  }, 330_000);

  it("a dispatcher killed mid-wave (SIGKILL) and restarted loses nothing; duplicates only for rows in flight", async () => {
    fake = await startFakeTelegramServer();
    fake.rateLimit({ maxPerSecond: 30, retryAfterSeconds: 1 });
    db = await createTestDatabase();
    await queueWave(db, 400, 400);
    const file = path.join(db.dir, "baocao.db");
    const script = path.resolve(import.meta.dirname, "fixtures/dispatcher-child.ts");
    const run = () => {
      const child = spawn(process.execPath, ["--import", "tsx", script, file, fake.apiRoot, fake.token], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (b: Buffer) => {
        out += b.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      return { child, exited, output: () => out };
    };
    const first = run();
    await fake.waitFor(() => fake.sent.length >= 120, 60_000);
    first.child.kill("SIGKILL");
    await first.exited;
    const inFlight = await db.db.selectFrom("outbox").select("id").where("status", "=", "sending").execute();
    const sentBefore = fake.sent.length;
    expect(sentBefore).toBeLessThan(400);

    const second = run();
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain("idle");
    const rows = await db.db.selectFrom("outbox").select(["status"]).execute();
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(new Set(fake.sent.map((m) => m.text)).size).toBe(400);
    expect(duplicates(fake)).toBeLessThanOrEqual(inFlight.length);
  }, 120_000);
});
