import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, "/w");
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("Zalo configuration", () => {
  it("leaves all three Zalo doors off by default, with the documented hosts", () => {
    const c = loadConfig({}, "/w");
    expect([c.zaloOa, c.zaloBot, c.zaloPersonal]).toEqual([undefined, undefined, undefined]);
  });

  it("enables the OA with app id and secret key, reading ZBS templates per reminder type", () => {
    const c = loadConfig(
      {
        ZALO_OA_APP_ID: "255",
        ZALO_OA_APP_SECRET: "s",
        ZALO_OA_SECRET_KEY: "k",
        ZALO_ZBS_TEMPLATE_OVERDUE: "7895417a7d3f9461cd2e",
        ZALO_ZBS_TEMPLATE_BEFORE_DEADLINE: "aa11",
      },
      "/w",
    ).zaloOa;
    expect(c).toMatchObject({
      apiBase: "https://openapi.zalo.me",
      oauthBase: "https://oauth.zaloapp.com",
      zbsApiBase: "https://business.openapi.zalo.me",
      signatureFormulas: ["app_id"],
      zbsTemplates: { overdue: "7895417a7d3f9461cd2e", before_deadline: "aa11" },
      zbsDailyLimit: 500,
      zbsMode: "production",
    });
  });

  it("names each Zalo problem on its own line", () => {
    const found = problems({
      ZALO_OA_APP_ID: "255",
      ZALO_OA_SIGNATURE: "app_id,md5",
      ZALO_BOT_TOKEN: "no-colon",
      ZALO_BOT_WEBHOOK_URL: "https://x.example/webhooks/zalo-bot",
      ZALO_ZBS_TEMPLATE_OVERDUE: "not a template!",
      ZALO_PERSONAL_ENABLED: "maybe",
    });
    expect(found.some((p) => p.startsWith("ZALO_OA_SIGNATURE:"))).toBe(true);
    expect(found.some((p) => p.startsWith("ZALO_PERSONAL_ENABLED:"))).toBe(true);
    const second = problems({
      ZALO_OA_APP_ID: "255",
      ZALO_BOT_TOKEN: "no-colon",
      ZALO_BOT_WEBHOOK_URL: "https://x.example/webhooks/zalo-bot",
      ZALO_ZBS_TEMPLATE_OVERDUE: "not a template!",
    });
    expect(second.map((p) => p.split(":")[0]).sort()).toEqual(
      ["ZALO_BOT_TOKEN", "ZALO_BOT_WEBHOOK_SECRET", "ZALO_OA_SECRET_KEY", "ZALO_ZBS_TEMPLATE_OVERDUE"].sort(),
    );
    expect(problems({ ZALO_OA_APP_ID: "1", ZALO_OA_SECRET_KEY: "k", ZALO_OA_SIGNATURE: "oa_id" })).toEqual([
      "ZALO_OA_APP_SECRET: required with ZALO_OA_APP_ID (token refresh)",
      "ZALO_OA_ID: required when ZALO_OA_SIGNATURE includes oa_id",
    ]);
  });

  it("keeps the personal session under DATA_DIR unless told otherwise", () => {
    expect(loadConfig({ ZALO_PERSONAL_ENABLED: "true", DATA_DIR: "/srv/data" }, "/w").zaloPersonal).toEqual({
      credentialsFile: "/srv/data/zalo-personal/credentials.json",
      digestGroupId: undefined,
      sendIntervalSeconds: 4,
      maxRecipientsPerHour: 30,
    });
  });
});
