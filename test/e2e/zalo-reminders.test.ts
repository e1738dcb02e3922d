/**
 * Issue 6 reminders end to end: the assembled product (`startApp`, demo organisation, scheduler
 * off, time injected) plans the modern preset's monthly-report ladder with its reminder service
 * and sends it with its dispatcher through the Zalo OA adapter on the fake Zalo OA server, and
 * the web chat. One comms officer, linked on the web chat and then on the Zalo OA:
 * - T−5 (17/11), 24 h after she wrote to the OA: a free consultation message asking for a tap;
 * - T−2 (20/11), 72 h after her tap: a ZBS template by phone (ZALO_ZBS_TEMPLATE_DUE_SOON);
 * - due day (24/11) with Zalo's ZBS quota used up, and +1 (25/11, type "overdue", no template):
 *   the adapter answers window_closed and the dispatcher moves the very same reminder to her web
 *   chat, once.
 * Assertions read what reached the fake, the web chat (as her browser sees it) and the database.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { translator } from "../../src/i18n/index";
import { DEMO_PHONES } from "../../src/org/demo-data";
import { ChatClient } from "../web/client";
import {
  inviteByCli,
  oaFixture,
  oaTextsTo,
  postOaRaw,
  settle,
  signedBody,
  startZaloProduct,
  until,
  type ZaloProduct,
} from "./zalo-product";

/** Vietnam is UTC+7 all year: 09:00 there is 02:00Z. */
const vn = (day: string, time = "09:00") => new Date(`${day}T${time}:00.000+07:00`);
const USER = "6142494823000000001";
const TEMPLATE_DUE_SOON = "7895417a7d3f9ea7c1a2";
const TEMPLATE_OVERDUE = "5c1e09b4f2a84d6e9b3f";
const t = translator("vi");
const REPORT = "Báo cáo tháng công tác truyền thông và tình hình dư luận";

let p: ZaloProduct | undefined;
afterEach(async () => {
  await p?.stop();
  p = undefined;
});

/** Plans at the clock's time, as the minute job would, and sends what is due. */
async function tickAt(run: ZaloProduct, at: Date): Promise<void> {
  run.clock.now = at;
  await run.app.reminders.tick(at);
  await settle(run);
}

async function postOa(run: ZaloProduct, body: Record<string, unknown>): Promise<void> {
  const { raw, mac } = signedBody(run, body);
  expect((await postOaRaw(run, raw, mac)).status).toBe(200);
  await settle(run);
}

/** The bot's bubbles in her web chat, as her browser reads them. */
async function webTexts(phone: ChatClient): Promise<string[]> {
  const { messages } = await phone.history();
  return messages.flatMap((m) =>
    m.direction === "out" && m.body.kind === "bot" ? [m.body.paragraphs.join("\n\n")] : [],
  );
}

async function cli(run: ZaloProduct, argv: string[]): Promise<string[]> {
  const out: string[] = [];
  const code = await runCli(argv, {
    env: run.env,
    cwd: run.dir,
    now: () => run.clock.now,
    out: (l) => out.push(l),
    err: (l) => out.push(l),
  });
  expect(code, out.join("\n")).toBe(0);
  return out;
}

/** The outbox rows of the monthly report's reminders to her, oldest first. */
async function reminderRows(run: ZaloProduct, step: string) {
  return run.app.db
    .selectFrom("outbox")
    .select(["channel", "status", "last_error", "platform_message_id", "dedupe_key"])
    .where("kind", "=", "reminder")
    .where("dedupe_key", "like", `reminder:%:DL_MONTHLY:2026-11:${step}:%`)
    .orderBy("id")
    .execute();
}

/**
 * Monday 16/11/2026: the product starts with ZALO_ZBS_TEMPLATE_DUE_SOON only; Cô Lan Anh links her
 * web chat at 09:00, then the OA at 09:05 (so the OA, used last, is where reminders go first).
 */
