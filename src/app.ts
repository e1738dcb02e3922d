/**
 * The whole product assembled: database (migrated), plan, demo data, channel adapters, inbound
 * pipeline, bot, dispatcher, web server. `main.ts` runs it from the environment; end-to-end tests
 * run the very same assembly in-process on a temporary database.
 */
import { alertAdmins } from "./bot/admin-alert";
import { createBotHandler } from "./bot/handler";
import { createLostEventNotice } from "./bot/lost";
import { createOrgCache } from "./bot/org-cache";
import { activePlanSource } from "./bot/status/plan-source";
import { createStatusReporter } from "./bot/status/reporter";
import { channelRoutes, createAdapters, findWebAdapter } from "./channels/registry";
import type { ChannelAdapter } from "./channels/types";
import { digestGroupChat, type PersonalLogin } from "./channels/zalo-personal/index";
import type { Config } from "./config";
import {
  createConversationHook,
  createSubmissionStatusSource,
  sweepDrafts,
} from "./conversation/runner/index";
import { startWalCheckpointer } from "./db/checkpointer";
import {
  type Db,
  findPersonByPhoneOrEmail,
  migrateToLatest,
  type OpenDatabase,
  openDatabase,
} from "./db/index";
import { withExportCommands } from "./exports/chat";
import { pruneExports } from "./exports/retention";
import { createInvite } from "./identity/invites";
import { recordTelegramUsername } from "./identity/links";
import { createInboundPipeline, type InboundPipeline, startInboundPruning } from "./inbound/index";
import type { Logger } from "./log";
import { loadDemo } from "./org/demo";
import { DEMO_PHONES } from "./org/demo-data";
import { createDispatcher, type Dispatcher } from "./outbox/index";
import { type RateLimitOptions, rateLimitAdapters } from "./outbox/rate-limit";
import { type ActivePlan, resolveActivePlan } from "./plan/index";
import { withReminderCommands } from "./reminders/chat";
import { boundPlanSource } from "./reminders/plan-source";
import { createReminderService, type ReminderService } from "./reminders/service";
import { createWebApp, type RunningServer, startServer, type WebApp } from "./web/server";

/** How often unfinished drafts are checked for the day-before warning and expiry. */
const DRAFT_SWEEP_INTERVAL_MS = 10 * 60_000;

export interface AppOptions {
  readonly log: Logger;
  readonly now?: (() => Date) | undefined;
  /** Working directory for relative plan paths. */
  readonly cwd?: string | undefined;
  /** Start the minute job that plans reminders and digests. Default true. */
  readonly scheduler?: boolean | undefined;
  /** Start the HTTP server (tests may drive `app.request()` instead). Default true. */
  readonly listen?: boolean | undefined;
  /**
   * Send rates per channel. Default: each platform's published rates in real time (Zalo and
   * Telegram: one message per second per chat), which end-to-end tests replace so as not to sleep.
   */
  readonly rateLimits?: RateLimitOptions | undefined;
  /** The personal Zalo account's login (zca-js by default; tests pass a fake of the same interface). */
  readonly zaloPersonalLogin?: PersonalLogin | undefined;
}

export interface DemoAccess {
  readonly role: "school" | "office";
  readonly url: string;
}

export interface RunningApp {
  readonly database: OpenDatabase;
  readonly db: Db;
  readonly plan: ActivePlan;
  readonly adapters: readonly ChannelAdapter[];
  readonly pipeline: InboundPipeline;
  readonly dispatcher: Dispatcher;
  readonly reminders: ReminderService;
  readonly web: WebApp;
  readonly server: RunningServer | undefined;
  /** Fresh invite links for trying the demo (empty when the demo is off). */
  readonly demoAccess: readonly DemoAccess[];
  /** Stops receiving, finishes what was accepted, stops sending, closes the server and database. */
  stop(): Promise<void>;
}

