/**
 * "Which units have not sent it?": the "Chưa nộp" buttons under /trangthai, the list they open,
 * /chuanop, and who may see what. Real SQLite, the submissions table and the exemptions table.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBotHandler } from "../../src/bot/handler";
import { createStatusReporter } from "../../src/bot/status/reporter";
import type { ChannelCapabilities } from "../../src/channels/types";
import { WEB_CAPABILITIES } from "../../src/channels/web/index";
import { createSubmissionStatusSource } from "../../src/conversation/runner/index";
import { addExemption } from "../../src/db/exemptions";
import { insertSubmission } from "../../src/db/submissions";
import { createLogger } from "../../src/log";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import {
  type Bot,
  CALENDAR,
  CONTACT,
  createBot,
  ev,
  linkChat,
  NOW,
  type Outgoing,
  outbox,
  P,
  PLAN,
  seedOrg,
  t,
  U,
} from "./fixtures";

const MONTHLY = "Báo cáo công tác truyền thông hằng tháng";
const NOV = "miss:MONTHLY:2026-11";

let tdb: TestDatabase;
let bot: Bot;
beforeEach(async () => {
  tdb = await createTestDatabase();
  await seedOrg(tdb.db);
  await tdb.db.updateTable("units").set({ phone: "024 3825 0001" }).where("id", "=", U.nguyenDu).execute();
  // A plain school head (no unit below theirs), for the refusals.
  await tdb.db
    .insertInto("memberships")
    .values({
      id: "m-nobody-cva",
      person_id: P.nobody,
      unit_id: U.chuVanAn,
      role: "head",
      valid_from: null,
      valid_to: null,
      created_at: NOW.toISOString(),
    })
    .execute();
  // October sent by every school: these tests are about November (an October still owed would be
  // listed too, see status.test.ts).
  for (const unitId of [U.nguyenDu, U.kimDong, U.chuVanAn, U.oldSchool])
    await submit(unitId, new Date("2026-10-20T03:00:00.000Z"), "2026-10");
  bot = createBot(tdb.db, { submissions: createSubmissionStatusSource() });
  await linkChat(bot, tdb.db, P.tuan, "office"); // Văn phòng staff
  await linkChat(bot, tdb.db, P.hoa, "commune"); // head of the commune office: Nguyễn Du, Kim Đồng
  await linkChat(bot, tdb.db, P.nobody, "school"); // head of THPT Chu Văn An only
  await linkChat(bot, tdb.db, P.lan, "lan"); // comms of Nguyễn Du
});
afterEach(async () => {
  await tdb.dispose();
});

async function submit(unitId: string, at: Date, periodKey = "2026-11"): Promise<void> {
  const id = `s-${unitId}-${periodKey}`;
  await insertSubmission(tdb.db, {
    id,
    reference: `BC-${unitId}-${periodKey}`,
    unitId,
    obligationCode: "MONTHLY",
    periodKey,
    formVersion: 1,
    answers: {},
    nil: false,
    byPerson: null,
    at,
    dueAt: new Date(periodKey === "2026-11" ? "2026-11-24T16:59:59.999Z" : "2026-10-23T16:59:59.999Z"),
    revisionId: `r-${id}`,
    revisionKey: `k-${id}`,
    source: "cli",
  });
}

const one = async (replies: Promise<Outgoing[]>): Promise<Outgoing> => {
  const list = await replies;
  expect(list).toHaveLength(1);
  return list[0] as Outgoing;
};
const tap = (chat: string, payload: string) => one(bot.send(ev.action(chat, payload, "telegram", bot.now)));
const say = (chat: string, text: string) => one(bot.send(ev.text(chat, text, "telegram", bot.now)));
const payloads = (o: Outgoing) => (o.message.buttons ?? []).map((b) => b.payload);
const labels = (o: Outgoing) =>
  (o.message.buttons ?? []).map((b) => ("text" in b.label ? b.label.text : t(b.label.key, b.label.params)));

describe("the missing list for the Văn phòng", () => {
  it("/trangthai has a 'Chưa nộp' button per report with missing units; it opens the list with contacts", async () => {
    const status = await say("office", "/trangthai");
    expect(payloads(status)).toEqual([NOV]);
    const [label] = labels(status);
    expect(label).toMatch(/^Chưa nộp: Báo cáo công tác.* 11\/2026 \(4\)$/);
    expect([...(label ?? "")].length).toBeLessThanOrEqual(64); // Telegram's label limit

    const list = await tap("office", NOV);
    const heading = t("missing:heading", {
      report: MONTHLY,
      period: "tháng 11/2026",
      due: "24/11/2026",
      missing: 4,
      total: 4,
    });
    expect(list.text).toBe(
      [
        heading,
        [
          "Nơi nhận báo cáo: Cụm chuyên môn 5 — 1 đơn vị chưa nộp:",
          "• Trường THCS Nguyễn Du (THCS-ND) — chưa nộp, còn hạn",
          "   ĐT đơn vị: 024 3825 0001",
          "   Cán bộ phụ trách truyền thông: Cô Nguyễn Thị Lan, 0912345678",
        ].join("\n"),
        [
          "Nơi nhận báo cáo: Phòng GD&ĐT huyện Kim Thành — 1 đơn vị chưa nộp:",
          "• Trường Tiểu học Kim Thành (TH-KT) — chưa nộp, còn hạn",
          "   (chưa có cán bộ truyền thông hay thủ trưởng trong danh sách)",
        ].join("\n"),
        [
          "Nơi nhận báo cáo: Phòng Văn hóa – Xã hội phường Giảng Võ — 1 đơn vị chưa nộp:",
          "• Trường Tiểu học Kim Đồng (TH-KD) — chưa nộp, còn hạn",
          "   Thủ trưởng đơn vị: Thầy Trần Văn Minh, 0987654321",
        ].join("\n"),
        [
          "Nơi nhận báo cáo: Sở Giáo dục và Đào tạo Hà Nội — 1 đơn vị chưa nộp:",
          "• Trường THPT Chu Văn An (THPT-CVA) — chưa nộp, còn hạn",
          "   Thủ trưởng đơn vị: Thầy Ngô Văn Khách, 0911000111",
        ].join("\n"),
        t("missing:privacy"),
      ].join("\n\n"),
    );
    // "Nhắc các đơn vị này" is the digest's remind payload (/nhacnho's handler); "Tải Excel" the export's.
    expect(payloads(list)).toEqual(["remind:MONTHLY:2026-11", "xlsx:MONTHLY:2026-11"]);
    expect(labels(list)).toEqual(["Nhắc các đơn vị này", "Tải Excel"]);
    expect(bot.logs.some((l) => l.includes("0912345678") || l.includes("Nguyễn Thị Lan"))).toBe(false);
  });

  it("a unit that submits disappears from the list, and the counts follow", async () => {
    await submit(U.nguyenDu, new Date("2026-11-09T03:00:00.000Z"));
    const list = await tap("office", NOV);
    expect(list.text).not.toContain("Nguyễn Du");
    expect(list.text).toContain("3/4 đơn vị");
    expect(labels(await say("office", "/trangthai"))[0]).toMatch(/\(3\)$/);
  });

  it("an exempt unit is not listed, nor counted missing on /trangthai", async () => {
    await addExemption(
      tdb.db,
      {
        unitId: U.kimDong,
        obligationCode: "MONTHLY",
        periodKey: "2026-11",
        reason: "Sáp nhập",
        createdBy: "test",
      },
      NOW,
    );
    // Every period: the old school is exempt from the monthly report for good.
    await addExemption(
      tdb.db,
      {
        unitId: U.oldSchool,
        obligationCode: "MONTHLY",
        periodKey: "*",
        reason: "Giải thể",
        createdBy: "test",
      },
      NOW,
    );
    const list = await tap("office", NOV);
    expect(list.text).not.toContain("Kim Đồng");
    expect(list.text).not.toContain("Kim Thành (TH-KT)");
    expect(list.text).toContain("2/4 đơn vị");
    const status = await say("office", "/trangthai");
    expect(status.text).toContain("2/4 đơn vị đã nộp, 2 chưa nộp");
    expect(labels(status)[0]).toMatch(/\(2\)$/);
  });

  it("after the deadline the units are marked overdue with the days late", async () => {
    bot.now = new Date("2026-12-03T03:00:00.000Z");
    const list = await tap("office", NOV);
    expect(list.text).toContain("• Trường THCS Nguyễn Du (THCS-ND) — quá hạn 9 ngày");
  });
});

describe("overseers and refusals", () => {
  it("an overseer sees only the units below theirs, without people's phones and without the office's buttons", async () => {
    const status = await say("commune", "/trangthai");
    expect(payloads(status)).toEqual([NOV]);
    expect(labels(status)[0]).toMatch(/\(2\)$/);
    const list = await tap("commune", NOV);
    expect(list.text).toContain("2/2 đơn vị");
    expect(list.text).toContain("Trường THCS Nguyễn Du (THCS-ND)");
    expect(list.text).toContain("Trường Tiểu học Kim Đồng (TH-KD)");
    expect(list.text).not.toContain("Chu Văn An");
    expect(list.text).not.toContain("Kim Thành (TH-KT)");
    // Names and the unit's own phone, but no personal numbers (Law 91/2025: purpose limitation).
    expect(list.text).toContain("Cán bộ phụ trách truyền thông: Cô Nguyễn Thị Lan");
    expect(list.text).toContain("ĐT đơn vị: 024 3825 0001");
    expect(list.text).not.toContain("0912345678");
    expect(list.text).not.toContain("0987654321");
    expect(list.message.buttons).toBeUndefined();
  });

  it("a forged payload or the typed command from a school head is refused, and reveals nothing", async () => {
    const refusal = t("missing:notAllowed", { title: "Thầy" });
    for (const reply of [
      await tap("school", NOV),
      await tap("school", "miss:MONTHLY:2026-10"),
      await tap("school", "miss:NOPE:2026-11"),
      await say("school", "/chuanop MONTHLY 11/2026"),
      await say("school", "/missing"),
      await tap("lan", NOV),
    ]) {
      expect(reply.text).toBe(reply.chatId === "lan" ? t("missing:notAllowed", { title: "Cô" }) : refusal);
      expect(reply.message.buttons).toBeUndefined();
    }
    // Their own /trangthai has no such button either.
    expect(payloads(await say("school", "/trangthai"))).toEqual([]);
  });
});

describe("/chuanop", () => {
  it("takes the report's code or name words and the period as 11/2026 or 2026-11", async () => {
    const byTap = (await tap("office", NOV)).text;
    expect((await say("office", "/chuanop MONTHLY 11/2026")).text).toBe(byTap);
    expect((await say("office", "/chuanop monthly 2026-11")).text).toBe(byTap);
    expect((await say("office", "/chuanop bao cao cong tac truyen thong 11/2026")).text).toBe(byTap);
    expect((await say("office", "/missing MONTHLY 2026-11")).text).toBe(byTap);
    expect((await say("commune", "/chuanop MONTHLY 11/2026")).text).toBe((await tap("commune", NOV)).text);
  });

  it("a bad period gets the precise format expected for that report", async () => {
    const reply = await say("office", "/chuanop MONTHLY 13/2026");
    expect(reply.text).toBe(
      "Kỳ «13/2026» không đúng với «Báo cáo công tác truyền thông hằng tháng» (báo cáo theo tháng). " +
        "Xin gõ kỳ dạng tháng/năm (11/2026) hoặc năm-tháng (2026-11), ví dụ /chuanop MONTHLY 11/2026.",
    );
    expect((await say("office", "/chuanop MONTHLY 2026-W48")).text).toContain(
      "ví dụ /chuanop MONTHLY 11/2026",
    );
    const unknown = await say("office", "/chuanop BAOCAO_KHAC 11/2026");
    expect(unknown.text).toBe(t("missing:unknownReport", { report: "BAOCAO_KHAC", codes: "MONTHLY" }));
  });

  it("without arguments lists the open reports with their missing counts as buttons", async () => {
    bot.now = new Date("2026-12-03T03:00:00.000Z");
    const reply = await say("office", "/chuanop");
    expect(reply.text).toContain(
      "• Báo cáo công tác truyền thông hằng tháng, tháng 11/2026 — hạn 24/11/2026: 4/4 đơn vị chưa nộp",
    );
    expect(reply.text).toContain(
      "• Báo cáo công tác truyền thông hằng tháng, tháng 12/2026 — hạn 24/12/2026: 4/4 đơn vị chưa nộp",
    );
    expect(payloads(reply)).toEqual([NOV, "miss:MONTHLY:2026-12"]);
    // The report alone: its open periods.
    expect(payloads(await say("office", "/chuanop MONTHLY"))).toEqual([NOV, "miss:MONTHLY:2026-12"]);
  });

  it("is in /trogiup for the Văn phòng and overseers only", async () => {
    expect((await say("office", "/trogiup")).text).toContain(t("missing:help"));
    expect((await say("commune", "/trogiup")).text).toContain(t("missing:help"));
    expect((await say("school", "/trogiup")).text).not.toContain("/chuanop");
  });
});

describe("the channel's button limits", () => {
  it("labels fit the channel's label length; a channel without buttons still gets them, as numbered choices", async () => {
    const narrow: ChannelCapabilities = {
      ...WEB_CAPABILITIES,
      buttons: { maxButtons: 3, maxLabelChars: 30, maxPayloadBytes: 64 },
    };
    const handle = createBotHandler({
      db: tdb.db,
      config: { lang: "vi", officeContact: CONTACT, sessionSecret: undefined },
      log: createLogger("silent"),
      dispatcher: { kick() {} },
      conversation: async () => {},
      status: createStatusReporter({
        lang: "vi",
        plan: async () => ({ plan: PLAN, calendar: CALENDAR }),
        submissions: createSubmissionStatusSource(),
      }),
      now: () => NOW,
      capabilities: (channel) => (channel === "web" ? narrow : { ...WEB_CAPABILITIES, buttons: null }),
    });
    const reply = async (channel: "web" | "zalo-bot", chatId: string) => {
      await linkChat(bot, tdb.db, P.admin, chatId, channel);
      await handle(ev.text(chatId, "/trangthai", channel));
      return (await outbox(tdb.db)).at(-1) as Outgoing;
    };
    const web = await reply("web", "w-admin");
    expect(payloads(web)).toEqual([NOV]);
    expect([...(labels(web)[0] ?? "")].length).toBeLessThanOrEqual(30);
    expect(labels(web)[0]).toBe("Chưa nộp: Báo cáo… 11/2026 (4)");
    const zalo = await reply("zalo-bot", "z-admin");
    expect(payloads(zalo)).toEqual([NOV]);
    expect(labels(zalo)[0]).toBe(`Chưa nộp: ${MONTHLY} 11/2026 (4)`);
  });
});
