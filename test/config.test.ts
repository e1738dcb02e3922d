import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config";

describe("config", () => {
  it("defaults to SQLite under ./data, port 3000, Vietnamese", () => {
    const c = loadConfig({}, "/srv/baocao");
    expect(c.database).toEqual({ kind: "sqlite", file: "/srv/baocao/data/baocao.db" });
    expect(c.dataDir).toBe("/srv/baocao/data");
    expect(c.port).toBe(3000);
    expect(c.lang).toBe("vi");
    expect(c.telegram).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it("reads sqlite: URLs, bare paths and postgres URLs", () => {
    expect(loadConfig({ DATABASE_URL: "sqlite:/tmp/x.db" }, "/w").database).toEqual({
      kind: "sqlite",
      file: "/tmp/x.db",
    });
    expect(loadConfig({ DATABASE_URL: "db/y.db" }, "/w").database).toEqual({
      kind: "sqlite",
      file: path.resolve("/w", "db/y.db"),
    });
    expect(loadConfig({ DATABASE_URL: "postgres://u@127.0.0.1:5432/test" }, "/w").database.kind).toBe(
      "postgres",
    );
  });

  it("puts the database in DATA_DIR when only DATA_DIR is set", () => {
    expect(loadConfig({ DATA_DIR: "/var/lib/bc2" }, "/w").database).toEqual({
      kind: "sqlite",
      file: "/var/lib/bc2/baocao.db",
    });
  });

  it("fails with one line per problem, naming each variable", () => {
    try {
      loadConfig({ PORT: "abc", BAOCAO_LANG: "fr", DATABASE_URL: "mysql://x" }, "/w");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems.some((p) => p.startsWith("PORT:"))).toBe(true);
      expect(problems.some((p) => p.startsWith("BAOCAO_LANG:"))).toBe(true);
    }
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" }, "/w")).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://x" }, "/w")).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
  });
});
