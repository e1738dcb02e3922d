import { afterEach, describe, expect, it } from "vitest";
import { createTelegramAdapter } from "../../../src/channels/telegram/index";
import { createLogger } from "../../../src/log";
import { startTelegramTest, type TelegramTest, waitForEvents } from "./harness";
import { fixture, startUpdate, textUpdate } from "./updates";

describe("telegram long polling", () => {
  let t: TelegramTest | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("starts with getMe, a Vietnamese command menu (English for English clients) and no webhook", async () => {
    t = await startTelegramTest({ mode: "polling" });
    expect(t.fake.callsTo("getMe")).toHaveLength(1);
    expect(t.fake.callsTo("deleteWebhook")).toHaveLength(1);
    const [vi, en] = t.fake.callsTo("setMyCommands");
    const commands = (c: typeof vi) =>
      (c?.params.commands as { command: string; description: string }[]) ?? [];
    expect(commands(vi).map((c) => c.command)).toEqual([
      "baocao",
      "tieptuc",
      "tinbai",
      "vuviec",
      "trangthai",
      "huy",
      "dulieu",
      "huylienket",
      "trogiup",
    ]);
    expect(commands(vi).find((c) => c.command === "trangthai")?.description).toBe(
      "Xem tình trạng nộp báo cáo",
    );
    expect(vi?.params.language_code).toBeUndefined();
    expect(en?.params.language_code).toBe("en");
    expect(commands(en).find((c) => c.command === "trogiup")?.description).toBe("How to use the bot");
    expect(t.adapter.webhook).toBeUndefined();
  });

  it("receives text, commands and /start <payload> through getUpdates", async () => {
    t = await startTelegramTest({ mode: "polling" });
    await t.fake.pushUpdate(startUpdate({ updateId: 10, chatId: 7001 }, "K7M2-QX9P_ab"));
    await t.fake.pushUpdate(textUpdate({ updateId: 11, chatId: 7001 }, "/trangthai@baocao_test_bot"));
    await t.fake.pushUpdate(startUpdate({ updateId: 12, chatId: 7002 }, null));
    await waitForEvents(t, 3);
    expect(t.events).toMatchObject([
      { kind: "start", payload: "K7M2-QX9P_ab", platformId: "m:7001:10" },
      { kind: "text", text: "/trangthai" },
      { kind: "start", payload: null, chat: { chatId: "7002" } },
    ]);
    expect(t.adapter.inviteLink?.("K7M2-QX9P_ab")).toBe("https://t.me/baocao_test_bot?start=K7M2-QX9P_ab");
    expect(t.adapter.inviteLink?.("not a code!")).toBeUndefined();
  });

  it("does not process an update again when a restarted bot fetches it a second time", async () => {
    t = await startTelegramTest({ mode: "polling" });
    const update = textUpdate({ updateId: 20, chatId: 7003 }, "Báo cáo tuần");
    await t.fake.pushUpdate(update);
    await waitForEvents(t, 1);
    await t.adapter.stop();
    // A crash before the offset was confirmed: Telegram still holds the update and a fresh
    // process (offset back to the start) gets it again, with the same database.
    const second = createTelegramAdapter(
      { token: t.fake.token, apiRoot: t.fake.apiRoot, webhookUrl: undefined, webhookSecret: undefined },
      { log: createLogger("silent") },
    );
    await second.start(t.pipeline.sink);
    await t.fake.pushUpdate(update);
    await t.fake.pushUpdate(textUpdate({ updateId: 21, chatId: 7003 }, "Tin mới"));
    await waitForEvents(t, 2);
    await second.stop();
    expect(t.events.map((e) => e.kind === "text" && e.text)).toEqual(["Báo cáo tuần", "Tin mới"]);
    const rows = await t.db.db.selectFrom("inbound_events").select("platform_id").execute();
    expect(rows.map((r) => r.platform_id).sort()).toEqual(["m:7003:20", "m:7003:21"]);
  });

  it("stops promptly while a long poll is waiting, confirming the offset", async () => {
    t = await startTelegramTest({ mode: "polling" });
    await t.fake.pushUpdate(fixture("text"));
    await waitForEvents(t, 1);
    await t.fake.waitFor((calls) => calls.filter((c) => c.method === "getUpdates").length >= 2);
    await t.adapter.stop();
    const last = t.fake.callsTo("getUpdates").at(-1);
    expect(last?.params.offset).toBe(731824561);
  });
});
