/**
 * A month of the running system, minute by minute (every 15 minutes here), with an injected clock:
 * the Hà Nội 2017 and Hòa Bình 2025 presets over the demo organisation, everyone on Telegram.
 * Tests are named after the invariants of src/reminders/README.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addExemption } from "../../src/db/exemptions";
import { localDateOf } from "../../src/domain/time";
import { workingDays } from "../../src/domain/workdays";
import { getPreset, loadCalendar } from "../../src/plan/index";
import { isAllowedAt } from "../../src/reminders/window";
import { createHarness, type Harness, vn } from "./harness";

const STEP_MS = 15 * 60_000;

async function walk(h: Harness, from: Date, to: Date, events: Map<number, () => Promise<void>> = new Map()) {
  for (let t = from.getTime(); t < to.getTime(); t += STEP_MS) {
    h.setClock(new Date(t));
    await events.get(t)?.();
    await h.step();
  }
}

/** Sent reminder rows with what they were about. */
async function sent(h: Harness) {
  return h.db.db
    .selectFrom("outbox as o")
    .innerJoin("reminder_messages as r", "r.outbox_id", "o.id")
    .select([
      "o.id",
      "o.sent_at",
      "o.person_id",
      "o.kind",
      "r.kind as what",
      "r.unit_id",
      "r.obligation_code",
      "r.period_key",
      "r.step",
      "r.base_key",
      "r.counted",
      "r.spec",
    ])
    .where("o.status", "=", "sent")
    .orderBy("o.id")
    .execute();
}

async function rulesOf(planId: string) {
  const plan = getPreset(planId);
  const cal = plan && (await loadCalendar(plan.calendar));
  if (!plan || !cal?.ok) throw new Error("plan");
  return { window: plan.sending_window, days: workingDays(cal.calendar, plan.calendar_kind) };
}

