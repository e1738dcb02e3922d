/** /nhacnho in chat, and the CLI commands (outbox list/retry, exemptions, reminders preview). */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundEvent } from "../../src/channels/types";
import { runCli } from "../../src/cli/run";
import { withReminderCommands } from "../../src/reminders/chat";
import { createHarness, type Harness, log, vn } from "./harness";

describe("/nhacnho for Văn phòng staff", () => {
  let h: Harness;
  const passed: InboundEvent[] = [];
  beforeEach(async () => {
    h = await createHarness("modern", vn("2026-11-27 10:00"));
    passed.length = 0;
  });
  afterEach(async () => h.dispose());

  const say = (name: string, text: string): InboundEvent => ({
    channel: "telegram",
    chat: { channel: "telegram", chatId: h.person(name).chatId },
    sender: { platformUserId: h.person(name).chatId },
    platformId: `${name}-${text}`,
    receivedAt: vn("2026-11-27 10:00"),
    kind: "text",
    text,
  });
  const handler = () =>
    withReminderCommands(async (e) => void passed.push(e), {
      db: h.db.db,
      log,
      lang: "vi",
      reminders: h.service,
      kick: () => h.dispatcher.kick(),
      now: () => vn("2026-11-27 10:00"),
    });
  const repliesTo = async (name: string) =>
    (
      await h.db.db
        .selectFrom("outbox")
        .select("message")
        .where("kind", "=", "reply")
        .where("chat_id", "=", h.person(name).chatId)
        .execute()
    ).map(
      (r) =>
        JSON.parse(r.message) as {
          parts: { key: string; params?: Record<string, unknown> }[];
          buttons?: { payload: string }[];
        },
    );

  it("reminds every missing unit now, once a day, and tells the office what happened", async () => {
    await h.submit("TH-KIMDONG", "DL_MONTHLY", "2026-11", vn("2026-11-20 10:00"));
    const bot = handler();
    await bot(say("Lê Thị Mai", "/nhacnho DL_MONTHLY 2026-11"));
    const manual = await h.db.db
      .selectFrom("reminder_messages")
      .select(["unit_id", "person_id"])
      .where("step", "=", "manual-2026-11-27")
      .execute();
    const units = new Set(manual.map((m) => m.unit_id));
    const owing = await h.db.db
      .selectFrom("units")
      .select("id")
      .where("kind", "in", ["school", "center"])
      .execute();
    expect(units.size).toBe(owing.length - 1);
    expect(units.has(await h.unitId("TH-KIMDONG"))).toBe(false);
    const [reply] = await repliesTo("Lê Thị Mai");
    expect(reply?.parts[0]).toMatchObject({
      key: "reminders:chat.queued",
      params: { units: owing.length - 1, now: manual.length, later: 0, skipped: 0 },
    });
    await bot(say("Lê Thị Mai", "/nhacnho DL_MONTHLY 2026-11"));
    expect((await repliesTo("Lê Thị Mai"))[1]?.parts[0]).toMatchObject({
      params: { now: 0, skipped: manual.length },
    });
    expect(passed).toEqual([]);
  });

  it("is refused to a school's staff; other messages go to the bot untouched", async () => {
    const bot = handler();
    await bot(say("Trịnh Văn Khoa", "/nhacnho DL_MONTHLY 2026-11"));
    expect((await repliesTo("Trịnh Văn Khoa"))[0]?.parts[0]?.key).toBe("reminders:chat.notAllowed");
    await bot(say("Trịnh Văn Khoa", "/trangthai"));
    expect(passed).toHaveLength(1);
  });

  it("--now outside the sending window asks for a confirmation first and queues nothing", async () => {
    const bot = withReminderCommands(async (e) => void passed.push(e), {
      db: h.db.db,
      log,
      lang: "vi",
      reminders: h.service,
      kick: () => undefined,
      now: () => vn("2026-11-27 19:00"),
    });
    await bot(say("Lê Thị Mai", "/nhacnho DL_MONTHLY 2026-11 --now"));
    const [reply] = await repliesTo("Lê Thị Mai");
    expect(reply?.parts[0]?.key).toBe("reminders:chat.confirmNow");
    expect(reply?.buttons?.map((b) => b.payload)).toEqual(["remindnow:DL_MONTHLY:2026-11", "remindno"]);
    expect(
      await h.db.db
        .selectFrom("reminder_messages")
        .select("outbox_id")
        .where("step", "like", "manual%")
        .execute(),
    ).toEqual([]);
  });
});

