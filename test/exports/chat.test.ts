/**
 * /xuatexcel (/export) and the "Tải Excel" button (xlsx:<OBLIGATION>:<PERIOD>): the Văn phòng gets the
 * workbook as a file in the chat (through the outbox, and through the fake Telegram Bot API as a
 * document); a school head, or anyone forging the payload, gets a polite refusal and no data; a
 * channel that cannot carry the file, or a file above its limit, gets the exact reason and the
 * command to run instead; wrong reports and periods get precise messages.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TELEGRAM_CAPABILITIES } from "../../src/channels/telegram/adapter";
import { createTelegramAdapter } from "../../src/channels/telegram/index";
import type { ChannelCapabilities, ChannelId, InboundEvent, OutboundMessage } from "../../src/channels/types";
import { zaloBotCapabilities } from "../../src/channels/zalo-bot/index";
import { zaloOaCapabilities } from "../../src/channels/zalo-oa/index";
import { ZALO_OA_FILE_MAX_BYTES, ZALO_OA_FILE_OUT_TYPES } from "../../src/channels/zalo-oa/send";
import type { ZaloOaConfig } from "../../src/config-zalo";
import { linkChat } from "../../src/db/channel-links";
import type { Db } from "../../src/db/index";
import { type ExportCommandDeps, withExportCommands } from "../../src/exports/chat";
import { exportsDir, pruneExports } from "../../src/exports/retention";
import type { InboundReceipt } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { createDispatcher } from "../../src/outbox/index";
import { outbox, P, PUBLIC_URL } from "../conversation/runner/harness";
import { startFakeTelegramServer } from "../fakes/telegram-server";
import { type ExportFixture, readWorkbook, rowValues, startExportFixture } from "./fixtures";

let f: ExportFixture;
const passed: InboundEvent[] = [];
const marked: string[] = [];
let counter = 0;

const CAPABILITIES: Partial<Record<ChannelId, ChannelCapabilities>> = {
  telegram: TELEGRAM_CAPABILITIES,
  "zalo-bot": zaloBotCapabilities(false),
  "zalo-oa": zaloOaCapabilities({ zbsTemplates: {} } as unknown as ZaloOaConfig),
  // A channel whose file limit is below the workbook's size.
  "zalo-personal": { ...TELEGRAM_CAPABILITIES, filesOut: { maxBytes: 4 * 1024 } },
};

function handler(db: Db, plan: ExportCommandDeps["plan"] = async () => f.h.active) {
  return withExportCommands(async (e) => void passed.push(e), {
    db,
    log: createLogger("silent"),
    lang: "vi",
    plan,
    dataDir: f.h.tdb.dir,
    publicUrl: PUBLIC_URL,
    capabilities: (channel) => CAPABILITIES[channel],
    kick: () => {},
    now: () => f.h.now,
  });
}

function event(
  chatId: string,
  body: { text: string } | { payload: string },
  channel: ChannelId = "telegram",
) {
  const id = `x-${++counter}`;
  return {
    channel,
    chat: { channel, chatId },
    sender: { platformUserId: `u-${chatId}` },
    platformId: id,
    receivedAt: f.h.now,
    ...("text" in body
      ? { kind: "text" as const, text: body.text }
      : { kind: "action" as const, payload: body.payload }),
  } as InboundEvent;
}

/** Sends one event through the wrapper; returns what it queued and whether the event was marked handled. */
async function send(e: InboundEvent, plan?: ExportCommandDeps["plan"]) {
  const before = (await outbox(f.h.db)).length;
  const receipt: InboundReceipt = {
    async markHandled() {
      marked.push(e.platformId);
    },
  };
  await handler(f.h.db, plan)(e, receipt);
  const queued = (await outbox(f.h.db)).slice(before);
  return { queued, text: queued.map((q) => q.text).join("\n"), handled: marked.includes(e.platformId) };
}

const typed = (chatId: string, text: string, channel: ChannelId = "telegram") =>
  send(event(chatId, { text }, channel));
const tapped = (chatId: string, payload: string) => send(event(chatId, { payload }));

beforeAll(async () => {
  f = await startExportFixture();
  for (const channel of ["zalo-bot", "zalo-oa", "zalo-personal"] as const) {
    await linkChat(f.h.db, {
      personId: P.tuan,
      channel,
      chatId: `tuan-${channel}`,
      platformUserId: `tuan-${channel}`,
      at: f.h.now,
    });
  }
}, 60_000);
afterAll(async () => {
  await f.h.dispose();
});

async function workbookOf(message: OutboundMessage): Promise<ExcelJS.Workbook> {
  const file = message.file;
  if (!file) throw new Error("no file");
  return readWorkbook(new Uint8Array(fs.readFileSync(file.path)));
}

