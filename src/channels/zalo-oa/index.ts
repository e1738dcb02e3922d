/**
 * Zalo Official Account adapter: webhooks in (POST /webhooks/zalo-oa), consultation messages
 * out, ZBS templates for reminders outside the free window, OAuth v4 tokens that rotate.
 * Quirks and invariants: ./README.md.
 */
import fs from "node:fs/promises";
import type { ZaloOaConfig } from "../../config-zalo";
import { translator } from "../../i18n/index";
import { createLogger, type Logger } from "../../log";
import type { ChannelAdapter, ChannelCapabilities, InboundSink, TextPart } from "../types";
import { createZaloOaClient } from "./client";
import { createConsentCallback, startConsent, ZALO_OA_CALLBACK_PATH, type ZaloConsentStore } from "./oauth";
import { ZALO_TEXT_LIMIT_CHARS } from "./render";
import { createOaSender, type OaRecipients, ZALO_OA_FILE_MAX_BYTES, ZALO_OA_FILE_OUT_TYPES } from "./send";
import { createTokenManager, type ZaloOaTokenStore } from "./tokens";
import { createOaWebhook } from "./webhook";
import { ZALO_FREE_WINDOW_HOURS } from "./window";
import { createZbsSender, type ZbsUsageStore } from "./zbs";

/** Evidence files people send (Zalo hosts them; we download up to this size). */
export const ZALO_OA_INBOUND_FILE_MAX_BYTES = 25 * 1024 * 1024;
/** Checked this often, so the access token (25 h) and the refresh token (3 months) never lapse unused. */
const TOKEN_CHECK_INTERVAL_MS = 60 * 60_000;

export interface ZaloOaAdapterDeps {
  readonly publicUrl: string;
  readonly tokenStore: ZaloOaTokenStore;
  readonly consents: ZaloConsentStore;
  readonly zbsUsage: ZbsUsageStore;
  readonly recipients: OaRecipients;
  /** Queues an alert to the office's admins (outbox kind "alert"). */
  readonly alertAdmins: (parts: readonly TextPart[]) => Promise<void>;
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
  readonly readFile?: (path: string) => Promise<Uint8Array>;
  readonly log?: Logger;
}

export function zaloOaCapabilities(config: ZaloOaConfig): ChannelCapabilities {
  const zbs = Object.keys(config.zbsTemplates).length > 0;
  return {
    maxTextChars: ZALO_TEXT_LIMIT_CHARS,
    // Choices are numbered text; OA query buttons ride along where the API accepts them.
    buttons: null,
    filesIn: { maxBytes: ZALO_OA_INBOUND_FILE_MAX_BYTES },
    filesOut: { maxBytes: ZALO_OA_FILE_MAX_BYTES, mimeTypes: ZALO_OA_FILE_OUT_TYPES },
    edits: false,
    proactive: {
      allowed: zbs,
      windowHours: ZALO_FREE_WINDOW_HOURS,
      costly: zbs,
      maxPerSecond: 10,
      maxPerChatPerSecond: 1,
    },
  };
}

export function createZaloOaAdapter(config: ZaloOaConfig, deps: ZaloOaAdapterDeps): ChannelAdapter {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? createLogger("silent");
  const client = createZaloOaClient({ ...config, fetch: deps.fetch });
  let sink: InboundSink | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const tokens = createTokenManager({
    store: deps.tokenStore,
    client,
    now,
    seed:
      config.seedAccessToken && config.seedRefreshToken
        ? { accessToken: config.seedAccessToken, refreshToken: config.seedRefreshToken }
        : undefined,
    async onRefreshRejected(detail) {
      log.error("zalo-oa.refresh_rejected", { detail });
      const { url } = await startConsent(deps.consents, client, deps.publicUrl);
      await deps.alertAdmins([
        { key: "zalo:oa.alert.refreshRejected", params: { url, command: "baocao zalo-oa login" } },
      ]);
    },
  });

  const send = createOaSender({
    client,
    tokens,
    recipients: deps.recipients,
    templates: config.zbsTemplates,
    sendZbs: createZbsSender({
      client,
      tokens,
      usage: deps.zbsUsage,
      dailyLimit: config.zbsDailyLimit,
      mode: config.zbsMode,
      now,
    }),
    translate: translator,
    readFile: deps.readFile ?? (async (p) => new Uint8Array(await fs.readFile(p))),
    now,
  });

  const routes: NonNullable<ChannelAdapter["routes"]>[number][] = [
    {
      method: "GET",
      path: ZALO_OA_CALLBACK_PATH,
      handler: createConsentCallback({
        consents: deps.consents,
        client,
        tokens,
        expectedOaId: config.oaId,
        now,
        t: translator("vi"),
      }),
    },
  ];
  const code = config.verifierCode;
  if (code) {
    routes.push({
      method: "GET",
      path: `/zalo_verifier${code}.html`,
      handler: async () =>
        new Response(
          `<!doctype html><html><head><meta property="zalo-platform-site-verification" content="${code}" /></head><body>Zalo verification</body></html>`,
          { headers: { "content-type": "text/html; charset=utf-8" } },
        ),
    });
  }

  return {
    id: "zalo-oa",
    capabilities: zaloOaCapabilities(config),
    async start(s) {
      sink = s;
      const check = () =>
        void tokens.get().then(
          (r) => (r.ok ? undefined : log.warn("zalo-oa.token_unavailable", { reason: r.reason })),
          (err: unknown) => log.error("zalo-oa.token_check_failed", { error: String(err) }),
        );
      check();
      timer = setInterval(check, TOKEN_CHECK_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      sink = undefined;
    },
    send,
    webhook: createOaWebhook({
      keys: {
        appId: config.appId,
        oaId: config.oaId,
        secretKey: config.secretKey,
        appSecret: config.appSecret,
      },
      formulas: config.signatureFormulas,
      now,
      sink: () => sink,
      normalize: {
        download: (url, maxBytes) => client.download(url, maxBytes),
        maxFileBytes: ZALO_OA_INBOUND_FILE_MAX_BYTES,
      },
      log,
    }),
    routes,
    // Zalo documents no way to carry a payload through an OA link: people follow the OA, then
    // send their invite code as a message.
    inviteLink: () => undefined,
  };
}

/** Starts a consent for `baocao zalo-oa login`: the link an OA admin opens. */
export function beginZaloOaConsent(
  config: ZaloOaConfig,
  consents: ZaloConsentStore,
  publicUrl: string,
): Promise<{ url: string; state: string }> {
  return startConsent(consents, createZaloOaClient(config), publicUrl);
}

export { ZALO_OA_CALLBACK_PATH };
