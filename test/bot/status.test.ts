import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { instanceKeyString, type SubmissionStatusSource } from "../../src/bot/status/sources";
import { addExemption } from "../../src/db/exemptions";
import type { SubmissionFact } from "../../src/domain/status";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { CONTACT, createBot, ev, linkChat, NOW, P, seedOrg, t, U } from "./fixtures";

let tdb: TestDatabase;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
  let n = 0;
  const article = (unitId: string, channel: string, publishedOn: string) => ({
    id: `a${++n}`,
    unit_id: unitId,
    url: `https://example.edu.vn/${n}`,
    url_key: `example.edu.vn/${n}`,
    title: `Tin ${n}`,
    channel,
    outlet: null,
    topic: null,
    published_on: publishedOn,
    submitted_by: null,
    created_at: NOW.toISOString(),
  });
  await tdb.db
    .insertInto("articles")
    .values([
      article(U.nguyenDu, "press", "2026-02-10"),
      article(U.nguyenDu, "press", "2026-06-01"),
      article(U.nguyenDu, "press", "2026-11-09"),
      article(U.nguyenDu, "press", "2025-12-31"), // last year: not counted
      article(U.nguyenDu, "website", "2026-11-08"), // Sunday of last week: not this week
      article(U.kimDong, "fanpage", "2026-11-09"), // Monday of this week
    ])
    .execute();
});
afterEach(async () => {
  await tdb.dispose();
});

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const MONTHLY = "Báo cáo công tác truyền thông hằng tháng";
const WEEKLY = "Tin bài hay mỗi tuần";
const PRESS = "Bài viết trên báo chí";
const november = () => t("periods:label.month", { month: 11, year: 2026 });
const october = () => t("periods:label.month", { month: 10, year: 2026 });
/** October's report, due last month and still owed: /trangthai keeps showing it. */
const octoberOverdue = () =>
  t("bot:status.report", {
    name: MONTHLY,
    period: october(),
    due: "23/10/2026",
    state: t("bot:status.state.overdue"),
  });

function unitStatus(unit: string, state: string, weekly: number, press: number): string {
  return [
    [
      t("bot:status.heading", { unit, month: 11, year: 2026 }),
      octoberOverdue(),
      t("bot:status.report", { name: MONTHLY, period: november(), due: "24/11/2026", state }),
    ].join("\n"),
    [
      t("bot:status.quotasTitle"),
      t("bot:status.quota", {
        name: WEEKLY,
        period: t("bot:status.thisWeek"),
        count: weekly,
        target: 1,
        counts: "tin bài",
      }),
      t("bot:status.quota", {
        name: PRESS,
        period: cap(t("periods:label.year", { year: 2026 })),
        count: press,
        target: 8,
        counts: "bài báo",
      }),
    ].join("\n"),
  ].join("\n\n");
}

