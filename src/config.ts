/**
 * The only reader of process.env. Every setting is validated here and returned as a frozen,
 * typed object; a bad environment fails fast with one line per problem, naming the variable.
 * Every variable is documented, with its default, in .env.example.
 */
import path from "node:path";
import { z } from "zod";
import { buildZaloConfig, type ZaloConfig, zaloEnvFields } from "./config-zalo";

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ["true", "false", "1", "0", "yes", "no"].includes(v), "expected true or false")
  .transform((v) => v === "true" || v === "1" || v === "yes");

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), "expected an http:// or https:// URL")
  .transform((v) => v.replace(/\/+$/, ""));

const optionalHttpUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(httpUrl.optional())
  .optional();

const positiveInt = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "expected a whole number")
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `expected a number from 1 to ${max}`);

const envSchema = z.object({
  DATABASE_URL: optionalText,
  DATA_DIR: z.string().trim().min(1).default("./data"),
  PORT: z
    .string()
    .trim()
    .regex(/^\d+$/, "expected a port number")
    .transform(Number)
    .refine((n) => n >= 0 && n <= 65535, "expected a port number from 0 to 65535")
    .default(3000),
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  PUBLIC_URL: optionalHttpUrl,
  BAOCAO_LANG: z.enum(["vi", "en"], { message: "expected vi or en" }).default("vi"),
  BAOCAO_LOG_LEVEL: z
    .enum(["silent", "error", "warn", "info", "debug"], {
      message: "expected silent, error, warn, info or debug",
    })
    .default("info"),
  BAOCAO_DEMO: bool.default(true),
  BAOCAO_PLAN: optionalText,
  SESSION_SECRET: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(z.string().min(32, "expected at least 32 characters").optional())
    .optional(),
  OFFICE_CONTACT: optionalText,
  INVITE_TTL_DAYS: positiveInt(365).default(30),
  DRAFT_TTL_DAYS: positiveInt(365).default(14),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_WEBHOOK_URL: optionalHttpUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  TELEGRAM_API_ROOT: httpUrl.default("https://api.telegram.org"),
  ...zaloEnvFields,
});

export type DatabaseTarget = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export interface Config extends ZaloConfig {
  readonly database: DatabaseTarget;
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly lang: "vi" | "en";
  readonly logLevel: "silent" | "error" | "warn" | "info" | "debug";
  readonly loadDemo: boolean;
  readonly planRef: string | undefined;
  readonly sessionSecret: string | undefined;
  readonly officeContact: string | undefined;
  readonly inviteTtlDays: number;
  readonly draftTtlDays: number;
  readonly telegram:
    | {
        readonly token: string;
        readonly webhookUrl: string | undefined;
        readonly webhookSecret: string | undefined;
        readonly apiRoot: string;
      }
    | undefined;
}

export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** `sqlite:/path.db`, `file:/path.db`, a bare path, or `postgres://…`. */
export function parseDatabaseUrl(url: string | undefined, cwd: string): DatabaseTarget {
  if (url === undefined) return { kind: "sqlite", file: path.resolve(cwd, "data", "baocao.db") };
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: "postgres", url };
  const stripped = url.replace(/^(sqlite|file):(\/\/)?/i, "");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(stripped)) {
    throw new ConfigError([
      `DATABASE_URL: unsupported scheme in "${url}"; expected sqlite:/path/to/file.db, a file path, or postgres://…`,
    ]);
  }
  return { kind: "sqlite", file: path.resolve(cwd, stripped) };
}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const value = env[name];
      return `${name}: ${issue.message}${value === undefined ? "" : ` (got "${value}")`}`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_BOT_TOKEN) {
    problems.push("TELEGRAM_WEBHOOK_URL: set TELEGRAM_BOT_TOKEN too, or remove the webhook URL");
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    problems.push("TELEGRAM_WEBHOOK_SECRET: required in webhook mode (1-256 characters A-Z a-z 0-9 _ -)");
  }
  if (e.TELEGRAM_WEBHOOK_SECRET && !/^[A-Za-z0-9_-]{1,256}$/.test(e.TELEGRAM_WEBHOOK_SECRET)) {
    problems.push("TELEGRAM_WEBHOOK_SECRET: expected 1-256 characters A-Z a-z 0-9 _ -");
  }
  const zalo = buildZaloConfig(e, env, path.resolve(cwd, e.DATA_DIR), cwd, problems);
  let database: DatabaseTarget | undefined;
  try {
    database = parseDatabaseUrl(e.DATABASE_URL, cwd);
  } catch (err) {
    if (err instanceof ConfigError) problems.push(...err.problems);
    else throw err;
  }
  if (problems.length > 0 || database === undefined) throw new ConfigError(problems);

  const dataDir = path.resolve(cwd, e.DATA_DIR);
  // With DATA_DIR set and DATABASE_URL unset, the database lives in DATA_DIR so that several
  // instances can run side by side with one variable each.
  if (e.DATABASE_URL === undefined) database = { kind: "sqlite", file: path.join(dataDir, "baocao.db") };

  const config: Config = {
    database,
    dataDir,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    lang: e.BAOCAO_LANG,
    logLevel: e.BAOCAO_LOG_LEVEL,
    loadDemo: e.BAOCAO_DEMO,
    planRef: e.BAOCAO_PLAN,
    sessionSecret: e.SESSION_SECRET,
    officeContact: e.OFFICE_CONTACT,
    inviteTtlDays: e.INVITE_TTL_DAYS,
    draftTtlDays: e.DRAFT_TTL_DAYS,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          webhookUrl: e.TELEGRAM_WEBHOOK_URL,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
          apiRoot: e.TELEGRAM_API_ROOT,
        }
      : undefined,
    ...zalo,
  };
  return Object.freeze(config);
}
