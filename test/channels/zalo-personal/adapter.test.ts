import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelAdapter, InboundEvent } from "../../../src/channels/types";
import {
  createZaloPersonalAdapter,
  writeCredentials,
  type ZaloPersonalHealth,
} from "../../../src/channels/zalo-personal/index";
import { loadConfig } from "../../../src/config";
import type { ZaloPersonalConfig } from "../../../src/config-zalo";
import { createInboundPipeline, type InboundPipeline } from "../../../src/inbound/index";
import { createLogger } from "../../../src/log";
import { createFakeZaloPersonal, type FakeZaloPersonal } from "../../fakes/zalo-personal";
import { createTestDatabase, type TestDatabase } from "../../helpers/db";

let fake: FakeZaloPersonal;
let db: TestDatabase;
let pipeline: InboundPipeline;
let handled: InboundEvent[];
let healths: ZaloPersonalHealth[];
let adapter: ChannelAdapter;
let config: ZaloPersonalConfig;

function configFor(env: Record<string, string> = {}): ZaloPersonalConfig {
  const c = loadConfig(
    { ZALO_PERSONAL_ENABLED: "true", ZALO_PERSONAL_SEND_INTERVAL_SECONDS: "0", DATA_DIR: db.dir, ...env },
    db.dir,
  ).zaloPersonal;
  if (!c) throw new Error("not enabled");
  return c;
}

async function start(env: Record<string, string> = {}) {
  config = configFor(env);
  adapter = createZaloPersonalAdapter(config, {
    login: fake,
    reconnectBaseMs: 5,
    onHealth: (h) => void healths.push(h),
  });
  await adapter.start(pipeline.sink);
}

