/**
 * The modern preset over the demo organisation at a few chosen moments of November 2026
 * (DL_MONTHLY due Tue 24/11; T−5 = Tue 17/11 09:00).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../src/db/index";
import type { Plan } from "../../src/domain/plan";
import { getPreset } from "../../src/plan/index";
import { createHarness, type Harness, vn } from "./harness";

const statusOf = async (h: Harness, personName: string, code = "DL_MONTHLY") =>
  h.db.db
    .selectFrom("outbox as o")
    .innerJoin("reminder_messages as r", "r.outbox_id", "o.id")
    .select(["o.status", "o.last_error", "o.not_before", "o.channel", "r.step"])
    .where("o.person_id", "=", h.person(personName).id)
    .where("r.obligation_code", "=", code)
    .orderBy("o.id")
    .execute();

describe("modern preset, November 2026", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness("modern", vn("2026-11-17 09:00"));
  });
  afterEach(async () => h.dispose());

  it("nothing after a submission, also when it arrives between planning and sending", async () => {
    await h.service.tick(vn("2026-11-17 09:00"));
    await h.submit("TH-KIMDONG", "DL_MONTHLY", "2026-11", vn("2026-11-17 09:00"));
    await h.dispatcher.tick();
    expect(await statusOf(h, "Trịnh Văn Khoa")).toMatchObject([
      { status: "cancelled", last_error: "cancelled:submitted", step: "b5" },
    ]);
    const toKhoa = h.telegram.delivered.filter((d) => d.chat.chatId === h.person("Trịnh Văn Khoa").chatId);
    expect(toKhoa.filter((d) => d.text.includes("Báo cáo tháng công tác"))).toEqual([]);
    expect(await statusOf(h, "Đoàn Thị Thu")).toMatchObject([{ status: "sent", step: "b5" }]);
  });

  it("never at night: a reminder held past the window is moved to the next allowed moment, not dropped", async () => {
    await h.service.tick(vn("2026-11-17 09:00"));
    h.setClock(vn("2026-11-17 18:00"));
    await h.dispatcher.tick();
    const held = await statusOf(h, "Đoàn Thị Thu");
    expect(held).toMatchObject([{ status: "deferred", not_before: vn("2026-11-18 07:30").toISOString() }]);
    h.setClock(vn("2026-11-18 07:00"));
    await h.step();
    expect((await statusOf(h, "Đoàn Thị Thu"))[0]?.status).toBe("deferred");
    h.setClock(vn("2026-11-18 07:30"));
    await h.step();
    expect((await statusOf(h, "Đoàn Thị Thu"))[0]?.status).toBe("sent");
    const d = h.telegram.delivered.find(
      (x) => x.chat.chatId === h.person("Đoàn Thị Thu").chatId && x.text.includes("Báo cáo tháng công tác"),
    );
    expect(d?.at).toEqual(vn("2026-11-18 07:30"));
    // Counted from the day it left: 18/11 → 24/11 is four working days.
    expect(d?.text).toContain("còn 4 ngày làm việc");
  });

  it("never queued twice: planning again, or from a second process, queues nothing", async () => {
    const first = await h.service.tick(vn("2026-11-17 09:00"));
    expect(first.queued).toBeGreaterThan(10);
    expect((await h.service.tick(vn("2026-11-17 09:00"))).queued).toBe(0);
    expect((await h.service.tick(vn("2026-11-17 09:01"))).queued).toBe(0);
    await h.db.db.deleteFrom("reminder_steps").execute();
    // Even with the step markers gone (two processes racing), the dedupe keys hold.
    expect((await h.service.tick(vn("2026-11-17 09:02"))).queued).toBe(0);
  });

  it("escalations: a school in a cluster goes to its cluster head, one without to the Văn phòng", async () => {
    h.setClock(vn("2026-11-27 09:00"));
    await h.step();
    const rows = await h.db.db
      .selectFrom("outbox as o")
      .innerJoin("reminder_messages as r", "r.outbox_id", "o.id")
      .select(["o.person_id", "r.spec", "r.step"])
      .where("r.kind", "=", "escalation")
      .where("r.obligation_code", "=", "DL_MONTHLY")
      .execute();
    const itemsFor = (name: string) =>
      rows
        .filter((r) => r.person_id === h.person(name).id)
        .flatMap((r) =>
          (JSON.parse(r.spec) as { items: { unitName: string }[] }).items.map((i) => i.unitName),
        );
    expect(itemsFor("Nguyễn Văn An").sort()).toEqual(
      [
        "Trường THCS Chu Văn An",
        "Trường THCS Nguyễn Du",
        "Trường Tiểu học Kim Đồng",
        "Trường Tiểu học Lê Văn Tám",
      ].sort(),
    );
    expect(itemsFor("Lê Thị Mai")).toContain("Trường Tiểu học Phú Lâm");
    expect(itemsFor("Lê Thị Mai")).not.toContain("Trường Tiểu học Kim Đồng");
    expect(rows.every((r) => r.step === "e3-cluster_head")).toBe(true);
  });

  it("the weekly digest tells each commune office how its schools stand", async () => {
    h.setClock(vn("2026-11-23 07:30"));
    await h.submit("MN-HOASEN", "DL_MONTHLY", "2026-11", vn("2026-11-20 10:00"));
    await h.step();
    const lan = h.telegram.delivered.find(
      (d) => d.chat.chatId === h.person("Ngô Thị Lan").chatId && d.text.includes("tuần 2026-W48"),
    );
    expect(lan?.text).toContain("Kính gửi Chị Lan,");
    const lines = lan?.text.split("\n") ?? [];
    const block = (unit: string) => lines.slice(lines.indexOf(unit)).join("\n");
    const report = "Báo cáo tháng công tác truyền thông và tình hình dư luận (tháng 11/2026)";
    expect(block("Trường Mầm non Hoa Sen")).toContain(`✓ ${report}: đã nộp`);
    expect(block("Trường Tiểu học Phú Lâm")).toContain(`… ${report}: chưa nộp, hạn ngày 24/11/2026`);
    expect(lan?.text).not.toContain("Kim Đồng");
  });
});

describe("the daily cap and channel fallback", () => {
  let h: Harness;
  afterEach(async () => h.dispose());

  it("never more than two reminders per person per day: the third waits for the next working day", async () => {
    const modern = getPreset("modern") as Plan;
    const monthly = modern.obligations.find((o) => o.code === "DL_MONTHLY");
    if (!monthly) throw new Error("DL_MONTHLY");
    const plan: Plan = {
      ...modern,
      obligations: ["A", "B", "C"].map((x) => ({ ...monthly, code: `DL_${x}` })),
    };
    h = await createHarness("modern", vn("2026-11-17 09:00"), { plan });
    await h.step();
    h.setClock(vn("2026-11-18 07:30"));
    await h.step();
    const days = h.telegram.delivered
      .filter((d) => d.chat.chatId === h.person("Đoàn Thị Thu").chatId)
      .map((d) => d.at.toISOString());
    expect(days).toEqual([
      vn("2026-11-17 09:00").toISOString(),
      vn("2026-11-17 09:00").toISOString(),
      vn("2026-11-18 07:30").toISOString(),
    ]);
  });

  it("a blocked chat: the same message goes to the person's next linked channel", async () => {
    h = await createHarness("modern", vn("2026-11-17 09:00"));
    const lanAnh = h.person("Vũ Thị Lan Anh");
    await h.db.db
      .insertInto("channel_links")
      .values({
        id: newId(),
        person_id: lanAnh.id,
        channel: "zalo-bot",
        chat_id: "z-lananh",
        platform_user_id: "z-lananh",
        linked_at: vn("2026-11-01 08:00").toISOString(),
        last_interaction_at: null,
        unreachable_at: null,
      })
      .execute();
    h.telegram.fail(lanAnh.chatId, {
      status: "permanent",
      reason: "blocked",
      detail: "Forbidden: bot was blocked by the user",
    });
    await h.step();
    await h.step();
    const viaZalo = h.zalo.delivered.filter(
      (d) => d.chat.chatId === "z-lananh" && d.text.includes("Báo cáo tháng công tác"),
    );
    expect(viaZalo).toHaveLength(1);
    expect(viaZalo[0]?.text).toContain("Kính gửi Cô Anh,");
    expect(await statusOf(h, "Vũ Thị Lan Anh")).toMatchObject([
      { status: "dead", channel: "telegram" },
      { status: "sent", channel: "zalo-bot" },
    ]);
    const link = await h.db.db
      .selectFrom("channel_links")
      .select("unreachable_at")
      .where("chat_id", "=", lanAnh.chatId)
      .executeTakeFirst();
    expect(link?.unreachable_at).not.toBeNull();
  });

  it("when nobody of a unit can be reached, the office sees it", async () => {
    h = await createHarness("modern", vn("2026-11-17 09:00"));
    for (const name of ["Trần Thị Kim Oanh", "Lý Văn Tùng"])
      h.telegram.fail(h.person(name).chatId, { status: "permanent", reason: "blocked" });
    await h.step();
    await h.step();
    const rows = await h.db.db
      .selectFrom("reminder_undelivered")
      .selectAll()
      .where("obligation_code", "=", "DL_MONTHLY")
      .execute();
    const unit = await h.unitId("THCS-CHUVANAN");
    expect(
      rows
        .filter((r) => r.unit_id === unit && r.reason === "all_channels_failed")
        .map((r) => r.person_id)
        .sort(),
    ).toEqual([h.person("Trần Thị Kim Oanh").id, h.person("Lý Văn Tùng").id].sort());
    expect(rows.some((r) => r.unit_id === unit && r.reason === "no_recipient")).toBe(true);
  });
});
