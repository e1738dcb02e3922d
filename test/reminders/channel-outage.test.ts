/**
 * Reminders while Telegram cannot be reached (the real adapter against the fake Bot API server,
 * taken offline): the rows wait for the channel without spending attempts; back within the
 * dispatcher's maximum wait (6 h), the reminder leaves on Telegram, once; down for longer, the row
 * is dead with "channel unavailable for 6 h: …" and the same reminder goes to the person's other
 * linked channel, once (invariant 6), while her Telegram chat is not marked unreachable.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramAdapter } from "../../src/channels/telegram/index";
import { newId } from "../../src/db/index";
import { OUTBOX_MAX_CHANNEL_WAIT_MS } from "../../src/outbox/index";
import { type FakeTelegramServer, startFakeTelegramServer } from "../fakes/telegram-server";
import { createHarness, type Harness, log, vn } from "./harness";

const START = vn("2026-11-17 09:00"); // T−5 of DL_MONTHLY (due Tue 24/11)
const REPORT = "Báo cáo tháng công tác";

let fake: FakeTelegramServer;
let h: Harness;
let clock: Date;

beforeEach(async () => {
  fake = await startFakeTelegramServer();
  const telegramAdapter = createTelegramAdapter(
    { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: undefined, webhookSecret: undefined },
    { log },
  );
  h = await createHarness("modern", START, { telegramAdapter });
  clock = START;
  // Cô Lan Anh also has the Zalo Bot (linked earlier, so Telegram stays her first channel).
  await h.db.db
    .insertInto("channel_links")
    .values({
      id: newId(),
      person_id: h.person("Vũ Thị Lan Anh").id,
      channel: "zalo-bot",
      chat_id: "z-lananh",
      platform_user_id: "z-lananh",
      linked_at: vn("2026-11-01 08:00").toISOString(),
      last_interaction_at: null,
      unreachable_at: null,
    })
    .execute();
});
afterEach(async () => {
  await h.dispose();
  await fake.close();
});

/** Dispatcher rounds, the clock moving on to each next retry, up to `until`. */
async function sendUntil(until: Date): Promise<void> {
  for (let i = 0; i < 5_000; i++) {
    if ((await h.dispatcher.tick()) > 0) continue;
    const next = await h.db.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.min("not_before").as("at"))
      .where("status", "in", ["pending", "failed"])
      .where("not_before", ">", clock.toISOString())
      .executeTakeFirst();
    clock = next?.at && new Date(next.at) <= until ? new Date(next.at) : until;
    h.setClock(clock);
    if (clock === until) {
      await h.step();
      return;
    }
  }
  throw new Error("too many rounds");
}

const lanAnhMonthly = () =>
  h.db.db
    .selectFrom("outbox as o")
    .innerJoin("reminder_messages as r", "r.outbox_id", "o.id")
    .select(["o.channel", "o.status", "o.attempts", "o.last_error", "o.channel_wait_since"])
    .where("o.person_id", "=", h.person("Vũ Thị Lan Anh").id)
    .where("r.obligation_code", "=", "DL_MONTHLY")
    .orderBy("o.id")
    .execute();

const viaZalo = () => h.zalo.delivered.filter((d) => d.chat.chatId === "z-lananh" && d.text.includes(REPORT));

describe("reminders while Telegram is unreachable", () => {
  it("back within the maximum wait: the reminder leaves on Telegram, once, and nothing falls back", async () => {
    await fake.goOffline();
    await h.step();
    await sendUntil(vn("2026-11-17 11:00"));
    expect(await lanAnhMonthly()).toEqual([
      {
        channel: "telegram",
        status: "failed",
        attempts: 0,
        last_error: "network: ECONNREFUSED",
        channel_wait_since: START.toISOString(),
      },
    ]);
    await fake.goOnline();
    await sendUntil(vn("2026-11-17 11:10"));
    expect(await lanAnhMonthly()).toMatchObject([{ channel: "telegram", status: "sent", attempts: 1 }]);
    const toHer = fake.sentTo(h.person("Vũ Thị Lan Anh").chatId).filter((m) => m.text.includes(REPORT));
    expect(toHer).toHaveLength(1);
    expect(viaZalo()).toEqual([]);
    const dead = await h.db.db.selectFrom("outbox").select("id").where("status", "=", "dead").execute();
    expect(dead).toEqual([]);
  });

  it("down for longer: dead with the reason after 6 h, and the same reminder goes to her Zalo Bot, once", async () => {
    await fake.goOffline();
    await h.step();
    await sendUntil(new Date(START.getTime() + OUTBOX_MAX_CHANNEL_WAIT_MS - 60_000));
    expect(await lanAnhMonthly()).toMatchObject([{ channel: "telegram", status: "failed", attempts: 0 }]);
    expect(viaZalo()).toEqual([]);

    await sendUntil(new Date(START.getTime() + OUTBOX_MAX_CHANNEL_WAIT_MS + 10 * 60_000));
    const [telegram, zalo, ...more] = await lanAnhMonthly();
    expect(more).toEqual([]);
    expect(telegram).toMatchObject({ channel: "telegram", status: "dead", attempts: 0 });
    expect(telegram?.last_error).toMatch(/^channel unavailable for 6 h( \d+ min)?: network: ECONNREFUSED$/);
    expect(zalo).toMatchObject({ channel: "zalo-bot", status: "sent" });
    expect(viaZalo()).toHaveLength(1);
    expect(viaZalo()[0]?.text).toContain("Kính gửi Cô Anh,");
    expect(fake.sent).toEqual([]);
    // Her Telegram chat is not gone, only unreachable for a while: it stays her channel.
    const link = await h.db.db
      .selectFrom("channel_links")
      .select("unreachable_at")
      .where("person_id", "=", h.person("Vũ Thị Lan Anh").id)
      .where("channel", "=", "telegram")
      .executeTakeFirstOrThrow();
    expect(link.unreachable_at).toBeNull();
    // Later runs change nothing: no second fallback.
    await sendUntil(new Date(clock.getTime() + 60 * 60_000));
    expect(viaZalo()).toHaveLength(1);
  });
});
