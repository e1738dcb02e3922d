/**
 * The assembled product (startApp) keeps the inbound invariants: the bot, behind every wrapper
 * the composition adds, marks each event handled in its own transaction; events left unhandled by
 * a stop are handled at the next start, and a lost file is asked for again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app";
import type { InboundEvent } from "../../src/channels/types";
import { loadConfig } from "../../src/config";
import { openDatabase } from "../../src/db/index";
import { acceptInboundEvents } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { tempDir } from "../helpers/db";

const NOW = new Date("2026-11-23T03:00:00.000Z"); // 10:00 in Hà Nội
let running: RunningApp | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const base = (chatId: string, platformId: string) => ({
  channel: "web" as const,
  chat: { channel: "web" as const, chatId },
  sender: { platformUserId: chatId },
  platformId,
  receivedAt: NOW,
});

async function outboxOf(app: RunningApp, chatId: string): Promise<string[]> {
  const rows = await app.db
    .selectFrom("outbox")
    .select("message")
    .where("chat_id", "=", chatId)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.message);
}

describe("startApp and inbound events", () => {
  it("the bot marks each event handled inside its own transaction", async () => {
    const dir = tempDir();
    const lines: string[] = [];
    const config = loadConfig({ DATA_DIR: dir, BAOCAO_DEMO: "false" }, dir);
    running = await startApp(config, {
      log: createLogger("debug", (l) => lines.push(l)),
      now: () => NOW,
      listen: false,
      scheduler: false,
    });
    await running.pipeline.sink({ ...base("w1", "e1"), kind: "text", text: "/trogiup" });
    await running.pipeline.drain();
    expect(await outboxOf(running, "w1")).toHaveLength(1);
    expect(lines.filter((l) => l.includes("inbound.marked_after"))).toEqual([]);
    const row = await running.db.selectFrom("inbound_events").select(["status", "body"]).executeTakeFirst();
    expect(row).toEqual({ status: "done", body: null });
  });

  it("handles at start what a stop left unhandled, and asks for a lost file again", async () => {
    const dir = tempDir();
    const config = loadConfig({ DATA_DIR: dir, BAOCAO_DEMO: "false" }, dir);
    running = await startApp(config, {
      log: createLogger("silent"),
      now: () => NOW,
      listen: false,
      scheduler: false,
    });
    await running.stop();
    running = undefined;
    // Accepted by a process that then died: in the log, not handled.
    const left: InboundEvent[] = [
      { ...base("w2", "e2"), kind: "text", text: "xin chào" },
      {
        ...base("w3", "e3"),
        kind: "file",
        file: {
          name: null,
          mimeType: "image/jpeg",
          sizeBytes: 10,
          isPhoto: true,
          download: async () => ({ ok: false, reason: "unavailable" }),
        },
      },
    ];
    const opened = await openDatabase(config.database);
    expect(await acceptInboundEvents(opened.db, left, NOW)).toEqual([true, true]);
    await opened.close();

    running = await startApp(config, {
      log: createLogger("silent"),
      now: () => NOW,
      listen: false,
      scheduler: false,
    });
    await running.pipeline.drain();
    const [hello] = await outboxOf(running, "w2");
    expect(hello).toContain("bot:unlinked.intro");
    // An unlinked chat gets what it would have got for the file: how to link.
    const [file] = await outboxOf(running, "w3");
    expect(file).toContain("bot:unlinked.intro");
    const rows = await running.db
      .selectFrom("inbound_events")
      .select(["platform_id", "status", "body"])
      .orderBy("platform_id")
      .execute();
    expect(rows).toEqual([
      { platform_id: "e2", status: "done", body: null },
      { platform_id: "e3", status: "done", body: null },
    ]);
  });
});
