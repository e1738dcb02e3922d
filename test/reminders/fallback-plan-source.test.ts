/**
 * The fallback with the product's plan source, which reads the database (the stored plan, the
 * `plan.active` setting). SQLite has one connection: a hook that asks such a source for the plan
 * while holding a transaction waits for itself, and the dispatcher never finishes its round.
 * Found end to end (test/e2e/zalo-reminders.test.ts): a Zalo window_closed froze all sending.
 */
import { afterEach, describe, expect, it } from "vitest";
import { activePlanSource } from "../../src/bot/status/plan-source";
import { newId } from "../../src/db/index";
import { loadDemo } from "../../src/org/index";
import { createDispatcher, type Dispatcher } from "../../src/outbox/index";
import { createReminderService } from "../../src/reminders/service";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { log, recordingAdapter } from "./harness";

const vn = (s: string) => new Date(`${s.replace(" ", "T")}:00.000+07:00`);

let db: TestDatabase | undefined;
let dispatcher: Dispatcher | undefined;
afterEach(async () => {
  await dispatcher?.stop();
  await db?.dispose();
  db = dispatcher = undefined;
});

/** Fails the test instead of hanging it when `work` never settles. */
async function within<T>(what: string, work: Promise<T>, ms = 10_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish`)), ms);
  });
  try {
    return await Promise.race([work, stuck]);
  } finally {
    clearTimeout(timer);
  }
}

async function link(d: TestDatabase, personId: string, channel: string, chatId: string, at: Date) {
  await d.db
    .insertInto("channel_links")
    .values({
      id: newId(),
      person_id: personId,
      channel,
      chat_id: chatId,
      platform_user_id: chatId,
      linked_at: at.toISOString(),
      last_interaction_at: at.toISOString(),
      unreachable_at: null,
    })
    .execute();
}

describe("fallback with a plan source that reads the database", () => {
  it("a permanent failure is moved to the next channel without blocking the dispatcher", async () => {
    const now = vn("2026-11-17 09:00");
    db = await createTestDatabase();
    await loadDemo(db.db, now);
    const person = await db.db
      .selectFrom("people")
      .select("id")
      .where("full_name", "=", "Vũ Thị Lan Anh")
      .executeTakeFirstOrThrow();
    await link(db, person.id, "telegram", "t-lananh", vn("2026-11-16 09:00"));
    await link(db, person.id, "zalo-bot", "z-lananh", vn("2026-11-10 09:00"));
    const telegram = recordingAdapter("telegram", () => now);
    const zalo = recordingAdapter("zalo-bot", () => now);
    telegram.fail("t-lananh", { status: "permanent", reason: "blocked" });
    // The product's one plan source: every call reads the `plan.active` setting.
    const shared = activePlanSource({ planRef: "modern", dataDir: db.dir, lang: "vi" });
    const d = db;
    const service = createReminderService({
      db: db.db,
      log,
      channels: ["telegram", "zalo-bot"],
      lang: "vi",
      planSource: async () => {
        const active = await shared(d.db);
        if (!active) throw new Error("no plan");
        return active;
      },
      now: () => now,
    });
    dispatcher = createDispatcher({
      db: db.db,
      adapters: [telegram.adapter, zalo.adapter],
      log,
      now: () => now,
      beforeSend: service.beforeSend,
      onDead: service.onDead,
    });

    await service.tick(now);
    await within("the dispatcher's round", dispatcher.tick());

    const rows = await db.db
      .selectFrom("outbox")
      .select(["channel", "status"])
      .where("person_id", "=", person.id)
      .where("dedupe_key", "like", "reminder:%:DL_MONTHLY:2026-11:%")
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      { channel: "telegram", status: "dead" },
      { channel: "zalo-bot", status: "sent" },
    ]);
    const monthly = zalo.delivered.filter(
      (m) => m.chat.chatId === "z-lananh" && m.text.includes("Báo cáo tháng công tác"),
    );
    expect(monthly).toHaveLength(1);
  });
});