describe("/xuatexcel and the Tải Excel button", () => {
  it("sends the Văn phòng the workbook as a file, typed or tapped", async () => {
    const typedReply = await typed("tuan", "/xuatexcel DL_MONTHLY 2026-11");
    expect(typedReply.handled).toBe(true);
    expect(typedReply.queued).toHaveLength(1);
    const [reply] = typedReply.queued;
    expect(reply?.personId).toBe(P.tuan);
    expect(reply?.text).toBe(
      "Gửi Đồng chí bảng tổng hợp «Báo cáo tháng công tác truyền thông và tình hình dư luận», tháng 11/2026: 5 đơn vị phải nộp, 4 đã nộp (kể cả được miễn), 1 chưa nộp.",
    );
    const file = reply?.message.file;
    expect(file).toMatchObject({
      name: "tong-hop_DL_MONTHLY_2026-11.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(file?.path.startsWith(exportsDir(f.h.tdb.dir))).toBe(true);
    expect(fs.statSync(file?.path ?? "").size).toBe(file?.sizeBytes);
    const workbook = await workbookOf(reply?.message as OutboundMessage);
    const sheet = workbook.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    expect([2, 3, 4, 5, 6].map((n) => rowValues(sheet, n).slice(1, 3))).toEqual([
      ["MN-HS", "Trường Mầm non Hoa Sữa"],
      ["TH-DL", "Trường Tiểu học Đồng Lạc"],
      ["TH-KD", "Trường Tiểu học Kim Đồng"],
      ["THCS-ND", "Trường THCS Nguyễn Du"],
      ["TT-GDNN", "Trung tâm GDNN-GDTX huyện Kim Thành"],
    ]);

    const button = await tapped("tuan", "xlsx:DL_MONTHLY:2026-11");
    expect(button.queued[0]?.message.file?.name).toBe("tong-hop_DL_MONTHLY_2026-11.xlsx");
    // The English alias, accents and "11/2026" as people write a period.
    const alias = await typed("tuan", "/Xuất_Excel@baocao_bot dl_monthly 11/2026");
    expect(alias.queued[0]?.message.file?.name).toBe("tong-hop_DL_MONTHLY_2026-11.xlsx");
    expect((await typed("tuan", "/export DL_MONTHLY 2026-11")).queued[0]?.message.file).toBeDefined();
    expect(passed).toEqual([]);
  });

  it("refuses a school head politely, with no data, typed or with a forged payload", async () => {
    for (const reply of [
      await typed("minh", "/xuatexcel DL_MONTHLY 2026-11"),
      await tapped("minh", "xlsx:DL_MONTHLY:2026-11"),
      await tapped("hung", "xlsx:DL_MONTHLY:2026-11"),
    ]) {
      expect(reply.handled).toBe(true);
      expect(reply.queued).toHaveLength(1);
      expect(reply.queued[0]?.message.file).toBeUndefined();
      expect(reply.text).toMatch(
        /^Xin lỗi (Thầy|Cô), bảng tổng hợp Excel chỉ dành cho cán bộ Văn phòng Sở\.$/,
      );
    }
    expect(passed).toEqual([]);
  });

  it("tells a channel that cannot carry the file why, and what to run instead", async () => {
    const cli =
      "baocao submissions export tong-hop_DL_MONTHLY_2026-11.xlsx --obligation DL_MONTHLY --period 2026-11";
    const noFiles = await typed("tuan-zalo-bot", "/xuatexcel DL_MONTHLY 2026-11", "zalo-bot");
    expect(noFiles.text).toBe(
      `Kênh chat này không gửi được tệp Excel. Đồng chí lấy bảng tổng hợp bằng cách mở trang chat ${PUBLIC_URL}/chat và gõ lại lệnh, hoặc chạy trên máy chủ: ${cli}`,
    );
    expect(noFiles.queued[0]?.message.file).toBeUndefined();
    // Zalo OA sends files, but only PDF, Word, CSV and images.
    expect(ZALO_OA_FILE_OUT_TYPES).not.toContain(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(CAPABILITIES["zalo-oa"]?.filesOut?.maxBytes).toBe(ZALO_OA_FILE_MAX_BYTES);
    const oa = await typed("tuan-zalo-oa", "/xuatexcel DL_MONTHLY 2026-11", "zalo-oa");
    expect(oa.text).toBe(noFiles.text);
    const tooLarge = await typed("tuan-zalo-personal", "/xuatexcel DL_MONTHLY 2026-11", "zalo-personal");
    expect(tooLarge.text).toMatch(
      new RegExp(
        `^Bảng tổng hợp nặng 0\\.\\d MB, quá giới hạn 0 MB của kênh chat này\\. Đồng chí lấy tệp bằng lệnh trên máy chủ: ${cli.replace(/[.]/g, "\\.")}$`,
      ),
    );
    expect(tooLarge.queued[0]?.message.file).toBeUndefined();
  });

  it("answers wrong reports and periods precisely", async () => {
    expect((await typed("tuan", "/xuatexcel")).text).toBe(
      "Cách dùng: /xuatexcel <mã báo cáo> <kỳ>, ví dụ /xuatexcel DL_MONTHLY 2026-11.",
    );
    expect((await typed("tuan", "/xuatexcel DL_MONTHLY")).text).toContain("Cách dùng: /xuatexcel");
    expect((await typed("tuan", "/xuatexcel DL_MONTHLY 2026-13")).text).toBe(
      "Kỳ «2026-13» không dùng được cho DL_MONTHLY (báo cáo hằng tháng). Kỳ của báo cáo này viết như: 2026-11.",
    );
    expect((await tapped("tuan", "xlsx:DL_MONTHLY:2026-W48")).text).toContain(
      "Kỳ «2026-W48» không dùng được",
    );
    const unknown = (await typed("tuan", "/xuatexcel BC_KHONG_CO 2026-11")).text;
    expect(unknown).toMatch(
      /^Kế hoạch đang áp dụng không có báo cáo «BC_KHONG_CO»\. Các mã báo cáo: DL_MONTHLY, /,
    );
    expect((await typed("tuan", "/xuatexcel WEEKLY_ARTICLE 2026-W48")).text).toBe(
      "WEEKLY_ARTICLE (Tin bài hay của trường mỗi tuần) không phải báo cáo định kỳ có biểu mẫu nên không có bảng tổng hợp.",
    );
  });

  it("tells the office when the export fails, and marks the event handled", async () => {
    const failing = await send(event("tuan", { text: "/xuatexcel DL_MONTHLY 2026-11" }), async () => {
      throw new Error("calendar missing");
    });
    expect(failing.handled).toBe(true);
    expect(failing.text).toBe(
      "Đã xảy ra lỗi không mong muốn. Dữ liệu của Thầy/Cô không bị mất; xin thử lại sau ít phút.",
    );
    expect(failing.queued[0]?.message.file).toBeUndefined();
  });

  it("leaves everything else, and chats nobody linked, to the bot", async () => {
    await typed("tuan", "/trangthai");
    await tapped("tuan", "status:u-thcs-nd");
    await typed("stranger", "/xuatexcel DL_MONTHLY 2026-11");
    expect(passed.map((e) => ("text" in e ? e.text : "payload" in e ? e.payload : ""))).toEqual([
      "/trangthai",
      "status:u-thcs-nd",
      "/xuatexcel DL_MONTHLY 2026-11",
    ]);
    passed.length = 0;
  });

  it("reaches the office's Telegram chat as a document", async () => {
    const fake = await startFakeTelegramServer();
    const log = createLogger("silent");
    const adapter = createTelegramAdapter(
      { token: fake.token, apiRoot: fake.apiRoot, webhookUrl: undefined, webhookSecret: undefined },
      { log },
    );
    const dispatcher = createDispatcher({ db: f.h.db, adapters: [adapter], log, now: () => f.h.now });
    try {
      // Only this test's rows go out.
      await f.h.db.updateTable("outbox").set({ status: "sent" }).execute();
      await dispatcher.start();
      const { queued } = await tapped("tuan", "xlsx:DL_MONTHLY:2026-11");
      dispatcher.kick();
      await fake.waitFor((calls) => calls.some((c) => c.method === "sendDocument"));
      const document = fake.sentTo("tuan").find((m) => m.method === "sendDocument");
      const stored = fs.readFileSync(queued[0]?.message.file?.path ?? "");
      expect(document?.file).toMatchObject({
        name: "tong-hop_DL_MONTHLY_2026-11.xlsx",
        sizeBytes: stored.byteLength,
        sha256: createHash("sha256").update(stored).digest("hex"),
      });
      expect(
        fake
          .sentTo("tuan")
          .map((m) => m.text)
          .join("\n"),
      ).toContain("Gửi Đồng chí bảng tổng hợp");
    } finally {
      await dispatcher.stop();
      await fake.close();
    }
  });
});

describe("exported workbooks on disk", () => {
  it("are kept a week after they were made, then removed (they carry submitters' names)", async () => {
    const { queued } = await typed("tuan", "/xuatexcel DL_MONTHLY 2026-11");
    const file = queued[0]?.message.file?.path ?? "";
    expect(fs.existsSync(file)).toBe(true);
    const made = fs.statSync(file).mtime;
    expect(await pruneExports(f.h.tdb.dir, new Date(made.getTime() + 6 * 86_400_000))).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    expect(await pruneExports(f.h.tdb.dir, new Date(made.getTime() + 8 * 86_400_000))).toBeGreaterThan(0);
    expect(fs.existsSync(file)).toBe(false);
  });
});