function invariants(planId: string, get: () => Harness) {
  it("never queued twice: each reminder (unit, obligation, period, step, person) is sent at most once", async () => {
    const rows = await sent(get());
    expect(rows.length).toBeGreaterThan(50);
    expect(new Set(rows.map((r) => r.base_key)).size).toBe(rows.length);
  });

  it("never at night or on a holiday: every message left inside the sending window", async () => {
    const rules = await rulesOf(planId);
    const outside = (await sent(get())).filter((r) => !isAllowedAt(rules, new Date(r.sent_at ?? "")));
    expect(outside).toEqual([]);
  });

  it("never more than two reminders per person per day", async () => {
    const perDay = new Map<string, number>();
    for (const r of await sent(get())) {
      if (r.counted !== 1) continue;
      const key = `${r.person_id}|${localDateOf(new Date(r.sent_at ?? ""))}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(2);
  });
}

describe("Hà Nội 2017, April–May 2026 (Giỗ Tổ, 30/4, 1/5)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("hanoi-2017", vn("2026-04-01 00:00"));
    await addExemption(
      h.db.db,
      {
        unitId: await h.unitId("THPT-TRANPHU"),
        obligationCode: "DL_MONTHLY",
        periodKey: "2026-04",
        reason: "sửa chữa",
        createdBy: "cli",
      },
      vn("2026-04-01 00:00"),
    );
    const events = new Map<number, () => Promise<void>>([
      [
        vn("2026-04-21 10:00").getTime(),
        () => h.submit("THPT-LEQUYDON", "DL_MONTHLY", "2026-04", vn("2026-04-21 10:00")),
      ],
      [
        vn("2026-04-27 15:00").getTime(),
        () => h.submit("THCS-THPT-HOANGHOATHAM", "DL_MONTHLY", "2026-04", vn("2026-04-27 15:00"), true),
      ],
    ]);
    await walk(h, vn("2026-04-01 00:00"), vn("2026-05-10 00:00"), events);
  }, 120_000);
  afterAll(async () => h.dispose());

  invariants("hanoi-2017", () => h);

  const stepsOf = async (fullName: string, period = "2026-04", code = "DL_MONTHLY") =>
    (await sent(h))
      .filter(
        (r) =>
          r.person_id === h.person(fullName).id &&
          r.obligation_code === code &&
          r.period_key === period &&
          r.what === "reminder",
      )
      .map((r) => `${r.step}@${r.sent_at}`);

  it("every rung of the ladder reaches a unit that never submits, on working days only", async () => {
    // Due 24/04 (before the 25th). 27/04 (nghỉ bù Giỗ Tổ), 30/04, 01/05 are holidays.
    expect(await stepsOf("Lê Thị Huyền")).toEqual([
      `b5@${vn("2026-04-17 09:00").toISOString()}`,
      `b2@${vn("2026-04-22 09:00").toISOString()}`,
      `d@${vn("2026-04-24 09:00").toISOString()}`,
      `a1@${vn("2026-04-28 09:00").toISOString()}`,
      `a3@${vn("2026-05-04 09:00").toISOString()}`,
    ]);
  });

  it("nothing after a submission, a nil report or an exemption", async () => {
    expect(await stepsOf("Nguyễn Hoàng Long")).toEqual([`b5@${vn("2026-04-17 09:00").toISOString()}`]);
    expect(await stepsOf("Bùi Thị Phương")).toEqual([
      `b5@${vn("2026-04-17 09:00").toISOString()}`,
      `b2@${vn("2026-04-22 09:00").toISOString()}`,
      `d@${vn("2026-04-24 09:00").toISOString()}`,
    ]);
    expect(await stepsOf("Đặng Thị Thùy Linh")).toEqual([]);
  });

  it("escalations reach the Văn phòng (units reporting to the Sở) listing only the missing units", async () => {
    const office = (await sent(h)).filter(
      (r) => r.what === "escalation" && r.period_key === "2026-04" && r.obligation_code === "DL_MONTHLY",
    );
    expect(office.map((r) => `${r.step}@${r.sent_at}`).sort()).toEqual(
      [
        `e3-reports_to_head@${vn("2026-05-04 09:00").toISOString()}`,
        `e3-reports_to_head@${vn("2026-05-04 09:00").toISOString()}`,
        `e5-office@${vn("2026-05-06 09:00").toISOString()}`,
        `e5-office@${vn("2026-05-06 09:00").toISOString()}`,
      ].sort(),
    );
    expect(new Set(office.map((r) => r.person_id))).toEqual(
      new Set([h.person("Lê Thị Mai").id, h.person("Phạm Quốc Bảo").id]),
    );
    const units = (JSON.parse(office[0]?.spec ?? "{}") as { items: { unitName: string }[] }).items.map(
      (i) => i.unitName,
    );
    expect(units.sort()).toEqual(
      [
        "Phòng Giáo dục mầm non – tiểu học",
        "Phòng Giáo dục phổ thông",
        "Phòng Tổ chức cán bộ",
        "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên Yên Hòa",
        "Trường THPT Nguyễn Trãi",
      ].sort(),
    );
  });

  it("the day after the deadline the Văn phòng gets the list of missing units with a remind-all button", async () => {
    const digests = h.telegram.delivered.filter(
      (d) =>
        d.chat.chatId === h.person("Lê Thị Mai").chatId &&
        d.text.includes("chưa nộp.") &&
        d.text.includes("tháng 4/2026"),
    );
    const first = digests.find((d) => d.text.includes("Báo cáo tình hình dư luận"));
    expect(first?.at).toEqual(vn("2026-04-28 07:30"));
    // 8 owe it: one submitted, one filed a nil report, one is exempt.
    expect(first?.text).toContain("còn 5/8 đơn vị chưa nộp");
    expect(first?.text).not.toContain("Hoàng Hoa Thám");
    expect(first?.text).not.toContain("Trường THPT Lê Quý Đôn");
    expect(first?.text).not.toContain("Trường THPT Trần Phú");
    expect(first?.message.buttons?.[0]?.payload).toBe("remind:DL_MONTHLY:2026-04");
  });

  it("each reminder addresses the person, names report, period, deadline and what is missing, with a button", async () => {
    const d = h.telegram.delivered.find(
      (x) => x.chat.chatId === h.person("Lê Thị Huyền").chatId && x.text.includes("(tháng 4/2026)"),
    );
    expect(d?.text).toContain("Kính gửi Cô Huyền,");
    expect(d?.text).toContain("«Báo cáo tình hình dư luận quan tâm và kết quả xử lý» (tháng 4/2026)");
    expect(d?.text).toContain("24/04/2026");
    expect(d?.text).toContain("Còn thiếu: báo cáo của đơn vị cho tháng 4/2026.");
    expect(d?.text).toContain("«Không có phát sinh»");
    const unit = await h.unitId("THPT-NGUYENTRAI");
    expect(d?.message.buttons).toEqual([
      { label: { key: "reminders:button.start" }, payload: `report:DL_MONTHLY:2026-04:${unit}` },
    ]);
  });
});

describe("Hòa Bình 2025, April–May 2025 (quotas, nil reports not allowed, a unit without people)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness("hoabinh-2025", vn("2025-04-01 00:00"));
    const unit = await h.unitId("THPT-NGUYENTRAI");
    const events = new Map<number, () => Promise<void>>([
      [
        vn("2025-04-10 10:00").getTime(),
        async () => {
          await h.db.db
            .insertInto("articles")
            .values({
              id: "a1",
              unit_id: unit,
              url: "https://x.example/a",
              url_key: "x.example/a",
              title: "Gương sáng",
              channel: "website",
              outlet: null,
              topic: "exemplary",
              published_on: "2025-04-09",
              submitted_by: null,
              created_at: vn("2025-04-10 10:00").toISOString(),
            })
            .execute();
        },
      ],
      [
        vn("2025-04-21 10:00").getTime(),
        () => h.submit("THPT-LEQUYDON", "MONTHLY_REPORT", "2025-04", vn("2025-04-21 10:00"), true),
      ],
    ]);
    await walk(h, vn("2025-04-01 00:00"), vn("2025-05-10 00:00"), events);
  }, 120_000);
  afterAll(async () => h.dispose());

  invariants("hoabinh-2025", () => h);

  it("a nil report does not stop reminders where the plan allows none", async () => {
    const steps = (await sent(h))
      .filter(
        (r) =>
          r.person_id === h.person("Nguyễn Hoàng Long").id &&
          r.obligation_code === "MONTHLY_REPORT" &&
          r.period_key === "2025-04",
      )
      .map((r) => r.step);
    expect(steps).toEqual(["b5", "b2", "d", "a1", "a3"]);
  });

  it("quota nudges stop once the quota is met; others get mid-month and last-week nudges", async () => {
    const quota = async (name: string) =>
      (await sent(h))
        .filter(
          (r) =>
            r.person_id === h.person(name).id &&
            r.obligation_code === "GUONG_DIEN_HINH" &&
            r.period_key === "2025-04",
        )
        .map((r) => `${r.step}@${r.sent_at}`);
    expect(await quota("Lê Thị Huyền")).toEqual([]);
    expect(await quota("Đặng Thị Thùy Linh")).toEqual(
      expect.arrayContaining([
        `qmid@${vn("2025-04-15 09:00").toISOString()}`,
        `qlast@${vn("2025-04-24 09:00").toISOString()}`,
      ]),
    );
  });

  it("yearly press quotas get a quarterly progress nudge", async () => {
    const rows = (await sent(h)).filter(
      (r) =>
        r.person_id === h.person("Chu Thị Nga").id &&
        r.obligation_code === "PRESS_UNIT" &&
        r.period_key === "2025",
    );
    expect(rows.map((r) => r.step)).toEqual(["qq1"]);
  });

  it("the office sees units nobody can be reached at (Phòng GD&ĐT Yên Hòa has no people)", async () => {
    const rows = await h.db.db
      .selectFrom("reminder_undelivered")
      .selectAll()
      .where("reason", "=", "no_recipient")
      .execute();
    expect(rows.some((r) => r.obligation_code === "MONTHLY_REPORT" && r.period_key === "2025-04")).toBe(true);
  });
});
