/**
 * A bot process that dies (SIGKILL: no cleanup, no flush) while handling an event, for
 * restart.test.ts. It opens the test's SQLite file, accepts the scenario's events through the real
 * pipeline and bot handler, and kills itself while handling DIE_ID:
 *  - "inside": inside the bot's transaction, after the replies and the handled mark were written
 *    and before the commit;
 *  - "after": right after that transaction committed, before the pipeline hears of it.
 * The file event is still waiting when the process dies. Usage: crash-child.ts <db file> <mode>
 */

import { reportFlowNotEnabled } from "../../src/bot/conversation";
import { createBotHandler } from "../../src/bot/handler";
import { createStatusReporter } from "../../src/bot/status/reporter";
import { migrateToLatest, openDatabase } from "../../src/db/index";
import { createInboundPipeline, type InboundHandler } from "../../src/inbound/index";
import { createLogger } from "../../src/log";
import { CALENDAR, CONTACT, NOW, PLAN } from "../bot/fixtures";
import { DIE_ID, scenarioEvents } from "./crash-scenario";

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== "inside" && mode !== "after"))
  throw new Error("usage: crash-child.ts <db file> inside|after");

const die = () => process.kill(process.pid, "SIGKILL");
// Should the kill not happen, fail loudly rather than hang the test.
setTimeout(() => process.exit(3), 20_000).unref();

const { db } = await openDatabase({ kind: "sqlite", file });
await migrateToLatest(db);
const log = createLogger("silent");
const bot = createBotHandler({
  db,
  config: { lang: "vi", officeContact: CONTACT, sessionSecret: undefined },
  log,
  dispatcher: { kick() {} },
  conversation: reportFlowNotEnabled,
  status: createStatusReporter({ lang: "vi", plan: async () => ({ plan: PLAN, calendar: CALENDAR }) }),
  now: () => NOW,
});

let allAccepted!: () => void;
const accepted = new Promise<void>((resolve) => {
  allAccepted = resolve;
});
const handler: InboundHandler = async (event, receipt) => {
  if (event.kind === "file") return new Promise<void>(() => undefined);
  if (event.platformId !== DIE_ID) return bot(event, receipt);
  // Every event is accepted (in the log, unhandled) before the crash.
  await accepted;
  if (mode === "inside") {
    return bot(event, {
      async markHandled(trx) {
        await receipt.markHandled(trx);
        die();
      },
    });
  }
  await bot(event, receipt);
  die();
};

const pipeline = createInboundPipeline({ db, handler, log, now: () => NOW });
for (const event of scenarioEvents()) await pipeline.sink(event);
allAccepted();
await new Promise<void>(() => undefined);