async function linkedOnWebThenOa(
  env: Record<string, string> = {},
): Promise<{ run: ZaloProduct; phone: ChatClient; webBefore: string[] }> {
  p = await startZaloProduct(vn("2026-11-16"), { ZALO_ZBS_TEMPLATE_DUE_SOON: TEMPLATE_DUE_SOON, ...env });
  const run = p;
  // Only the monthly report is followed here: the unit's quotas are exempted (their nudges are
  // tested in test/reminders).
  for (const quota of ["WEEKLY_ARTICLE", "GUONG_DIEN_HINH", "WEB_SO_QUOTA"]) {
    await cli(run, [
      "exemptions",
      "add",
      "THCS-NGUYENDU",
      quota,
      "*",
      "--reason",
      "kiểm thử nhắc báo cáo tháng",
    ]);
  }

  // Monday 16/11 09:00: she links her web chat, then (five minutes later) the OA.
  const phone = new ChatClient(run.url);
  const webCode = await inviteByCli(run, DEMO_PHONES.nguyenDuComms);
  await phone.open(`/chat?code=${encodeURIComponent(webCode)}`);
  expect((await phone.send({ kind: "start", code: webCode })).status).toBe(200);
  await until("the web chat greeting", async () => (await webTexts(phone)).length > 0);
  await settle(run);
  const webBefore = await webTexts(phone);
  expect(webBefore[0]).toMatch(/^Kính chào Cô Anh, Trường THCS Nguyễn Du/);
  run.clock.now = vn("2026-11-16", "09:05");
  const oaCode = await inviteByCli(run, DEMO_PHONES.nguyenDuComms);
  await postOa(run, { ...oaFixture("user_send_text"), message: { text: oaCode, msg_id: "oa-link" } });
  expect(oaTextsTo(run.oa, USER)).toHaveLength(1);
  return { run, phone, webBefore };
}

