/**
 * Every channel has the same shape (STYLE.md §1–2): a folder src/channels/<id>/ whose index.ts
 * exports one `create<Id>Adapter` factory, one registry entry, and an adapter made of the
 * ChannelAdapter members only — capabilities are data, not extra methods.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_REGISTRY, createAdapters } from "../../src/channels/registry";
import type { ChannelAdapter } from "../../src/channels/types";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/log";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const CHANNELS_DIR = path.resolve(__dirname, "../../src/channels");
const REQUIRED = ["id", "capabilities", "start", "stop", "send"] as const;
const OPTIONAL = ["webhook", "routes", "inviteLink"] as const;
/**
 * Members outside the contract that an adapter still has. Each is a debt to pay back, not a
 * pattern: the web chat mounts its pages with `mount(app)` instead of declaring `routes`.
 */
const KNOWN_EXTRA_MEMBERS: Readonly<Record<string, readonly string[]>> = { web: ["mount"] };

const factoryName = (id: string) =>
  `create${id
    .split("-")
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join("")}Adapter`;

describe("channel registry", () => {
  let db: TestDatabase;
  let adapters: ChannelAdapter[];
  beforeAll(async () => {
    db = await createTestDatabase();
    // Every channel configured, pointing at 127.0.0.1: adapters are built, never started.
    const config = loadConfig(
      {
        DATA_DIR: db.dir,
        TELEGRAM_BOT_TOKEN: "123:abc",
        TELEGRAM_API_ROOT: "http://127.0.0.1:9",
        ZALO_OA_APP_ID: "app",
        ZALO_OA_APP_SECRET: "secret",
        ZALO_OA_SECRET_KEY: "key",
        ZALO_BOT_TOKEN: "1:zalo",
        ZALO_PERSONAL_ENABLED: "true",
      },
      db.dir,
    );
    adapters = createAdapters(config, {
      db: db.db,
      log: createLogger("silent"),
      alertAdmins: async () => undefined,
    });
  });
  afterAll(async () => {
    await db.dispose();
  });

  it("has one entry per channel folder, web first, ids unique", () => {
    const folders = fs
      .readdirSync(CHANNELS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const ids = CHANNEL_REGISTRY.map((e) => e.id);
    expect([...ids].sort()).toEqual(folders);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe("web");
  });

  it("finds in each folder an index.ts exporting exactly one create<Id>Adapter factory", async () => {
    for (const { id } of CHANNEL_REGISTRY) {
      const mod = (await import(path.join(CHANNELS_DIR, id, "index.ts"))) as Record<string, unknown>;
      const factories = Object.entries(mod).filter(
        ([k, v]) => typeof v === "function" && /^create\w*Adapter$/.test(k),
      );
      expect(
        factories.map(([k]) => k),
        id,
      ).toEqual([factoryName(id)]);
    }
  });

  it("builds every configured adapter with the contract's members and nothing else", () => {
    expect(adapters.map((a) => a.id)).toEqual(CHANNEL_REGISTRY.map((e) => e.id));
    for (const adapter of adapters) {
      const members = Object.keys(adapter).filter(
        (k) => (adapter as unknown as Record<string, unknown>)[k] !== undefined,
      );
      for (const m of REQUIRED) expect(members, `${adapter.id} lacks ${m}`).toContain(m);
      const extra = members.filter(
        (m) => !(REQUIRED as readonly string[]).includes(m) && !(OPTIONAL as readonly string[]).includes(m),
      );
      expect(extra, `${adapter.id} has members outside ChannelAdapter`).toEqual(
        KNOWN_EXTRA_MEMBERS[adapter.id] ?? [],
      );
      for (const m of ["start", "stop", "send"] as const) expect(typeof adapter[m]).toBe("function");
    }
  });

  it("builds only the web chat when no other channel is configured", () => {
    const config = loadConfig({ DATA_DIR: db.dir }, db.dir);
    const only = createAdapters(config, {
      db: db.db,
      log: createLogger("silent"),
      alertAdmins: async () => undefined,
    });
    expect(only.map((a) => a.id)).toEqual(["web"]);
  });
});
