/**
 * `npm start`: the product from the environment. Prints where it runs, where the data lives, what
 * is due this month and, with the demo, links to try it; stops gracefully on Ctrl+C / SIGTERM.
 */
import { startApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { translator } from "./i18n/index";
import { createLogger } from "./log";
import { PlanInvalidError } from "./plan/index";
import { startupSummary } from "./startup-summary";

function isPortInUse(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "EADDRINUSE";
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      const lines = err.problems.map((p) => `  ${p}`).join("\n");
      process.stderr.write(`${translator("vi")("cli:error.config")}\n${lines}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const t = translator(config.lang);
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp(config, { log });
  } catch (err) {
    if (err instanceof PlanInvalidError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (isPortInUse(err)) {
      process.stderr.write(`${t("main:portInUse", { port: config.port })}\n`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(t("main:started", { url: config.publicUrl, location: app.database.location }));
  for (const line of await startupSummary(app, config, new Date())) out(line);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    await app.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
