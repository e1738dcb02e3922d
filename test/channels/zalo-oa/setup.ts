/**
 * A Zalo OA adapter wired as in production (real SQLite stores, real inbound pipeline) against the
 * fake Zalo OA server on 127.0.0.1.
 */
import fs from "node:fs";
import path from "node:path";
import type { ChannelAdapter, InboundEvent, TextPart } from "../../../src/channels/types";
import { createZaloOaAdapter } from "../../../src/channels/zalo-oa/index";
import { signZaloEvent } from "../../../src/channels/zalo-oa/signature";
import { loadConfig } from "../../../src/config";
import type { ZaloOaConfig } from "../../../src/config-zalo";
import { createZaloOaStores } from "../../../src/db/zalo-oa";
import { createInboundPipeline, type InboundPipeline } from "../../../src/inbound/index";
import { createLogger } from "../../../src/log";
import { type FakeZaloOaServer, startFakeZaloOaServer } from "../../fakes/zalo-oa-server";
import { createTestDatabase, type TestDatabase } from "../../helpers/db";

export const APP_ID = "2553928453557884079";
export const SECRET_KEY = "oa-secret-key-for-tests";
export const OA_ID = "3662729599332560487";

export interface OaHarness {
  readonly fake: FakeZaloOaServer;
  readonly db: TestDatabase;
  readonly config: ZaloOaConfig;
  readonly adapter: ChannelAdapter;
  readonly pipeline: InboundPipeline;
  readonly handled: InboundEvent[];
  readonly alerts: (readonly TextPart[])[];
  clock: Date;
  /** Signs a body as Zalo does and posts it to the adapter's webhook. */
  post(body: Record<string, unknown>, init?: { signature?: string; timestamp?: string }): Promise<Response>;
  /** Links a Zalo user to a new person with this phone and last interaction. */
  link(chatId: string, lastInteractionAt: Date | null, phone?: string | null): Promise<void>;
  dispose(): Promise<void>;
}

export async function startOaHarness(
  env: Record<string, string> = {},
  options: { liveClock?: boolean } = {},
): Promise<OaHarness> {
  const fake = await startFakeZaloOaServer();
  const db = await createTestDatabase();
  const config = loadConfig(
    {
      ZALO_OA_APP_ID: APP_ID,
      ZALO_OA_APP_SECRET: "app-secret",
      ZALO_OA_SECRET_KEY: SECRET_KEY,
      ZALO_OA_ID: OA_ID,
      ZALO_OA_API_BASE: fake.url,
      ZALO_OAUTH_BASE: fake.url,
      ZALO_ZBS_API_BASE: fake.url,
      ...env,
    },
    db.dir,
  ).zaloOa;
  if (!config) throw new Error("zalo-oa not configured");
  const handled: InboundEvent[] = [];
  const alerts: (readonly TextPart[])[] = [];
  const log = createLogger("silent");
  const pipeline = createInboundPipeline({
    db: db.db,
    log,
    handler: async (e) => {
      handled.push(e);
    },
  });
  const h = {
    fake,
    db,
    config,
    handled,
    alerts,
    pipeline,
    clock: new Date("2026-11-24T03:00:00.000Z"), // 10:00 in Hà Nội
  } as OaHarness;
  const now = () => (options.liveClock ? new Date() : h.clock);
  const stores = createZaloOaStores(db.db, APP_ID, now);
  const adapter = createZaloOaAdapter(config, {
    ...stores,
    publicUrl: "https://baocao.example.edu.vn",
    alertAdmins: async (parts) => {
      alerts.push(parts);
    },
    now,
    log,
  });
  await adapter.start(pipeline.sink);
  let people = 0;
  return Object.assign(h, {
    adapter,
    async post(body: Record<string, unknown>, init: { signature?: string; timestamp?: string } = {}) {
      const withTs = { ...body, timestamp: init.timestamp ?? String(now().getTime()) };
      const raw = Buffer.from(JSON.stringify(withTs));
      const signature =
        init.signature ??
        signZaloEvent(
          "app_id",
          { appId: APP_ID, oaId: OA_ID, secretKey: SECRET_KEY, appSecret: "" },
          raw,
          withTs.timestamp,
        );
      const webhook = adapter.webhook;
      if (!webhook) throw new Error("no webhook");
      return webhook(
        new Request("http://127.0.0.1/webhooks/zalo-oa", {
          method: "POST",
          headers: { "content-type": "application/json", "x-zevent-signature": signature },
          body: raw,
        }),
      );
    },
    async link(chatId: string, lastInteractionAt: Date | null, phone: string | null = "0912345678") {
      const id = `person-${++people}`;
      const at = h.clock.toISOString();
      await db.db
        .insertInto("people")
        .values({
          id,
          full_name: `Người ${people}`,
          phone,
          email: null,
          address_as: "co",
          created_at: at,
          updated_at: at,
        })
        .execute();
      await db.db
        .insertInto("channel_links")
        .values({
          id: `link-${people}`,
          person_id: id,
          channel: "zalo-oa",
          chat_id: chatId,
          platform_user_id: chatId,
          linked_at: at,
          last_interaction_at: lastInteractionAt?.toISOString() ?? null,
          unreachable_at: null,
        })
        .execute();
    },
    async dispose() {
      await adapter.stop();
      await pipeline.drain();
      await fake.close();
      await db.dispose();
    },
  });
}

export function fixture(name: string): Record<string, unknown> {
  const file = path.resolve(__dirname, "../../fixtures/zalo-oa", `${name}.json`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** Seeds the token store as `baocao zalo-oa login` would have, expiring at `expiresAt`. */
export async function seedTokens(h: OaHarness, expiresAt: Date): Promise<void> {
  const stores = createZaloOaStores(h.db.db, APP_ID, () => h.clock);
  await stores.tokenStore.save(
    {
      accessToken: h.fake.accessToken,
      refreshToken: h.fake.refreshToken,
      accessExpiresAt: expiresAt,
      refreshExpiresAt: null,
    },
    "any",
  );
}
