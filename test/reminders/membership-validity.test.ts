/**
 * Reminders go to the members in force at the planning moment: not to a comms officer who left the
 * school, not to a newcomer before their first day — also as the "other member" of a failed
 * delivery. The modern preset over the demo org: DL_MONTHLY of November 2026 is due Tue 24/11,
 * T−5 is Tue 17/11 09:00, T−2 Fri 20/11 09:00 (recipients: comms and head).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newId } from "../../src/db/index";
import { createHarness, type Harness, vn } from "./harness";

const NEWCOMER = { id: "p-newcomer", chatId: "9001" };
const REPORT = "Báo cáo tháng công tác";

let h: Harness;
let kimDong: string;
beforeEach(async () => {
  h = await createHarness("modern", vn("2026-11-17 09:00"));
  kimDong = await h.unitId("TH-KIMDONG");
  // Thầy Khoa, Kim Đồng's comms officer, left on 16/11; Cô Quyên takes over from Fri 20/11.
  await h.db.db
    .updateTable("memberships")
    .set({ valid_to: "2026-11-16" })
    .where("person_id", "=", h.person("Trịnh Văn Khoa").id)
    .execute();
  const at = vn("2026-11-01 08:00").toISOString();
  await h.db.db
    .insertInto("people")
    .values({
      id: NEWCOMER.id,
      full_name: "Phan Thị Quyên",
      phone: "0377000999",
      email: null,
      address_as: "co",
      created_at: at,
      updated_at: at,
    })
    .execute();
  await h.db.db
    .insertInto("memberships")
    .values({
      id: newId(),
      person_id: NEWCOMER.id,
      unit_id: kimDong,
      role: "comms",
      valid_from: "2026-11-20",
      valid_to: null,
      created_at: at,
    })
    .execute();
  await h.db.db
    .insertInto("channel_links")
    .values({
      id: newId(),
      person_id: NEWCOMER.id,
      channel: "telegram",
      chat_id: NEWCOMER.chatId,
      platform_user_id: NEWCOMER.chatId,
      linked_at: at,
      last_interaction_at: at,
      unreachable_at: null,
    })
    .execute();
});
afterEach(async () => h.dispose());

const reportsTo = (chatId: string) =>
  h.telegram.delivered.filter((d) => d.chat.chatId === chatId && d.text.includes(REPORT));

const queuedFor = (personId: string) =>
  h.db.db
    .selectFrom("outbox as o")
    .innerJoin("reminder_messages as r", "r.outbox_id", "o.id")
    .select(["r.step", "r.unit_id", "o.status"])
    .where("o.person_id", "=", personId)
    .where("r.obligation_code", "=", "DL_MONTHLY")
    .execute();

describe("reminders and membership validity", () => {
  it("an ended membership gets nothing; a future one nothing until its first day, then its unit's reminders", async () => {
    const khoa = h.person("Trịnh Văn Khoa");
    const ngoc = h.person("Lê Thị Bích Ngọc");
    await h.step();
    expect(reportsTo(ngoc.chatId)).toHaveLength(1);
    expect(reportsTo(khoa.chatId)).toEqual([]);
    expect(reportsTo(NEWCOMER.chatId)).toEqual([]);

    h.setClock(vn("2026-11-20 09:00"));
    await h.step();
    expect(await queuedFor(NEWCOMER.id)).toMatchObject([{ step: "b2", unit_id: kimDong, status: "sent" }]);
    expect(reportsTo(NEWCOMER.chatId)[0]?.text).toContain("Kính gửi Cô Quyên,");
    expect(await queuedFor(khoa.id)).toEqual([]);
    expect(reportsTo(khoa.chatId)).toEqual([]);
  });

  it("a failed delivery is not carried by a member who left, nor by one not started yet", async () => {
    const khoa = h.person("Trịnh Văn Khoa");
    const ngoc = h.person("Lê Thị Bích Ngọc");
    h.telegram.fail(ngoc.chatId, { status: "permanent", reason: "blocked" });
    await h.step();
    await h.step();
    expect(await queuedFor(khoa.id)).toEqual([]);
    expect(await queuedFor(NEWCOMER.id)).toEqual([]);
    const undelivered = await h.db.db
      .selectFrom("reminder_undelivered")
      .select(["reason", "person_id"])
      .where("unit_id", "=", kimDong)
      .where("obligation_code", "=", "DL_MONTHLY")
      .execute();
    expect(undelivered.map((r) => r.reason).sort()).toEqual(["all_channels_failed", "no_recipient"]);
  });
});