describe("reminders to a Zalo OA follower, through the assembled product", () => {
  it("inside the 48-hour window a consultation message asking for a tap; outside, a ZBS template; without one, her next channel, once", async () => {
    const { run, phone, webBefore } = await linkedOnWebThenOa();

    // 1. Tuesday 17/11 09:00 (T−5 working days), 24 h after her last message: a free
    //    consultation message, with the tap it asks for as a numbered choice and an OA button.
    await tickAt(run, vn("2026-11-17"));
    const [reminder] = oaTextsTo(run.oa, USER).slice(1);
    expect(oaTextsTo(run.oa, USER)).toHaveLength(2);
    expect(reminder).toMatch(/^Kính gửi Cô Anh,/);
    expect(reminder).toContain(REPORT);
    expect(reminder).toContain("24/11/2026");
    expect(reminder).toContain(t("reminders:tap", { title: "Cô", button: "Làm báo cáo ngay" }));
    expect(reminder).toContain("1. Làm báo cáo ngay");
    const sent = run.oa.sent.at(-1)?.message as {
      attachment?: { payload?: { buttons?: { payload: string }[] } };
    };
    const tap = sent.attachment?.payload?.buttons?.[0]?.payload ?? "";
    expect(tap).toMatch(/^#bc:report:DL_MONTHLY:2026-11:/);
    expect(run.oa.zbs).toEqual([]);
    expect(await reminderRows(run, "b5")).toMatchObject([{ channel: "zalo-oa", status: "sent" }]);

    // She taps it (Zalo delivers the button's payload as a message): the report opens, and her
    // 48-hour window starts again from this tap.
    await postOa(run, {
      ...oaFixture("user_click_button"),
      sender: { id: USER },
      message: { text: tap, msg_id: "oa-tap" },
    });
    expect(oaTextsTo(run.oa, USER).at(-1)).toContain("Câu 1/11");

    // 2. Friday 20/11 09:00 (T−2), 72 h after her tap: a ZBS template by phone, no free text.
    const csBefore = run.oa.sent.length;
    await tickAt(run, vn("2026-11-20"));
    expect(run.oa.sent.length).toBe(csBefore);
    expect(run.oa.zbs).toEqual([
      {
        phone: "84385000122",
        template_id: TEMPLATE_DUE_SOON,
        template_data: {
          unit: "Trường THCS Nguyễn Du",
          report: REPORT,
          period: "tháng 11/2026",
          deadline: "24/11/2026",
        },
        tracking_id: expect.any(String),
      },
    ]);
    const b2 = await reminderRows(run, "b2");
    expect(b2).toMatchObject([{ channel: "zalo-oa", status: "sent" }]);
    expect(b2[0]?.platform_message_id).toMatch(/^zbs:/);
    expect(await webTexts(phone)).toEqual(webBefore);

    // 3. Tuesday 24/11 09:00 (due day): Zalo's ZBS quota is used up (-144) → window_closed → the
    //    same reminder in her web chat, exactly once.
    run.oa.zbsRemaining = 0;
    await tickAt(run, vn("2026-11-24"));
    expect(run.oa.sent.length).toBe(csBefore);
    expect(run.oa.zbs).toHaveLength(1);
    const due = await reminderRows(run, "d");
    expect(due).toMatchObject([
      { channel: "zalo-oa", status: "dead", last_error: expect.stringContaining("permanent:window_closed") },
      { channel: "web", status: "sent" },
    ]);
    const afterDue = (await webTexts(phone)).slice(webBefore.length);
    expect(afterDue).toHaveLength(1);
    expect(afterDue[0]).toMatch(/^Kính gửi Cô Anh,/);
    expect(afterDue[0]).toContain(`Hôm nay, ngày 24/11/2026, là hạn nộp báo cáo «${REPORT}»`);

    // 4. Wednesday 25/11 09:00 (+1, "overdue"): no ZBS template for that type → window_closed →
    //    web chat, once; Zalo is not even asked.
    run.oa.zbsRemaining = 499;
    const callsBefore = run.oa.calls.length;
    await tickAt(run, vn("2026-11-25"));
    expect(run.oa.calls.slice(callsBefore).map((c) => c.path)).toEqual([]);
    expect(await reminderRows(run, "a1")).toMatchObject([
      { channel: "zalo-oa", status: "dead", last_error: expect.stringContaining("permanent:window_closed") },
      { channel: "web", status: "sent" },
    ]);
    const afterOverdue = (await webTexts(phone)).slice(webBefore.length + 1);
    expect(afterOverdue).toHaveLength(1);
    expect(afterOverdue[0]).toContain(`«${REPORT}» (tháng 11/2026) của Trường THCS Nguyễn Du đã quá hạn`);

    // Nothing was lost on the way: she was reachable each time.
    expect(
      await run.app.db
        .selectFrom("reminder_undelivered")
        .selectAll()
        .where("person_id", "=", await personId(run))
        .execute(),
    ).toEqual([]);
    // The OA link stays usable: a closed window is not a gone chat.
    const link = await run.app.db
      .selectFrom("channel_links")
      .select(["unreachable_at", "last_interaction_at"])
      .where("channel", "=", "zalo-oa")
      .executeTakeFirstOrThrow();
    expect(link).toEqual({ unreachable_at: null, last_interaction_at: vn("2026-11-17").toISOString() });
  });

  it("a manual round at 23:00 (--now) outside the window: the ZBS template waits for 06:00, it does not go elsewhere", async () => {
    const { run, phone, webBefore } = await linkedOnWebThenOa({
      ZALO_ZBS_TEMPLATE_OVERDUE: TEMPLATE_OVERDUE,
    });
    // Thursday 19/11 23:00, 86 h after she wrote: the Văn phòng reminds every missing unit now.
    const night = vn("2026-11-19", "23:00");
    run.clock.now = night;
    const round = await run.app.reminders.remindMissing("DL_MONTHLY", "2026-11", {
      ignoreWindow: true,
      at: night,
    });
    expect(round.queued).toBeGreaterThan(0);
    await settle(run);
    // Zalo refuses ZBS at night (-133): not even tried; the row waits for 06:00, nothing elsewhere.
    expect(run.oa.calls.filter((c) => c.path === "zbs")).toEqual([]);
    const rows = () =>
      run.app.db
        .selectFrom("outbox")
        .select(["channel", "status", "not_before"])
        .where("kind", "=", "reminder")
        .where("chat_id", "=", USER)
        .execute();
    expect(await rows()).toEqual([
      { channel: "zalo-oa", status: "failed", not_before: vn("2026-11-20", "06:00").toISOString() },
    ]);
    expect(await webTexts(phone)).toEqual(webBefore);

    // That wait is the template's own: at 23:05 another officer links on the OA and is answered
    // at once (free replies are not held until 06:00 behind it).
    run.clock.now = vn("2026-11-19", "23:05");
    const khoa = "6142494823000000777";
    const code = await inviteByCli(run, DEMO_PHONES.kimDongComms);
    await postOa(run, {
      ...oaFixture("user_send_text"),
      sender: { id: khoa },
      message: { text: code, msg_id: "oa-khoa" },
    });
    expect(oaTextsTo(run.oa, khoa)).toHaveLength(1);
    expect(oaTextsTo(run.oa, khoa)[0]).toMatch(/^Kính chào Thầy Khoa, Trường Tiểu học Kim Đồng/);

    // Friday 06:00: the template goes out by phone.
    run.clock.now = vn("2026-11-20", "06:00");
    await settle(run);
    expect(run.oa.zbs).toMatchObject([{ phone: "84385000122", template_id: TEMPLATE_OVERDUE }]);
    expect(await rows()).toMatchObject([{ channel: "zalo-oa", status: "sent" }]);
    expect(await webTexts(phone)).toEqual(webBefore);
    // Her linking greeting only: no free text to her outside the window.
    expect(oaTextsTo(run.oa, USER)).toHaveLength(1);
  });
});

async function personId(run: ZaloProduct): Promise<string> {
  const row = await run.app.db
    .selectFrom("people")
    .select("id")
    .where("phone", "=", DEMO_PHONES.nguyenDuComms)
    .executeTakeFirstOrThrow();
  return row.id;
}
