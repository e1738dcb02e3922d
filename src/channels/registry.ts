/**
 * The one list of channel adapters. Adding a channel = its folder under src/channels/<id>/ with an
 * index.ts exporting one `create<Id>Adapter` factory, plus one entry here. The web chat is always
 * on; the others start when their configuration is present. This file wires each adapter to the
 * stores it needs (built over the database here, so adapters themselves never import it).
 * test/channels/registry.test.ts walks this list and checks that every adapter has the same shape.
 */
import type { Config } from "../config";
import { findLinkByChat } from "../db/channel-links";
import type { Db } from "../db/index";
import { createWebChatStore } from "../db/web-chat";
import { createZaloOaStores } from "../db/zalo-oa";
import { saveZaloPersonalHealth } from "../db/zalo-personal-health";
import type { Logger } from "../log";
import { createTelegramAdapter } from "./telegram/index";
import type { ChannelAdapter, ChannelId, ChannelRoute, TextPart } from "./types";
import { createWebAdapter, loadOrCreateSessionSecret, type WebAdapter, webChatFilesDir } from "./web/index";
import { createZaloBotAdapter } from "./zalo-bot/index";
import { createZaloOaAdapter } from "./zalo-oa/index";
import { createZaloPersonalAdapter, type PersonalLogin } from "./zalo-personal/index";

export interface AdapterDeps {
  readonly db: Db;
  readonly log: Logger;
  readonly now?: (() => Date) | undefined;
  /** Queues an alert to the office's admins (a channel losing access, e.g. a revoked Zalo OA token). */
  readonly alertAdmins: (parts: readonly TextPart[]) => Promise<void>;
  /** The personal Zalo account's login; zca-js when absent (tests pass a fake). */
  readonly zaloPersonalLogin?: PersonalLogin | undefined;
}

export interface ChannelEntry {
  readonly id: ChannelId;
  /** The adapter, or undefined when the channel is not configured. */
  create(config: Config, deps: AdapterDeps): ChannelAdapter | undefined;
}

export const CHANNEL_REGISTRY: readonly ChannelEntry[] = [
  {
    id: "web",
    create: (config, deps) =>
      createWebAdapter({
        store: createWebChatStore(deps.db),
        filesDir: webChatFilesDir(config.dataDir),
        sessionSecret: loadOrCreateSessionSecret(config.sessionSecret, config.dataDir),
        publicUrl: config.publicUrl,
        isLinked: async (chatId) => (await findLinkByChat(deps.db, "web", chatId)) !== undefined,
        defaultLang: config.lang,
        log: deps.log,
        now: deps.now,
      }),
  },
  {
    id: "telegram",
    create: (config, deps) =>
      config.telegram ? createTelegramAdapter(config.telegram, { log: deps.log, now: deps.now }) : undefined,
  },
  {
    id: "zalo-oa",
    create: (config, deps) =>
      config.zaloOa
        ? createZaloOaAdapter(config.zaloOa, {
            ...createZaloOaStores(deps.db, config.zaloOa.appId, deps.now),
            publicUrl: config.publicUrl,
            alertAdmins: deps.alertAdmins,
            now: deps.now,
            log: deps.log,
          })
        : undefined,
  },
  {
    id: "zalo-bot",
    create: (config, deps) =>
      config.zaloBot
        ? createZaloBotAdapter(config.zaloBot, {
            log: deps.log,
            now: deps.now,
            webChatUrl: `${config.publicUrl}/chat`,
            lang: config.lang,
          })
        : undefined,
  },
  {
    id: "zalo-personal",
    create: (config, deps) =>
      config.zaloPersonal
        ? createZaloPersonalAdapter(config.zaloPersonal, {
            login: deps.zaloPersonalLogin,
            log: deps.log,
            now: deps.now,
            // The office sees the personal account's connection state (health) in settings.
            onHealth: (health) => saveZaloPersonalHealth(deps.db, health, (deps.now ?? (() => new Date()))()),
          })
        : undefined,
  },
];

/** Every configured adapter, web first. */
export function createAdapters(config: Config, deps: AdapterDeps): ChannelAdapter[] {
  return CHANNEL_REGISTRY.flatMap((entry) => {
    const adapter = entry.create(config, deps);
    return adapter ? [adapter] : [];
  });
}

/** The HTTP routes the adapters need: POST /webhooks/<id> for each webhook, then their extra routes. */
export function channelRoutes(adapters: readonly ChannelAdapter[]): ChannelRoute[] {
  return adapters.flatMap((a) => [
    ...(a.webhook ? [{ method: "POST" as const, path: `/webhooks/${a.id}`, handler: a.webhook }] : []),
    ...(a.routes ?? []),
  ]);
}

/** The web chat adapter, whose pages are mounted on the app (`mount`). */
export function findWebAdapter(adapters: readonly ChannelAdapter[]): WebAdapter | undefined {
  return adapters.find((a): a is WebAdapter => a.id === "web" && "mount" in a);
}