describe("/trangthai", () => {
  it("a school's officer sees the report due this month and the quotas, word for word", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    const [reply] = await bot.send(ev.text("100", "/trangthai"));
    expect(reply?.text).toBe(unitStatus("Trường THCS Nguyễn Du", t("bot:status.state.missing"), 0, 3));
    expect(reply?.text).toContain("Tuần này: 0/1 tin bài");
    expect(reply?.text).toContain("Năm 2026: 3/8 bài báo");
    expect((await bot.send(ev.text("100", "/status")))[0]?.text).toBe(reply?.text);
  });

  it("after the due date an unsubmitted report is overdue; a submitted one says so", async () => {
    const submitted: SubmissionStatusSource = {
      async submissions(_db, keys) {
        const facts = new Map<string, SubmissionFact>();
        for (const k of keys) {
          if (k.unitId === U.nguyenDu) facts.set(instanceKeyString(k), { submittedAt: NOW });
        }
        return facts;
      },
    };
    const bot = createBot(tdb.db, { submissions: submitted });
    await linkChat(bot, tdb.db, P.lan, "100");
    await linkChat(bot, tdb.db, P.minh, "200");
    bot.now = new Date("2026-11-25T02:00:00.000Z"); // Wednesday 25/11, the day after the deadline
    const [lan] = await bot.send(ev.text("100", "/trangthai", "telegram", bot.now));
    expect(lan?.text.split("\n")[1]).toBe(
      t("bot:status.report", {
        name: MONTHLY,
        period: november(),
        due: "24/11/2026",
        state: t("bot:status.state.submitted"),
      }),
    );
    const [minh] = await bot.send(ev.text("200", "/trangthai", "telegram", bot.now));
    // Kim Đồng still owes October too; Nguyễn Du sent both, so October is not shown to Lan.
    expect(minh?.text.split("\n")[1]).toBe(octoberOverdue());
    expect(minh?.text.split("\n")[2]).toBe(
      t("bot:status.report", {
        name: MONTHLY,
        period: november(),
        due: "24/11/2026",
        state: t("bot:status.state.overdue"),
      }),
    );
  });

  it("Văn phòng staff get counts across all units instead", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.tuan, "100");
    const [reply] = await bot.send(ev.text("100", "/trangthai"));
    expect(reply?.text).toBe(
      [
        t("bot:status.summaryAll", { month: 11, year: 2026, units: 4 }),
        t("bot:status.summaryReport", {
          name: MONTHLY,
          period: october(),
          due: "23/10/2026",
          submitted: 0,
          total: 4,
          missing: 4,
        }),
        t("bot:status.summaryReport", {
          name: MONTHLY,
          period: november(),
          due: "24/11/2026",
          submitted: 0,
          total: 4,
          missing: 4,
        }),
        t("bot:status.summaryQuota", {
          name: WEEKLY,
          period: t("bot:status.thisWeek"),
          reached: 1,
          total: 4,
        }),
        t("bot:status.summaryQuota", {
          name: PRESS,
          period: cap(t("periods:label.year", { year: 2026 })),
          reached: 0,
          total: 4,
        }),
      ].join("\n"),
    );
  });

  it("an exempt quota says “được miễn” and counts as reached, as the reminder planner treats it", async () => {
    const exempt = (unitId: string, obligationCode: string, periodKey: string) =>
      addExemption(tdb.db, { unitId, obligationCode, periodKey, reason: "Sáp nhập", createdBy: "cli" }, NOW);
    // This week's own period for the weekly quota; every period ("*") for the yearly one.
    await exempt(U.nguyenDu, "WEEKLY", "2026-W46");
    await exempt(U.nguyenDu, "PRESS", "*");
    // Another period's exemption changes nothing now.
    await exempt(U.chuVanAn, "WEEKLY", "2026-W45");
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.lan, "100");
    await linkChat(bot, tdb.db, P.tuan, "200");

    const [lan] = await bot.send(ev.text("100", "/trangthai"));
    expect(lan?.text.split("\n\n")[1]).toBe(
      [
        t("bot:status.quotasTitle"),
        "• Tin bài hay mỗi tuần — Tuần này: được miễn (0/1 tin bài)",
        `• ${PRESS} — Năm 2026: được miễn (3/8 bài báo)`,
      ].join("\n"),
    );
    // The report is not exempted by a quota's exemption.
    expect(lan?.text).toContain(`${MONTHLY}, ${november()} — hạn 24/11/2026: chưa nộp`);

    const [office] = await bot.send(ev.text("200", "/trangthai"));
    expect(office?.text).toContain(
      t("bot:status.summaryQuota", { name: WEEKLY, period: t("bot:status.thisWeek"), reached: 2, total: 4 }),
    );
    expect(office?.text).toContain(
      t("bot:status.summaryQuota", {
        name: PRESS,
        period: cap(t("periods:label.year", { year: 2026 })),
        reached: 1,
        total: 4,
      }),
    );
    expect(office?.text).toContain("0/4 đơn vị đã nộp, 4 chưa nộp");
  });

  it("a cluster head sees their school in detail and a summary of the cluster's schools", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.minh, "100");
    const [reply] = await bot.send(ev.text("100", "/trangthai"));
    const paragraphs = reply?.text.split("\n\n") ?? [];
    expect(paragraphs.slice(0, 2).join("\n\n")).toBe(
      unitStatus("Trường Tiểu học Kim Đồng", t("bot:status.state.missing"), 1, 0),
    );
    expect(paragraphs[2]?.split("\n")[0]).toBe(
      t("bot:status.summarySupervised", { title: "Thầy", units: 1, month: 11, year: 2026 }),
    );
  });

  it("without a plan in force, says so instead of inventing obligations", async () => {
    const bot = createBot(tdb.db, { withPlan: false });
    await linkChat(bot, tdb.db, P.lan, "100");
    const [reply] = await bot.send(ev.text("100", "/trangthai"));
    expect(reply?.text).toBe(t("bot:status.noPlan", { title: "Cô", contact: CONTACT }));
  });

  it("a person without a unit is told so", async () => {
    const bot = createBot(tdb.db);
    await linkChat(bot, tdb.db, P.nobody, "100");
    const [reply] = await bot.send(ev.text("100", "/trangthai"));
    expect(reply?.text).toBe(t("bot:status.noUnits", { title: "Thầy", contact: CONTACT }));
  });
});
