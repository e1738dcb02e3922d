/**
 * The assembled product (`startApp`, as `npm start` runs it) on a temporary DATA_DIR with its
 * SQLite database and the demo organisation, the Zalo base URLs pointed at fakes on 127.0.0.1 and
 * an injected clock. Zalo OA webhooks are posted to the product's own HTTP server, signed the way
 * Zalo signs them; the bot's answers are read from what reached the fakes.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { type RunningApp, startApp } from "../../src/app";
import { CHANNEL_IDS } from "../../src/channels/types";
import { runCli } from "../../src/cli/run";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/log";
import { type FakeZaloBotServer, startFakeZaloBotServer } from "../fakes/zalo-bot-server";
import { type FakeZaloOaServer, startFakeZaloOaServer } from "../fakes/zalo-oa-server";
import { tempDir } from "../helpers/db";

/** The app and OA of the recorded fixtures (test/fixtures/zalo-oa). */
export const OA_APP_ID = "2553928453557884079";
export const OA_ID = "3662729599332560487";
/** "Khóa bí mật OA": what Zalo signs webhooks with. */
export const OA_SECRET_KEY = "khoa-bi-mat-oa-thu-nghiem";
export const PUBLIC_URL = "https://baocao.minhlam.example";
export const CONTACT = "Văn phòng Sở, 0299 381 2346";

const UNPACED = { maxPerSecond: 10_000, maxPerChatPerSecond: 10_000 };

export interface Clock {
  now: Date;
}

export interface ZaloProduct {
  readonly app: RunningApp;
  readonly oa: FakeZaloOaServer;
  readonly bot: FakeZaloBotServer;
  readonly clock: Clock;
  /** The product's own server, where Zalo posts its webhooks. */
  readonly url: string;
  readonly env: Record<string, string>;
  readonly dir: string;
  stop(): Promise<void>;
}

export async function startZaloProduct(
  at: Date,
  extraEnv: Record<string, string> = {},
): Promise<ZaloProduct> {
  const oa = await startFakeZaloOaServer();
  const bot = await startFakeZaloBotServer();
  const dir = tempDir("baocao-e2e-zalo-");
  const env: Record<string, string> = {
    DATA_DIR: dir,
    PORT: "0",
    HOST: "127.0.0.1",
    PUBLIC_URL,
    OFFICE_CONTACT: CONTACT,
    BAOCAO_LOG_LEVEL: "silent",
    ZALO_OA_APP_ID: OA_APP_ID,
    ZALO_OA_APP_SECRET: "app-secret-thu-nghiem",
    ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
    ZALO_OA_ID: OA_ID,
    // The fake's first pair: the product seeds its token store with it.
    ZALO_OA_ACCESS_TOKEN: oa.accessToken,
    ZALO_OA_REFRESH_TOKEN: oa.refreshToken,
    ZALO_OA_API_BASE: oa.url,
    ZALO_OAUTH_BASE: oa.url,
    ZALO_ZBS_API_BASE: oa.url,
    ZALO_BOT_TOKEN: bot.token,
    ZALO_BOT_API_ROOT: bot.url,
    ...extraEnv,
  };
  const clock: Clock = { now: at };
  const config = loadConfig(env, dir);
  const app = await startApp(config, {
    log: createLogger("silent"),
    now: () => clock.now,
    // No minute job: reminders are planned when a test calls `app.reminders.tick(at)`.
    scheduler: false,
    // The platforms' one-message-per-second-per-chat pacing would make every turn wait a second.
    rateLimits: { overrides: Object.fromEntries(CHANNEL_IDS.map((id) => [id, UNPACED])) },
  });
  const port = app.server?.port;
  if (port === undefined) throw new Error("the product did not listen");
  return {
    app,
    oa,
    bot,
    clock,
    url: `http://127.0.0.1:${port}`,
    env,
    dir,
    async stop() {
      await app.stop();
      await oa.close();
      await bot.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `baocao invite create --person <phone> --json` against the running product's data: the code as
 * printed in the Sở's letter ("ABCDE-23456").
 */
export async function inviteByCli(p: ZaloProduct, personRef: string): Promise<string> {
  const out: string[] = [];
  const code = await runCli(["invite", "create", "--person", personRef, "--json"], {
    env: p.env,
    cwd: p.dir,
    now: () => p.clock.now,
    out: (l) => out.push(l),
    err: (l) => out.push(l),
  });
  expect(code, out.join("\n")).toBe(0);
  return (JSON.parse(out[0] as string) as { display: string }).display;
}

/** A recorded webhook body of test/fixtures/zalo-oa, parsed afresh. */
export function oaFixture(name: string): Record<string, unknown> {
  const file = path.join(import.meta.dirname, "..", "fixtures", "zalo-oa", `${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

/**
 * Zalo's documented MAC, computed here independently of the product: a plain SHA-256 of
 * app id + the exact body bytes + timestamp + OA secret key, sent as `mac=<hex>`.
 */
export function zaloMac(raw: string, timestamp: string, secretKey = OA_SECRET_KEY): string {
  const hex = createHash("sha256")
    .update(OA_APP_ID)
    .update(raw)
    .update(timestamp)
    .update(secretKey)
    .digest("hex");
  return `mac=${hex}`;
}

/** The exact bytes Zalo would post: the body with its `timestamp` set to the clock. */
export function signedBody(p: ZaloProduct, body: Record<string, unknown>): { raw: string; mac: string } {
  const timestamp = String(p.clock.now.getTime());
  const raw = JSON.stringify({ ...body, timestamp });
  return { raw, mac: zaloMac(raw, timestamp) };
}

/** Posts bytes to POST /webhooks/zalo-oa as Zalo does. */
export async function postOaRaw(p: ZaloProduct, raw: string, mac: string | null): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (mac !== null) headers["X-ZEvent-Signature"] = mac;
  return fetch(`${p.url}/webhooks/zalo-oa`, { method: "POST", headers, body: raw });
}

/** Waits until every accepted event is handled and every reply due now has been sent. */
export async function settle(p: ZaloProduct): Promise<void> {
  await p.app.pipeline.drain();
  await p.app.dispatcher.tick();
}

/** Polls a condition with a bounded wait (for work that happens after an HTTP answer or a poll). */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The texts of the consultation messages the OA sent to a follower. */
export function oaTextsTo(oa: FakeZaloOaServer, userId: string): string[] {
  return oa.sent.filter((m) => m.userId === userId).map((m) => String(m.message.text ?? ""));
}
