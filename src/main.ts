/**
 * Composition root: config → database (migrations) → demo data → web server; graceful shutdown.
 * Later pieces (channels, engine, scheduler, dispatcher) are composed here and nowhere else.
 */
import { ConfigError, loadConfig } from "./config";
import { migrateToLatest, openDatabase } from "./db/index";
import { translator } from "./i18n/index";
import { createLogger } from "./log";
import { createWebApp, startServer } from "./web/server";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(
        `${translator("vi")("cli:error.config")}\n${err.problems.map((p) => `  ${p}`).join("\n")}\n`,
      );
      process.exitCode = 2;
      return;
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const t = translator(config.lang);
  const database = await openDatabase(config.database);
  await migrateToLatest(database.db);

  const app = createWebApp();
  const server = await startServer(app, config.port, config.host);
  process.stdout.write(`${t("main:started", { url: config.publicUrl, location: database.location })}\n`);
  log.info("started", { port: server.port });

  const shutdown = async (signal: string) => {
    log.info("stopping", { signal });
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

await main();