export async function startApp(config: Config, options: AppOptions): Promise<RunningApp> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const database = await openDatabase(config.database);
  const { db } = database;
  try {
    await migrateToLatest(db);
    // Fails with PlanInvalidError (a precise message) rather than running on a broken plan.
    const plan = await resolveActivePlan(db, config, options.cwd);
    if (config.loadDemo) await loadDemo(db, now());

    const alert = async (parts: Parameters<typeof alertAdmins>[1]) => {
      await alertAdmins(db, parts, { lang: config.lang, now: now() });
      dispatcher.kick();
    };
    // Every adapter sends within its platform's rate limits (Telegram 30/s overall, 1/s per chat…).
    const adapters = rateLimitAdapters(
      createAdapters(config, {
        db,
        log,
        now,
        alertAdmins: alert,
        zaloPersonalLogin: options.zaloPersonalLogin,
      }),
      options.rateLimits,
    );
    // One plan source for /trangthai, the report flow and reminders: it reloads only when the plan changes.
    const planSource = activePlanSource(config, options.cwd);
    const reminders = createReminderService({
      db,
      log,
      lang: config.lang,
      channels: adapters.map((a) => a.id),
      planSource: boundPlanSource(db, planSource),
      now,
      kick: () => dispatcher.kick(),
      // Only when the personal-account channel is on and the Sở designated a group.
      digestGroup: digestGroupChat(config.zaloPersonal),
      alertAdmins: alert,
    });
    // Reminders are re-checked just before sending (submitted since? outside the window?) and a
    // permanent failure falls back to the person's next channel, then the unit's other recipients.
    const dispatcher = createDispatcher({
      db,
      adapters,
      log,
      now,
      beforeSend: reminders.beforeSend,
      onDead: reminders.onDead,
    });
    const status = createStatusReporter({
      plan: planSource,
      lang: config.lang,
      submissions: createSubmissionStatusSource(),
    });
    const conversation = createConversationHook({
      plan: planSource,
      config,
      capabilities: (channel) => adapters.find((a) => a.id === channel)?.capabilities,
    });
    const org = createOrgCache();
    const handler = withExportCommands(
      withReminderCommands(
        createBotHandler({
          db,
          config,
          log,
          dispatcher,
          conversation,
          status,
          now,
          org,
          // The status buttons fit each channel (label length; numbered choices where there are none).
          capabilities: (channel) => adapters.find((a) => a.id === channel)?.capabilities,
        }),
        { db, log, lang: config.lang, reminders, kick: () => dispatcher.kick(), now },
      ),
      {
        db,
        log,
        lang: config.lang,
        plan: planSource,
        dataDir: config.dataDir,
        publicUrl: config.publicUrl,
        capabilities: (channel) => adapters.find((a) => a.id === channel)?.capabilities,
        kick: () => dispatcher.kick(),
        now,
        org,
      },
    );
    const pipeline = createInboundPipeline({
      db,
      handler,
      log,
      now,
      // Only there may a typed "2" answer a numbered list of choices.
      numberedChoiceChannels: adapters.filter((a) => a.capabilities.buttons === null).map((a) => a.id),
      onLost: createLostEventNotice({ db, config, log, dispatcher, org, now }),
    });
    // Events accepted before the last stop and never handled go first, before new ones arrive.
    await pipeline.resume();

    const web = createWebApp();
    for (const route of channelRoutes(adapters)) {
      const handle = (c: { req: { raw: Request } }) => route.handler(c.req.raw);
      if (route.method === "GET") web.get(route.path, handle);
      else web.post(route.path, handle);
    }
    findWebAdapter(adapters)?.mount(web);

    const server = options.listen === false ? undefined : await startServer(web, config.port, config.host);
    for (const adapter of adapters) {
      await adapter.start(pipeline.sink);
      if (adapter.id === "telegram") await recordTelegramUsername(db, adapter, now());
    }
    await dispatcher.start();
    if (options.scheduler !== false) reminders.start();

    const demoAccess = config.loadDemo ? await demoInvites(db, config, now()) : [];
    const pruning = startInboundPruning({ db, log, now });
    // SQLite: WAL checkpoints in a worker thread, so that no commit of a chat's reply pays for one.
    const checkpointer =
      database.dialect === "sqlite" && database.location !== ":memory:"
        ? await startWalCheckpointer(db, database.location, log)
        : undefined;
    // Drafts left unfinished: a warning the day before they expire, then expiry.
    const draftSweep = setInterval(() => {
      sweepDrafts(db, now(), { lang: config.lang })
        .then(() => dispatcher.kick())
        .catch((err: unknown) => log.error("drafts.sweep_failed", { error: String(err) }));
      // Workbooks sent in the chat are kept a week (src/exports/retention.ts).
      pruneExports(config.dataDir, now()).catch((err: unknown) =>
        log.error("exports.prune_failed", { error: String(err) }),
      );
    }, DRAFT_SWEEP_INTERVAL_MS);
    draftSweep.unref();

    return {
      database,
      db,
      plan,
      adapters,
      pipeline,
      dispatcher,
      reminders,
      web,
      server,
      demoAccess,
      async stop() {
        clearInterval(draftSweep);
        await reminders.stop();
        for (const adapter of adapters) await adapter.stop();
        await pruning.stop();
        await pipeline.drain();
        await dispatcher.stop();
        await server?.close();
        await checkpointer?.stop();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/**
 * One invite link for a school's communications officer and one for a Văn phòng officer of the demo
 * province, so that a newcomer can try both sides in the web chat within a minute.
 */
async function demoInvites(db: Db, config: Config, at: Date): Promise<DemoAccess[]> {
  const wanted = [
    { role: "school", phone: DEMO_PHONES.nguyenDuComms },
    { role: "office", phone: DEMO_PHONES.officeStaff },
  ] as const;
  const access: DemoAccess[] = [];
  for (const w of wanted) {
    const person = await findPersonByPhoneOrEmail(db, { phone: w.phone });
    if (!person) continue; // the demo people were erased or replaced: nothing to offer
    const { code } = await createInvite(db, {
      personId: person.id,
      ttlDays: 1,
      pepper: config.sessionSecret,
      now: at,
      createdBy: null,
    });
    access.push({ role: w.role, url: `${config.publicUrl}/chat?code=${code}` });
  }
  return access;
}