describe("CLI", () => {
  let h: Harness;
  let out: string[];
  const env = () => ({
    DATABASE_URL: path.join(h.db.dir, "baocao.db"),
    DATA_DIR: h.db.dir,
    BAOCAO_PLAN: "modern",
  });
  const cli = async (...argv: string[]) => {
    out = [];
    return runCli(argv, {
      env: env(),
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      now: () => vn("2026-11-17 09:00"),
    });
  };
  beforeEach(async () => {
    h = await createHarness("modern", vn("2026-11-17 09:00"));
  });
  afterEach(async () => h.dispose());

  it("reminders preview shows what would go out, to whom and why, and sends nothing", async () => {
    expect(await cli("reminders", "preview", "--at", "2026-11-17T09:00:00+07:00", "--json")).toBe(0);
    const preview = JSON.parse(out[0] ?? "{}") as {
      messages: { personName: string; why: string; step: string }[];
    };
    expect(preview.messages).toContainEqual(
      expect.objectContaining({ personName: "Đoàn Thị Thu", step: "b5", why: "5 ngày làm việc trước hạn" }),
    );
    expect(await h.db.db.selectFrom("outbox").select("id").execute()).toEqual([]);
    expect(await cli("reminders", "preview", "--at", "hôm qua")).toBe(2);
  });

  it("exemptions add, list, remove; an exempt unit is not reminded", async () => {
    expect(
      await cli(
        "exemptions",
        "add",
        "TH-KIMDONG",
        "DL_MONTHLY",
        "2026-11",
        "--reason",
        "Trường đang sửa chữa",
      ),
    ).toBe(0);
    expect(out[0]).toContain("Đã miễn Trường Tiểu học Kim Đồng");
    expect(await cli("exemptions", "list")).toBe(0);
    expect(out.join("\n")).toContain("Trường đang sửa chữa");
    await h.step();
    const kimDong = await h.unitId("TH-KIMDONG");
    const monthly = await h.db.db
      .selectFrom("reminder_messages")
      .select("unit_id")
      .where("obligation_code", "=", "DL_MONTHLY")
      .execute();
    expect(monthly.some((r) => r.unit_id === kimDong)).toBe(false);
    expect(await cli("exemptions", "add", "TH-KIMDONG", "DL_MONTHLY", "2026-13", "--reason", "x")).toBe(1);
    expect(await cli("exemptions", "remove", "TH-KIMDONG", "DL_MONTHLY", "2026-11")).toBe(0);
    expect(await cli("exemptions", "list", "--json")).toBe(0);
    expect(JSON.parse(out[0] ?? "{}")).toEqual({ exemptions: [] });
  });

  it("outbox list shows dead rows with their reason; retry puts one back", async () => {
    h.telegram.fail(h.person("Đoàn Thị Thu").chatId, {
      status: "permanent",
      reason: "blocked",
      detail: "Forbidden",
    });
    await h.step();
    expect(await cli("outbox", "list", "--status", "dead", "--json")).toBe(0);
    const rows = (
      JSON.parse(out[0] ?? "{}") as { rows: { id: number; personName: string; lastError: string }[] }
    ).rows;
    const dead = rows.find((r) => r.personName === "Đoàn Thị Thu");
    expect(dead?.lastError).toBe("permanent:blocked: Forbidden");
    expect(await cli("outbox", "retry", String(dead?.id))).toBe(0);
    expect(
      (
        await h.db.db
          .selectFrom("outbox")
          .select("status")
          .where("id", "=", dead?.id ?? 0)
          .executeTakeFirst()
      )?.status,
    ).toBe("pending");
    expect(await cli("outbox", "list", "--status", "nonsense")).toBe(2);
    const sent = await h.db.db
      .selectFrom("outbox")
      .select("id")
      .where("status", "=", "sent")
      .executeTakeFirstOrThrow();
    expect(await cli("outbox", "retry", String(sent.id))).toBe(1);
    expect(fs.existsSync(h.db.dir)).toBe(true);
  });
});
