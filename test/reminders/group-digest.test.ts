/**
 * The Văn phòng's day-after digest posted into the Zalo group the Sở designated
 * (ZALO_PERSONAL_DIGEST_GROUP_ID), end to end: the assembled product (`startApp`, demo
 * organisation, modern preset, scheduler off, time injected) on a real SQLite file, with the
 * personal-account adapter driving the fake of our narrow zca-js interface.
 * DL_MONTHLY (November 2026) is due Tue 24/11; its digest of missing units is due Wed 25/11 07:30.
 */

import { rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app";
import { CHANNEL_IDS } from "../../src/channels/types";
import { digestGroupChat, writeCredentials } from "../../src/channels/zalo-personal/index";
import { runCli } from "../../src/cli/run";
import { loadConfig } from "../../src/config";
import { newId } from "../../src/db/index";
import { createLogger } from "../../src/log";
import { DEMO_PHONES } from "../../src/org/demo-data";
import { createFakeZaloPersonal, type FakeZaloPersonal } from "../fakes/zalo-personal";
import { tempDir } from "../helpers/db";

const vn = (local: string) => new Date(`${local.replace(" ", "T")}:00+07:00`);
const GROUP = "5000000000000009";
const DIGEST_KEY = `digest-group:missing:DL_MONTHLY:2026-11:group:${GROUP}`;
const REPORT = "Báo cáo tháng công tác truyền thông và tình hình dư luận";
const UNPACED = { maxPerSecond: 10_000, maxPerChatPerSecond: 10_000 };

interface Run {
  readonly app: RunningApp;
  readonly fake: FakeZaloPersonal;
  readonly clock: { now: Date };
  readonly env: Record<string, string>;
  readonly dir: string;
}

let run: Run | undefined;
afterEach(async () => {
  await run?.app.stop();
  if (run) rmSync(run.dir, { recursive: true, force: true });
  run = undefined;
});

async function start(at: Date, extraEnv: Record<string, string>): Promise<Run> {
  const dir = tempDir("baocao-group-digest-");
  const fake = createFakeZaloPersonal();
  fake.groups = [{ id: GROUP, name: "Văn phòng Sở và các trường", memberCount: 42 }];
  await writeCredentials(path.join(dir, "zalo-personal", "credentials.json"), fake.validCredentials);
  const env = {
    DATA_DIR: dir,
    PORT: "0",
    HOST: "127.0.0.1",
    BAOCAO_LOG_LEVEL: "silent",
    ZALO_PERSONAL_SEND_INTERVAL_SECONDS: "0",
    ...extraEnv,
  };
  const clock = { now: at };
  const app = await startApp(loadConfig(env, dir), {
    log: createLogger("silent"),
    now: () => clock.now,
    scheduler: false,
    listen: false,
    rateLimits: { overrides: Object.fromEntries(CHANNEL_IDS.map((id) => [id, UNPACED])) },
    zaloPersonalLogin: fake,
  });
  run = { app, fake, clock, env, dir };
  return run;
}

/** What the minute job and the dispatcher do at the clock's time. */
async function minute(r: Run, at: Date) {
  r.clock.now = at;
  const written = await r.app.reminders.tick(at);
  await r.app.reminders.wake(at);
  await r.app.reminders.sweepFallbacks();
  await r.app.dispatcher.tick();
  return written;
}

const groupRows = (r: Run) =>
  r.app.db
    .selectFrom("outbox")
    .select(["id", "status", "dedupe_key", "person_id", "not_before", "last_error", "kind"])
    .where("chat_id", "like", "group:%")
    .orderBy("id")
    .execute();

const toGroup = (r: Run) => r.fake.sent.filter((s) => s.isGroup);

describe("the day-after digest in the Sở's Zalo group", () => {
  it("is posted once per digest, as plain text without names of people or buttons", async () => {
    const r = await start(vn("2026-11-25 07:30"), {
      ZALO_PERSONAL_ENABLED: "true",
      ZALO_PERSONAL_DIGEST_GROUP_ID: GROUP,
    });
    await minute(r, vn("2026-11-25 07:30"));
    // Planning again, or with the step markers gone (a second process), queues nothing more.
    expect((await r.app.reminders.tick(vn("2026-11-25 07:31"))).queued).toBe(0);
    await r.app.db.deleteFrom("reminder_steps").execute();
    await minute(r, vn("2026-11-25 07:32"));

    const rows = (await groupRows(r)).filter((row) => row.dedupe_key === DIGEST_KEY);
    expect(rows).toMatchObject([{ status: "sent", person_id: null, kind: "digest" }]);
    // Every group post is a digest of missing units, one per report due on 24/11.
    const all = await groupRows(r);
    expect(all.every((row) => row.dedupe_key?.startsWith("digest-group:missing:"))).toBe(true);
    expect(new Set(all.map((row) => row.dedupe_key)).size).toBe(all.length);
    expect(toGroup(r)).toHaveLength(all.length);

    const post = toGroup(r).find((s) => s.text?.includes(REPORT));
    expect(post).toMatchObject({ threadId: GROUP, isGroup: true });
    const text = post?.text ?? "";
    expect(text).toMatch(/^Văn phòng Sở thông báo tình hình nộp báo cáo:/);
    expect(text).toMatch(/hạn nộp ngày 24\/11\/2026: còn \d+\/\d+ đơn vị chưa nộp\./);
    expect(text).toContain("• Trường Tiểu học Kim Đồng");
    expect(text).toContain("Đề nghị các đơn vị có tên trên hoàn thành và nộp báo cáo sớm.");
    // Nobody addressed, nothing to tap or answer by number, no people's names or phones.
    expect(text).not.toContain("Kính gửi");
    expect(text).not.toContain("Nhắc lại tất cả");
    expect(text).not.toMatch(/^\d+\. /m);
    const people = await r.app.db.selectFrom("people").select(["full_name", "phone"]).execute();
    for (const p of people) {
      expect(text).not.toContain(p.full_name);
      if (p.phone) expect(text).not.toContain(p.phone);
    }
    const meta = await r.app.db
      .selectFrom("reminder_messages")
      .select(["kind", "person_id", "counted"])
      .where("outbox_id", "=", rows[0]?.id ?? -1)
      .executeTakeFirstOrThrow();
    expect(meta).toEqual({ kind: "digest_group", person_id: null, counted: 0 });
  }, 60_000);

  it("leaves out the Sở's own office and divisions: their reports are chased inside the Sở", async () => {
    // OFFICE_WEEKLY (the Văn phòng itself) is due Fri 04/12; its day-after digest is Mon 07/12.
    const r = await start(vn("2026-12-07 07:30"), {
      ZALO_PERSONAL_ENABLED: "true",
      ZALO_PERSONAL_DIGEST_GROUP_ID: GROUP,
    });
    await minute(r, vn("2026-12-07 07:30"));
    const steps = await r.app.db.selectFrom("reminder_steps").select(["scope", "step"]).execute();
    // Its digest step was planned (for the office staff, who are not linked in the demo)…
    expect(steps.some((x) => x.scope.includes("OFFICE_WEEKLY") && x.step === "md")).toBe(true);
    // …and the group got nothing of it.
    const all = await groupRows(r);
    expect(all.filter((row) => row.dedupe_key?.includes("OFFICE_WEEKLY"))).toEqual([]);
    for (const post of toGroup(r)) expect(post.text).not.toContain("• Văn phòng Sở");
  }, 60_000);

  it("keeps to the sending window: planned after hours it waits for the next working morning", async () => {
    const r = await start(vn("2026-11-25 20:00"), {
      ZALO_PERSONAL_ENABLED: "true",
      ZALO_PERSONAL_DIGEST_GROUP_ID: `group:${GROUP}`,
    });
    // The server was down all day: the digest is planned at 20:00, and held until 07:30.
    await minute(r, vn("2026-11-25 20:00"));
    expect((await groupRows(r)).find((row) => row.dedupe_key === DIGEST_KEY)).toMatchObject({
      status: "deferred",
      not_before: vn("2026-11-26 07:30").toISOString(),
    });
    await minute(r, vn("2026-11-26 07:00"));
    expect(toGroup(r)).toEqual([]);
    await minute(r, vn("2026-11-26 07:30"));
    expect((await groupRows(r)).find((row) => row.dedupe_key === DIGEST_KEY)?.status).toBe("sent");
    expect(toGroup(r).some((s) => s.text?.includes(REPORT))).toBe(true);
  }, 60_000);

  it("a post the group can no longer take is dead with its reason, recorded, and the admins are told", async () => {
    const r = await start(vn("2026-11-25 07:30"), {
      ZALO_PERSONAL_ENABLED: "true",
      ZALO_PERSONAL_DIGEST_GROUP_ID: GROUP,
    });
    // The admin is linked on the personal account (a direct chat); the account left the group.
    const admin = await r.app.db
      .selectFrom("people")
      .select("id")
      .where("phone", "=", DEMO_PHONES.admin)
      .executeTakeFirstOrThrow();
    await r.app.db
      .insertInto("channel_links")
      .values({
        id: newId(),
        person_id: admin.id,
        channel: "zalo-personal",
        chat_id: "7000000000000042",
        platform_user_id: "7000000000000042",
        linked_at: vn("2026-11-01 09:00").toISOString(),
        last_interaction_at: vn("2026-11-01 09:00").toISOString(),
        unreachable_at: null,
      })
      .execute();
    r.fake.groups = [];
    await minute(r, vn("2026-11-25 07:30"));
    await r.app.dispatcher.tick();

    const row = (await groupRows(r)).find((x) => x.dedupe_key === DIGEST_KEY);
    expect(row?.status).toBe("dead");
    expect(row?.last_error).toMatch(
      new RegExp(`^permanent:chat_not_found: not a member of Zalo group ${GROUP} any more`),
    );
    expect(toGroup(r)).toEqual([]);

    const undelivered = await r.app.db
      .selectFrom("reminder_undelivered")
      .select(["reason", "detail", "person_id"])
      .where("key", "=", DIGEST_KEY)
      .executeTakeFirst();
    expect(undelivered).toMatchObject({ reason: "group_post_failed", person_id: null });

    const alerts = r.fake.sent.filter((s) => s.threadId === "7000000000000042");
    const alert = alerts.find((s) => s.text?.includes(`«${REPORT}» (tháng 11/2026)`));
    expect(alert?.text).toContain(
      `Không đăng được bản tin «${REPORT}» (tháng 11/2026) vào nhóm Zalo ${GROUP}`,
    );
    expect(alert?.text).toContain(`baocao outbox retry ${row?.id}`);

    // What the office reads with `baocao outbox list --status dead`.
    const out: string[] = [];
    const code = await runCli(["outbox", "list", "--status", "dead"], {
      env: r.env,
      cwd: r.dir,
      now: () => r.clock.now,
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code, out.join("\n")).toBe(0);
    const line = out.find((l) => l.includes(`#${row?.id} `));
    expect(line).toContain("zalo-personal");
    expect(line).toContain(`not a member of Zalo group ${GROUP}`);
    // …and with `baocao reminders unreachable`.
    out.length = 0;
    expect(
      await runCli(["reminders", "unreachable"], { env: r.env, cwd: r.dir, out: (l) => out.push(l) }),
    ).toBe(0);
    expect(out.some((l) => l.includes("DL_MONTHLY 2026-11 — không đăng được vào nhóm Zalo"))).toBe(true);
  }, 60_000);

  it("a passing failure while the account is still in the group is retried, not given up", async () => {
    const r = await start(vn("2026-11-25 07:30"), {
      ZALO_PERSONAL_ENABLED: "true",
      ZALO_PERSONAL_DIGEST_GROUP_ID: GROUP,
    });
    r.fake.failNextSend(-1, "Lỗi kết nối");
    await minute(r, vn("2026-11-25 07:30"));
    const failed = (await groupRows(r)).filter((x) => x.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.last_error).toContain("Lỗi kết nối");
    await minute(r, vn("2026-11-25 07:35"));
    expect((await groupRows(r)).every((x) => x.status === "sent")).toBe(true);
  }, 60_000);

  it("is not posted when no group is designated, nor when the personal account is off", async () => {
    const envs: Record<string, string>[] = [
      { ZALO_PERSONAL_ENABLED: "true" },
      { ZALO_PERSONAL_ENABLED: "false", ZALO_PERSONAL_DIGEST_GROUP_ID: GROUP },
    ];
    for (const env of envs) {
      const r = await start(vn("2026-11-25 07:30"), env);
      const written = await minute(r, vn("2026-11-25 07:30"));
      expect(written.steps).toBeGreaterThan(0);
      expect(await groupRows(r)).toEqual([]);
      const keys = await r.app.db
        .selectFrom("outbox")
        .select("dedupe_key")
        .where("dedupe_key", "like", "digest-group:%")
        .execute();
      expect(keys).toEqual([]);
      expect(r.fake.sent).toEqual([]);
      await r.app.stop();
      rmSync(r.dir, { recursive: true, force: true });
      run = undefined;
    }
  }, 60_000);
});

describe("digestGroupChat", () => {
  it("is the group chat only when the channel is on and a group is designated", () => {
    const dir = tempDir("baocao-group-config-");
    const of = (env: Record<string, string>) =>
      digestGroupChat(loadConfig({ DATA_DIR: dir, ...env }, dir).zaloPersonal);
    expect(of({ ZALO_PERSONAL_ENABLED: "true", ZALO_PERSONAL_DIGEST_GROUP_ID: GROUP })).toEqual({
      channel: "zalo-personal",
      chatId: `group:${GROUP}`,
    });
    expect(
      of({ ZALO_PERSONAL_ENABLED: "true", ZALO_PERSONAL_DIGEST_GROUP_ID: ` group:${GROUP} ` })?.chatId,
    ).toBe(`group:${GROUP}`);
    expect(of({ ZALO_PERSONAL_ENABLED: "true" })).toBeUndefined();
    expect(of({ ZALO_PERSONAL_DIGEST_GROUP_ID: GROUP })).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });
});