async function until(cond: () => boolean) {
  for (let i = 0; i < 300 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
}

beforeEach(async () => {
  fake = createFakeZaloPersonal();
  db = await createTestDatabase();
  handled = [];
  healths = [];
  pipeline = createInboundPipeline({
    db: db.db,
    log: createLogger("silent"),
    handler: async (e) => void handled.push(e),
  });
});
afterEach(async () => {
  await adapter?.stop();
  await pipeline.drain();
  await db.dispose();
});

const dm = { channel: "zalo-personal" as const, chatId: "7000000000000001" };

describe("zalo-personal without a session", () => {
  it("reports logged_out and refuses to send until someone logs in", async () => {
    await start();
    expect(healths.at(-1)?.state).toBe("logged_out");
    expect(fake.logins).toHaveLength(0);
    expect(await adapter.send(dm, { lang: "vi", parts: [{ text: "x" }] })).toMatchObject({
      status: "retryable",
      reason: "zalo-personal not connected",
      unavailable: true,
    });
  });
});

describe("zalo-personal with a saved session", () => {
  beforeEach(async () => {
    await writeCredentials(path.join(db.dir, "zalo-personal", "credentials.json"), fake.validCredentials);
  });

  it("logs in with the saved credentials and passes direct messages on, not group chatter or its own", async () => {
    await start();
    await until(() => healths.at(-1)?.state === "connected");
    expect(fake.logins).toEqual([fake.validCredentials]);
    fake.deliver({ threadId: dm.chatId, msgId: "m1", text: "Xin chào, em là Thầy Hùng" });
    fake.deliver({ threadId: "g1", msgId: "m2", text: "chào cả nhóm", isGroup: true });
    fake.deliver({ threadId: dm.chatId, msgId: "m3", text: "tin từ điện thoại", isSelf: true });
    fake.deliver({ threadId: dm.chatId, msgId: "m1", text: "Xin chào, em là Thầy Hùng" });
    await until(() => handled.length >= 1);
    await pipeline.drain();
    expect(handled).toHaveLength(1);
    expect(handled[0]).toMatchObject({
      kind: "text",
      chat: dm,
      platformId: "m1",
      text: "Xin chào, em là Thầy Hùng",
    });
  });

  it("takes in a shared file as evidence", async () => {
    await start();
    fake.hostFile("https://f.zdn.example/x.pdf", Buffer.from("%PDF"));
    fake.deliver({
      threadId: dm.chatId,
      msgId: "f1",
      attachment: {
        url: "https://f.zdn.example/x.pdf",
        name: "minh-chung.pdf",
        sizeBytes: 4,
        isPhoto: false,
      },
    });
    await until(() => handled.length === 1);
    const event = handled[0];
    if (event?.kind !== "file") throw new Error("expected a file");
    expect(event.file.name).toBe("minh-chung.pdf");
    expect((await event.file.download()).ok).toBe(true);
  });

  it("sends direct messages in 2,000-character pieces with numbered choices, and digests to a group", async () => {
    await start();
    const long = Array.from({ length: 600 }, (_, i) => `câu ${i}.`).join(" ");
    expect((await adapter.send(dm, { lang: "vi", parts: [{ text: long }] })).status).toBe("sent");
    expect(fake.sent.length).toBeGreaterThanOrEqual(3);
    expect(
      fake.sent.every((s) => (s.text ?? "").length <= 2000 && s.threadId === dm.chatId && !s.isGroup),
    ).toBe(true);
    fake.sent.length = 0;
    await adapter.send(dm, {
      lang: "vi",
      parts: [{ text: "Xác nhận?" }],
      buttons: [
        { label: { text: "Đồng ý" }, payload: "yes" },
        { label: { text: "Không" }, payload: "no" },
      ],
    });
    expect(fake.sent[0]?.text).toContain("1. Đồng ý\n2. Không");
    fake.groups = [{ id: "5000000000000009", name: "Văn phòng Sở và các trường", memberCount: 42 }];
    await adapter.send(
      { channel: "zalo-personal", chatId: "group:5000000000000009" },
      { lang: "vi", parts: [{ text: "Bản tin" }] },
    );
    expect(fake.sent.at(-1)).toMatchObject({ threadId: "5000000000000009", isGroup: true, text: "Bản tin" });
  });

  it("gives up on a group the account is no longer in, and retries other group failures", async () => {
    await start();
    const group = { channel: "zalo-personal" as const, chatId: "group:5000000000000009" };
    const digest = { lang: "vi" as const, parts: [{ text: "Bản tin" }] };
    fake.groups = [{ id: "5000000000000009", name: "Văn phòng Sở và các trường", memberCount: 42 }];
    fake.failNextSend(-1, "Lỗi kết nối");
    expect(await adapter.send(group, digest)).toMatchObject({ status: "retryable", retryAfterMs: 60_000 });
    fake.failNextSend(221);
    expect(await adapter.send(group, digest)).toMatchObject({ status: "retryable", throttled: true });
    fake.groups = [];
    const gone = await adapter.send(group, digest);
    expect(gone).toMatchObject({ status: "permanent", reason: "chat_not_found" });
    expect(gone.status === "permanent" ? gone.detail : "").toMatch(
      /^not a member of Zalo group 5000000000000009 any more/,
    );
    expect(fake.sent).toEqual([]);
  });

  it("reconnects with backoff after the connection drops", async () => {
    await start();
    await until(() => healths.at(-1)?.state === "connected");
    fake.drop(1006);
    await until(() => fake.logins.length === 2 && healths.at(-1)?.state === "connected");
    expect(healths.map((h) => h.state)).toEqual([
      "connecting",
      "connected",
      "disconnected",
      "connecting",
      "connected",
    ]);
    expect(healths[2]?.reconnectInMs).toBe(5);
  });

  it("waits 15 minutes before taking the session back from another Zalo Web", async () => {
    await start();
    await until(() => healths.at(-1)?.state === "connected");
    fake.drop(3000);
    expect(healths.at(-1)).toMatchObject({ state: "disconnected", reconnectInMs: 15 * 60_000 });
    expect(fake.logins).toHaveLength(1);
  });

  it("reports login_failed when Zalo refuses the saved session", async () => {
    fake.validCredentials = { ...fake.validCredentials, imei: "another" };
    await start();
    expect(healths.at(-1)).toMatchObject({ state: "login_failed", detail: "Đăng nhập thất bại" });
  });

  it("never messages more distinct people per hour than allowed", async () => {
    await start({ ZALO_PERSONAL_MAX_RECIPIENTS_PER_HOUR: "2" });
    const msg = { lang: "vi" as const, parts: [{ text: "Nhắc nộp báo cáo" }] };
    const to = (id: string) => adapter.send({ channel: "zalo-personal", chatId: id }, msg);
    expect((await to("a")).status).toBe("sent");
    expect((await to("b")).status).toBe("sent");
    expect(await to("c")).toMatchObject({
      status: "retryable",
      reason: "hourly recipient ceiling",
      unavailable: true,
    });
    expect((await to("a")).status).toBe("sent");
    expect(fake.sent.map((s) => s.threadId)).toEqual(["a", "b", "a"]);
  });

  it("backs off for an hour when Zalo rate-limits the account", async () => {
    await start();
    fake.failNextSend(221);
    expect(await adapter.send(dm, { lang: "vi", parts: [{ text: "x" }] })).toMatchObject({
      status: "retryable",
      retryAfterMs: 3_600_000,
    });
  });
});
