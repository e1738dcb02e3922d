/**
 * The bot keeps the org in memory (src/bot/org-cache.ts). Whoever changes it — the CLI in another
 * connection, the import, erasure, plain SQL — the next event sees the change; and a removed link
 * or membership never keeps access, however warm the cache.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ORG_VERSION_SETTING } from "../../src/bot/org-cache";
import { runCli } from "../../src/cli/run";
import { linkChat as linkChatRow, touchLink, unlinkChat } from "../../src/db/channel-links";
import { getSetting, upsertUnits } from "../../src/db/index";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { PERSON_HEADER, writeCsvFile } from "../org/files";
import { type Bot, createBot, ev, linkChat, NOW, P, seedOrg, t, U } from "./fixtures";

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

async function cli(...argv: string[]): Promise<void> {
  const lines: string[] = [];
  const code = await runCli(argv, {
    env: { DATABASE_URL: `sqlite:${tdb.location}`, DATA_DIR: tdb.dir, BAOCAO_LOG_LEVEL: "silent" },
    cwd: tdb.dir,
    now: () => NOW,
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  expect(code, lines.join("\n")).toBe(0);
}

const status = async (chatId: string) => (await bot.send(ev.text(chatId, "/trangthai")))[0]?.text ?? "";
const heading = (unit: string) => t("bot:status.heading", { unit, month: 11, year: 2026 });
const notLinkedIntro = t("bot:unlinked.intro");

describe("the org cache", () => {
  it("sees a people import made by the CLI (another connection) at the next event", async () => {
    await linkChat(bot, tdb.db, P.lan, "100");
    expect(await status("100")).not.toContain(heading("Trường Tiểu học Kim Đồng"));
    const file = writeCsvFile(tdb.dir, "people.csv", [
      PERSON_HEADER,
      ["TH-KD", "Nguyễn Thị Lan", "Cán bộ truyền thông", "0912345678", "", "Cô"],
    ]);
    await cli("people", "import", file);
    const after = await status("100");
    expect(after).toContain(heading("Trường THCS Nguyễn Du"));
    expect(after).toContain(heading("Trường Tiểu học Kim Đồng"));
  });

  it("ends access at once when the person is erased (CLI), even with the org cached", async () => {
    await linkChat(bot, tdb.db, P.lan, "100");
    expect(await status("100")).toContain(heading("Trường THCS Nguyễn Du"));
    await cli("people", "erase", "0912345678", "--yes");
    const after = await status("100");
    expect(after.split("\n\n")[0]).toBe(notLinkedIntro);
    expect(after).not.toContain("Nguyễn Du");
  });

  it("never keeps access to a unit after the membership granting it is removed, by any writer", async () => {
    await linkChat(bot, tdb.db, P.minh, "200");
    const tap = async () => (await bot.send(ev.action("200", `status:${U.nguyenDu}`)))[0]?.text ?? "";
    expect(await tap()).toContain(heading("Trường THCS Nguyễn Du"));
    // Plain SQL, no helper: the database triggers move the counter.
    await tdb.db
      .deleteFrom("memberships")
      .where("person_id", "=", P.minh)
      .where("role", "=", "cluster_head")
      .execute();
    expect(await tap()).toBe(t("bot:refused.unit", { title: "Thầy" }));
  });

  it("reads the link for every event: an unlinked or moved chat answers for its new owner at once", async () => {
    await linkChat(bot, tdb.db, P.lan, "100");
    expect(await status("100")).toContain(heading("Trường THCS Nguyễn Du"));
    await tdb.db.transaction().execute((trx) => unlinkChat(trx, "telegram", "100"));
    expect((await status("100")).split("\n\n")[0]).toBe(notLinkedIntro);
    await linkChatRow(tdb.db, {
      personId: P.binh,
      channel: "telegram",
      chatId: "100",
      platformUserId: "u",
      at: NOW,
    });
    const binh = await status("100");
    expect(binh).toContain(heading("Trường THPT Chu Văn An"));
    expect(binh).not.toContain("Nguyễn Du");
  });

  it("counts org writes, not messages: touching a link leaves the counter alone", async () => {
    const version = () => getSetting(tdb.db, ORG_VERSION_SETTING);
    const v0 = await version();
    expect(v0).toMatch(/^\d+$/);
    await upsertUnits(
      tdb.db,
      [{ code: "TH-MOI", name: "Trường Tiểu học Mới", kind: "school", parentCode: "SO" }],
      NOW,
    );
    const v1 = await version();
    expect(Number(v1)).toBeGreaterThan(Number(v0));
    const link = await linkChatRow(tdb.db, {
      personId: P.lan,
      channel: "telegram",
      chatId: "300",
      platformUserId: "u",
      at: NOW,
    });
    await touchLink(tdb.db, link.link.id, NOW);
    expect(await version()).toBe(v1);
  });
});
