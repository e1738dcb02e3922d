/**
 * A membership counts only between its valid_from and valid_to (inclusive), at the moment the bot
 * acts: a principal moved to another school no longer sees or reports for the old one, a new one
 * not before the first day. Days passing write nothing (org.version stays), so a warm org cache
 * must still notice.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ORG_VERSION_SETTING } from "../../src/bot/org-cache";
import { getSetting } from "../../src/db/index";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type Bot, createBot, ev, linkChat, P, seedOrg, t, U } from "./fixtures";

let tdb: TestDatabase;
let bot: Bot;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
  bot = createBot(tdb.db);
});
afterEach(async () => {
  await tdb.dispose();
});

/** 10:00 in Hà Nội on the day. */
const on = (day: string) => new Date(`${day}T03:00:00.000Z`);
const heading = (unit: string, month = 11) => t("bot:status.heading", { unit, month, year: 2026 });
const NGUYEN_DU = "Trường THCS Nguyễn Du";

async function setValidity(personId: string, unitId: string, from: string | null, to: string | null) {
  await tdb.db
    .updateTable("memberships")
    .set({ valid_from: from, valid_to: to })
    .where("person_id", "=", personId)
    .where("unit_id", "=", unitId)
    .execute();
}

async function ask(chatId: string, text: string, at: Date): Promise<string> {
  bot.now = at;
  return (await bot.send(ev.text(chatId, text, "telegram", at)))[0]?.text ?? "";
}

async function tap(chatId: string, payload: string, at: Date): Promise<string> {
  bot.now = at;
  return (await bot.send(ev.action(chatId, payload, "telegram", at)))[0]?.text ?? "";
}

const noUnits = () => t("bot:status.noUnits", { title: "Cô", contact: "Văn phòng Sở GD&ĐT, 024 3825 1234" });

describe("membership validity", () => {
  it("an ended membership: no /trangthai and no status button for the old unit", async () => {
    await linkChat(bot, tdb.db, P.lan, "100");
    await setValidity(P.lan, U.nguyenDu, "2025-09-01", "2026-11-09");
    const status = await ask("100", "/trangthai", on("2026-11-10"));
    expect(status).not.toContain(NGUYEN_DU);
    expect(status).toBe(noUnits());
    expect(await tap("100", `status:${U.nguyenDu}`, on("2026-11-10"))).toBe(
      t("bot:refused.unit", { title: "Cô" }),
    );
  });

  it("ends at the end of valid_to, by the passing of time alone, however warm the cache", async () => {
    await linkChat(bot, tdb.db, P.lan, "100");
    await setValidity(P.lan, U.nguyenDu, null, "2026-11-10");
    const version = await getSetting(tdb.db, ORG_VERSION_SETTING);
    // The last day still counts, to its last minute.
    expect(await ask("100", "/trangthai", on("2026-11-10"))).toContain(heading(NGUYEN_DU));
    expect(await ask("100", "/trangthai", new Date("2026-11-10T16:59:00.000Z"))).toContain(
      heading(NGUYEN_DU),
    );
    // 00:01 on 11/11 in Hà Nội: over, with no write to the org in between.
    expect(await ask("100", "/trangthai", new Date("2026-11-10T17:01:00.000Z"))).toBe(noUnits());
    expect(await tap("100", `status:${U.nguyenDu}`, on("2026-11-11"))).toBe(
      t("bot:refused.unit", { title: "Cô" }),
    );
    expect(await getSetting(tdb.db, ORG_VERSION_SETTING)).toBe(version);
  });

  it("a future membership gives nothing before valid_from, and everything from that day", async () => {
    await linkChat(bot, tdb.db, P.lan, "100");
    await setValidity(P.lan, U.nguyenDu, "2026-11-16", null);
    expect(await ask("100", "/trangthai", on("2026-11-13"))).toBe(noUnits());
    expect(await tap("100", `status:${U.nguyenDu}`, on("2026-11-13"))).toBe(
      t("bot:refused.unit", { title: "Cô" }),
    );
    expect(await ask("100", "/trangthai", on("2026-11-16"))).toContain(heading(NGUYEN_DU));
  });

  it("a principal moved to another school: the new one only, and the old oversight ends too", async () => {
    // Thầy Minh: head of Kim Đồng and cụm trưởng of cluster 5 (which oversees Nguyễn Du) until
    // 31/10; from 1/11 head of Chu Văn An.
    await linkChat(bot, tdb.db, P.minh, "200");
    await setValidity(P.minh, U.kimDong, null, "2026-10-31");
    await setValidity(P.minh, U.cluster, null, "2026-10-31");
    await tdb.db
      .insertInto("memberships")
      .values({
        id: "m-minh-cva",
        person_id: P.minh,
        unit_id: U.chuVanAn,
        role: "head",
        valid_from: "2026-11-01",
        valid_to: null,
        created_at: "2026-10-20T00:00:00.000Z",
      })
      .execute();
    const before = await ask("200", "/trangthai", on("2026-10-30"));
    expect(before).toContain(heading("Trường Tiểu học Kim Đồng", 10));
    expect(before).not.toContain("Chu Văn An");
    expect(await tap("200", `status:${U.nguyenDu}`, on("2026-10-30"))).toContain(heading(NGUYEN_DU, 10));

    const after = await ask("200", "/trangthai", on("2026-11-10"));
    expect(after).toContain(heading("Trường THPT Chu Văn An"));
    expect(after).not.toContain("Kim Đồng");
    expect(after).not.toContain(NGUYEN_DU);
    for (const unit of [U.kimDong, U.nguyenDu]) {
      expect(await tap("200", `status:${unit}`, on("2026-11-10"))).toBe(
        t("bot:refused.unit", { title: "Thầy" }),
      );
    }
  });

  it("a Văn phòng staff member whose membership ended no longer sees every unit", async () => {
    await linkChat(bot, tdb.db, P.tuan, "300");
    await setValidity(P.tuan, U.office, null, "2026-11-01");
    expect(await tap("300", `status:${U.chuVanAn}`, on("2026-11-10"))).toBe(
      t("bot:refused.unit", { title: "Đồng chí" }),
    );
  });
});
