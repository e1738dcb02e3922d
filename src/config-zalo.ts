/**
 * The Zalo part of the configuration (three doors: Official Account, Bot platform, personal
 * account). Parsed from the environment object that src/config.ts hands over; config.ts stays the
 * only reader of process.env. Each problem is one line naming its variable.
 */
import path from "node:path";
import { z } from "zod";

/**
 * How the X-ZEvent-Signature MAC is computed. The documentation and most implementations agree on
 * `app_id`; the others are variants seen in the wild (reference §1.7), accepted only when listed.
 * - app_id:     sha256(appId + rawBody + timestamp + OA secret key)
 * - oa_id:      sha256(oaId + rawBody + timestamp + OA secret key)
 * - app_secret: sha256(appId + rawBody + timestamp + app secret)
 * - hmac:       HMAC-SHA256(key = OA secret key, rawBody)
 */
export const ZALO_SIGNATURE_FORMULAS = ["app_id", "oa_id", "app_secret", "hmac"] as const;
export type ZaloSignatureFormula = (typeof ZALO_SIGNATURE_FORMULAS)[number];

export interface ZaloOaConfig {
  readonly appId: string;
  readonly appSecret: string;
  /** The OA secret key ("Khóa bí mật OA"): verifies webhook signatures. */
  readonly secretKey: string;
  readonly oaId: string | undefined;
  /** Seeds the token store when it is empty, so the consent flow can be skipped. */
  readonly seedAccessToken: string | undefined;
  readonly seedRefreshToken: string | undefined;
  readonly apiBase: string;
  readonly oauthBase: string;
  readonly zbsApiBase: string;
  readonly signatureFormulas: readonly ZaloSignatureFormula[];
  /** Domain-verification code: served at /zalo_verifier<code>.html. */
  readonly verifierCode: string | undefined;
  /** Reminder type (lower case, e.g. "overdue") → approved ZBS template id. */
  readonly zbsTemplates: Readonly<Record<string, string>>;
  /** Our own ceiling on ZBS template messages per day (they cost money). */
  readonly zbsDailyLimit: number;
  /** "development" delivers only to the OA's admins: for trying templates. */
  readonly zbsMode: "production" | "development";
}

export interface ZaloBotConfig {
  readonly token: string;
  readonly apiRoot: string;
  readonly webhookUrl: string | undefined;
  readonly webhookSecret: string | undefined;
}

export interface ZaloPersonalConfig {
  readonly credentialsFile: string;
  readonly digestGroupId: string | undefined;
  readonly sendIntervalSeconds: number;
  readonly maxRecipientsPerHour: number;
}

export interface ZaloConfig {
  readonly zaloOa: ZaloOaConfig | undefined;
  readonly zaloBot: ZaloBotConfig | undefined;
  readonly zaloPersonal: ZaloPersonalConfig | undefined;
}

const text = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const url = (fallback: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s?#]+$/.test(v), "expected an http:// or https:// URL without ? or #")
    .transform((v) => v.replace(/\/+$/, ""))
    .default(fallback);

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(
    z
      .string()
      .refine((v) => /^https:\/\/[^\s]+$/.test(v), "expected an https:// URL")
      .optional(),
  )
  .optional();

const count = (max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "expected a whole number")
    .transform(Number)
    .refine((n) => n >= 0 && n <= max, `expected a number from 0 to ${max}`)
    .default(fallback);

const formulas = z
  .string()
  .trim()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s !== ""),
  )
  .refine(
    (list) =>
      list.length > 0 && list.every((s) => (ZALO_SIGNATURE_FORMULAS as readonly string[]).includes(s)),
    `expected a comma-separated list of ${ZALO_SIGNATURE_FORMULAS.join(", ")}`,
  )
  .transform((list) => [...new Set(list)] as ZaloSignatureFormula[])
  .default(["app_id"]);

