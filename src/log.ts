/**
 * A small structured logger. Never log message texts, names or phone numbers at info level
 * (Law 91/2025 on personal data): log ids and counts.
 */
export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";
const ORDER: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

export interface Logger {
  error(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const at =
    (l: Exclude<LogLevel, "silent">) =>
    (msg: string, fields?: Record<string, unknown>): void => {
      if (ORDER[l] > ORDER[level]) return;
      write(JSON.stringify({ t: new Date().toISOString(), level: l, msg, ...fields }));
    };
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}
