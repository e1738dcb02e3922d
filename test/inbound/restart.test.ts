/**
 * Exactly once across a crash: a child process runs the real pipeline and bot on a real SQLite
 * file and is killed (SIGKILL) while handling an event; the test then "restarts" on the same file
 * (open, migrate, resume) and reads what the chats were sent from the outbox.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLostEventNotice } from "../../src/bot/lost";
import { type Db, migrateToLatest, type OpenDatabase, openDatabase } from "../../src/db/index";
import { createInboundPipeline, type InboundPipeline } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { CONTACT, createBot, linkChat, NOW, outbox, P, seedOrg, t } from "../bot/fixtures";
import { createTestDatabase } from "../helpers/db";
import { DIE_ID, FILE_NAME, scenarioEvents } from "./crash-scenario";

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "crash-child.ts");
const log = createLogger("silent");

let dir: string;
let file: string;
let reopened: OpenDatabase | undefined;

beforeEach(async () => {
  const tdb = await createTestDatabase();
  dir = tdb.dir;
  file = tdb.location;
  await seedOrg(tdb.db);
  const bot = createBot(tdb.db);
  await linkChat(bot, tdb.db, P.lan, "100");
  await linkChat(bot, tdb.db, P.minh, "200");
  await tdb.close();
});
afterEach(async () => {
  await reopened?.close();
  reopened = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the child until it kills itself; resolves with the signal it died of. */
function crash(mode: "inside" | "after"): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, file, mode], {
      cwd: path.resolve(path.dirname(CHILD), "../.."),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === null) reject(new Error(`child exited with ${code}: ${stderr}`));
      else resolve(signal);
    });
  });
}

/** Starts again on the same file the way startApp does: open, migrate, pipeline, resume. */
async function restart(): Promise<{ db: Db; pipeline: InboundPipeline; seen: string[]; resumed: unknown }> {
  reopened = await openDatabase({ kind: "sqlite", file });
  const { db } = reopened;
  await migrateToLatest(db);
  const bot = createBot(db);
  const seen: string[] = [];
  const pipeline = createInboundPipeline({
    db,
    log,
    now: () => NOW,
    handler: async (event, receipt) => {
      seen.push(event.platformId);
      await bot.handle(event, receipt);
    },
    onLost: createLostEventNotice({
      db,
      config: { lang: "vi", officeContact: CONTACT, sessionSecret: undefined },
      log,
      dispatcher: { kick() {} },
      now: () => NOW,
    }),
  });
  const resumed = await pipeline.resume();
  await pipeline.drain();
  return { db, pipeline, seen, resumed };
}

async function texts(db: Db, chatId: string): Promise<string[]> {
  // The greeting of the linking done in beforeEach comes first in each chat.
  return (await outbox(db))
    .filter((o) => o.chatId === chatId)
    .map((o) => o.text)
    .slice(1);
}

async function rows(db: Db) {
  return db.selectFrom("inbound_events").select(["platform_id", "status", "body"]).orderBy("seq").execute();
}

const helpStart = t("bot:commands.intro", { title: "Cô" });
const lostFile = t("inbound:lost.fileNamed", {
  title: "Thầy",
  name: FILE_NAME,
  time: "10:00",
  date: "10/11/2026",
});

describe("a crash between accepting an event and committing its effects", () => {
  it("handles the interrupted event again after the restart, once, in the chat's order", async () => {
    expect(await crash("inside")).toBe("SIGKILL");

    const { db, pipeline, seen, resumed } = await restart();
    expect(resumed).toEqual({ requeued: 2, lost: 1 });
    // upd-a1 committed before the crash and is not handled again; the rest is, in order.
    expect(seen).toEqual([DIE_ID, "upd-a3"]);
    const lan = await texts(db, "100");
    expect(lan).toHaveLength(3);
    expect(lan[0]).toBe(lan[2]); // both /trangthai
    expect(lan[0]?.split("\n")[0]).toBe(
      t("bot:status.heading", { unit: "Trường THCS Nguyễn Du", month: 11, year: 2026 }),
    );
    expect(lan[1]?.startsWith(helpStart)).toBe(true);
    expect((await rows(db)).map((r) => [r.platform_id, r.status, r.body])).toEqual([
      ["upd-a1", "done", null],
      [DIE_ID, "done", null],
      ["upd-a3", "done", null],
      ["upd-f1", "done", null],
    ]);

    // The platform redelivers the interrupted update after the restart: dropped.
    const redelivered = scenarioEvents().find((e) => e.platformId === DIE_ID);
    if (!redelivered) throw new Error("scenario");
    await pipeline.sink(redelivered);
    await pipeline.drain();
    expect(seen).toEqual([DIE_ID, "upd-a3"]);
    expect(await texts(db, "100")).toHaveLength(3);
  });

  it("does not handle again an event whose transaction committed just before the crash", async () => {
    expect(await crash("after")).toBe("SIGKILL");

    const { db, seen, resumed } = await restart();
    expect(resumed).toEqual({ requeued: 1, lost: 1 });
    expect(seen).toEqual(["upd-a3"]);
    const lan = await texts(db, "100");
    expect(lan).toHaveLength(3);
    expect(lan[1]?.startsWith(helpStart)).toBe(true);
  });

  it("asks for a file again: its download cannot be rebuilt after a restart", async () => {
    expect(await crash("inside")).toBe("SIGKILL");

    const { db } = await restart();
    expect(await texts(db, "200")).toEqual([lostFile]);
    const [reply] = (await outbox(db)).filter((o) => o.chatId === "200").slice(1);
    expect(reply?.personId).toBe(P.minh);
    // Restarting again sends nothing more.
    await reopened?.close();
    reopened = undefined;
    const again = await restart();
    expect(again.resumed).toEqual({ requeued: 0, lost: 0 });
    expect(await texts(again.db, "200")).toEqual([lostFile]);
  });
});