/** Zod fields merged into the main environment schema. */
export const zaloEnvFields = {
  ZALO_OA_APP_ID: text,
  ZALO_OA_APP_SECRET: text,
  ZALO_OA_SECRET_KEY: text,
  ZALO_OA_ID: text,
  ZALO_OA_ACCESS_TOKEN: text,
  ZALO_OA_REFRESH_TOKEN: text,
  ZALO_OA_API_BASE: url("https://openapi.zalo.me"),
  ZALO_OAUTH_BASE: url("https://oauth.zaloapp.com"),
  ZALO_ZBS_API_BASE: url("https://business.openapi.zalo.me"),
  ZALO_OA_SIGNATURE: formulas,
  ZALO_OA_VERIFIER_CODE: text,
  ZALO_ZBS_DAILY_LIMIT: count(1_000_000, 500),
  ZALO_ZBS_MODE: z
    .enum(["production", "development"], { message: "expected production or development" })
    .default("production"),
  ZALO_BOT_TOKEN: text,
  ZALO_BOT_API_ROOT: url("https://bot-api.zaloplatforms.com"),
  ZALO_BOT_WEBHOOK_URL: optionalUrl,
  ZALO_BOT_WEBHOOK_SECRET: text,
  ZALO_PERSONAL_ENABLED: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ["true", "false", "1", "0", "yes", "no", ""].includes(v), "expected true or false")
    .transform((v) => v === "true" || v === "1" || v === "yes")
    .default(false),
  ZALO_PERSONAL_CREDENTIALS_FILE: text,
  ZALO_PERSONAL_DIGEST_GROUP_ID: text,
  ZALO_PERSONAL_SEND_INTERVAL_SECONDS: count(3600, 4),
  ZALO_PERSONAL_MAX_RECIPIENTS_PER_HOUR: count(100, 30),
};

type Parsed = z.infer<z.ZodObject<typeof zaloEnvFields>>;

const TEMPLATE_VAR = /^ZALO_ZBS_TEMPLATE_([A-Z0-9_]+)$/;

/** ZALO_ZBS_TEMPLATE_OVERDUE=7895417a… → { overdue: "7895417a…" }. */
function templatesFrom(env: Record<string, string | undefined>, problems: string[]): Record<string, string> {
  const templates: Record<string, string> = {};
  for (const [name, raw] of Object.entries(env)) {
    const m = TEMPLATE_VAR.exec(name);
    const value = raw?.trim();
    if (!m?.[1] || !value) continue;
    if (!/^[A-Za-z0-9]{1,64}$/.test(value)) {
      problems.push(`${name}: expected a ZBS template id (letters and digits) (got "${raw}")`);
      continue;
    }
    templates[m[1].toLowerCase()] = value;
  }
  return templates;
}

/** Builds the Zalo settings, pushing one line per problem. */
export function buildZaloConfig(
  e: Parsed,
  env: Record<string, string | undefined>,
  dataDir: string,
  cwd: string,
  problems: string[],
): ZaloConfig {
  const templates = templatesFrom(env, problems);

  let zaloOa: ZaloOaConfig | undefined;
  if (e.ZALO_OA_APP_ID && e.ZALO_OA_SECRET_KEY) {
    if (!e.ZALO_OA_APP_SECRET)
      problems.push("ZALO_OA_APP_SECRET: required with ZALO_OA_APP_ID (token refresh)");
    if (e.ZALO_OA_SIGNATURE.includes("oa_id") && !e.ZALO_OA_ID) {
      problems.push("ZALO_OA_ID: required when ZALO_OA_SIGNATURE includes oa_id");
    }
    if (e.ZALO_OA_REFRESH_TOKEN && !e.ZALO_OA_ACCESS_TOKEN) {
      problems.push("ZALO_OA_ACCESS_TOKEN: set it together with ZALO_OA_REFRESH_TOKEN");
    }
    zaloOa = {
      appId: e.ZALO_OA_APP_ID,
      appSecret: e.ZALO_OA_APP_SECRET ?? "",
      secretKey: e.ZALO_OA_SECRET_KEY,
      oaId: e.ZALO_OA_ID,
      seedAccessToken: e.ZALO_OA_ACCESS_TOKEN,
      seedRefreshToken: e.ZALO_OA_REFRESH_TOKEN,
      apiBase: e.ZALO_OA_API_BASE,
      oauthBase: e.ZALO_OAUTH_BASE,
      zbsApiBase: e.ZALO_ZBS_API_BASE,
      signatureFormulas: e.ZALO_OA_SIGNATURE,
      verifierCode: e.ZALO_OA_VERIFIER_CODE,
      zbsTemplates: Object.freeze(templates),
      zbsDailyLimit: e.ZALO_ZBS_DAILY_LIMIT,
      zbsMode: e.ZALO_ZBS_MODE,
    };
  } else if (e.ZALO_OA_APP_ID || e.ZALO_OA_SECRET_KEY) {
    problems.push(
      e.ZALO_OA_APP_ID
        ? "ZALO_OA_SECRET_KEY: required with ZALO_OA_APP_ID (the OA secret key that signs webhooks)"
        : "ZALO_OA_APP_ID: required with ZALO_OA_SECRET_KEY",
    );
  }
  if (e.ZALO_OA_VERIFIER_CODE && !/^[A-Za-z0-9_-]{1,128}$/.test(e.ZALO_OA_VERIFIER_CODE)) {
    problems.push("ZALO_OA_VERIFIER_CODE: expected the code Zalo gives (letters, digits, _ and -)");
  }

  if (e.ZALO_BOT_WEBHOOK_URL && !e.ZALO_BOT_TOKEN) {
    problems.push("ZALO_BOT_WEBHOOK_URL: set ZALO_BOT_TOKEN too, or remove the webhook URL");
  }
  if (e.ZALO_BOT_WEBHOOK_URL && !e.ZALO_BOT_WEBHOOK_SECRET) {
    problems.push("ZALO_BOT_WEBHOOK_SECRET: required in webhook mode (8-256 characters)");
  }
  if (e.ZALO_BOT_WEBHOOK_SECRET && !/^[\x21-\x7e]{8,256}$/.test(e.ZALO_BOT_WEBHOOK_SECRET)) {
    problems.push("ZALO_BOT_WEBHOOK_SECRET: expected 8-256 visible ASCII characters");
  }
  if (e.ZALO_BOT_TOKEN && !/^\d+:[^\s/]+$/.test(e.ZALO_BOT_TOKEN)) {
    problems.push('ZALO_BOT_TOKEN: expected "<number>:<secret>" as shown by Zalo Bot Creator');
  }

  return {
    zaloOa,
    zaloBot: e.ZALO_BOT_TOKEN
      ? {
          token: e.ZALO_BOT_TOKEN,
          apiRoot: e.ZALO_BOT_API_ROOT,
          webhookUrl: e.ZALO_BOT_WEBHOOK_URL,
          webhookSecret: e.ZALO_BOT_WEBHOOK_SECRET,
        }
      : undefined,
    zaloPersonal: e.ZALO_PERSONAL_ENABLED
      ? {
          credentialsFile: e.ZALO_PERSONAL_CREDENTIALS_FILE
            ? path.resolve(cwd, e.ZALO_PERSONAL_CREDENTIALS_FILE)
            : path.join(dataDir, "zalo-personal", "credentials.json"),
          digestGroupId: e.ZALO_PERSONAL_DIGEST_GROUP_ID,
          sendIntervalSeconds: e.ZALO_PERSONAL_SEND_INTERVAL_SECONDS,
          maxRecipientsPerHour: e.ZALO_PERSONAL_MAX_RECIPIENTS_PER_HOUR,
        }
      : undefined,
  };
}
