/**
 * `baocao reminders preview --at ISO_TIME [--json]`: what the planner would queue at that moment
 * (to whom, on which channel, when, why) and what is already queued and due, without sending.
 * `baocao reminders run --at ISO_TIME [--json]`: plan as if it were that moment, then send through
 * the configured channels (catching up, testing), with every rule of the live system.
 * `baocao reminders unreachable [--json]`: who reminders could not reach.
 */
import { alertAdmins } from "../../bot/admin-alert";
import { createAdapters } from "../../channels/registry";
import { CHANNEL_IDS, type ChannelId } from "../../channels/types";
import { digestGroupChat } from "../../channels/zalo-personal/index";
import type { Db } from "../../db/index";
import { listUndelivered } from "../../db/reminders";
import { createLogger } from "../../log";
import { createDispatcher } from "../../outbox/index";
import { rateLimitAdapters } from "../../outbox/rate-limit";
import { createReminderService, type Preview } from "../../reminders/service";
import type { PlannedMessage } from "../../reminders/types";
import type { CliContext, Command } from "../command";
import { atFlag, cliPlanSource, whenText } from "./reminders-common";

const PREVIEW_USAGE = "baocao reminders preview --at ISO_TIME [--json]";
const RUN_USAGE = "baocao reminders run --at ISO_TIME [--json]";
/** `run` waits this long (virtual time) for retries before handing over to the live dispatcher. */
const RUN_RETRY_HORIZON_MS = 60_000;

function why(ctx: CliContext, m: PlannedMessage): string {
  const step = m.spec.step;
  const to = step.to ?? "";
  return ctx.t(`reminders:why.${step.kind}`, { days: step.workingDays ?? 0, to });
}

function what(m: PlannedMessage): string {
  const s = m.spec;
  if (s.kind === "digest_weekly") return `${s.unitName} (${s.week})`;
  return `${s.obligation.name} (${s.period.label})`;
}

async function queuedAt(db: Db, at: Date) {
  return db
    .selectFrom("outbox")
    .select(["id", "kind", "channel", "person_id", "status", "not_before", "dedupe_key"])
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "in", ["pending", "failed"]), eb("not_before", "<=", at.toISOString())]),
        eb.and([eb("status", "=", "deferred"), eb("not_before", "<=", at.toISOString())]),
      ]),
    )
    .orderBy("id")
    .limit(1000)
    .execute();
}

function row(ctx: CliContext, preview: Preview, m: PlannedMessage) {
  const person = m.personId === null ? undefined : preview.ctx.org.people.get(m.personId);
  const unit = m.unitId === null ? undefined : preview.ctx.org.index.byId.get(m.unitId);
  return {
    dedupeKey: m.dedupeKey,
    kind: m.spec.kind,
    step: m.spec.step.id,
    personId: m.personId,
    personName: person?.fullName ?? null,
    channel: m.chat.channel,
    /** Shown for a post into a group, which has no person. */
    group: m.personId === null ? m.chat.chatId : null,
    notBefore: m.notBefore.toISOString(),
    deferred: m.deferred,
    unitId: m.unitId,
    unitName: unit?.name ?? null,
    obligationCode: m.obligationCode,
    periodKey: m.periodKey,
    what: what(m),
    why: why(ctx, m),
  };
}

async function channelsOf(ctx: CliContext): Promise<ChannelId[]> {
  const { db } = await ctx.database();
  // Preview plans for every channel people are linked on; run uses the configured adapters.
  const rows = await db.selectFrom("channel_links").select("channel").distinct().execute();
  return CHANNEL_IDS.filter((c) => rows.some((r) => r.channel === c));
}

export const remindersPreviewCommand: Command = {
  path: ["reminders", "preview"],
  summaryKey: "reminders:cli.previewSummary",
  usage: PREVIEW_USAGE,
  flags: { at: { type: "string" } },
  async run(ctx, args) {
    const at = atFlag(args, PREVIEW_USAGE);
    const { db } = await ctx.database();
    const service = createReminderService({
      db,
      log: createLogger("silent"),
      channels: await channelsOf(ctx),
      lang: ctx.lang,
      planSource: await cliPlanSource(ctx),
      now: () => at,
      digestGroup: digestGroupChat(ctx.config.zaloPersonal),
    });
    const preview = await service.preview(at);
    const queued = await queuedAt(db, at);
    const rows = preview.messages.map((m) => row(ctx, preview, m));
    if (ctx.json) {
      ctx.out(
        JSON.stringify({ at: at.toISOString(), messages: rows, queued, unreachable: preview.unreachable }),
      );
      return 0;
    }
    if (rows.length === 0 && queued.length === 0) {
      ctx.out(ctx.t("reminders:cli.previewNone"));
      return 0;
    }
    const later = rows.filter((r) => r.deferred).length;
    ctx.out(
      ctx.t("reminders:cli.previewHeader", {
        at: whenText(at),
        count: rows.length,
        now: rows.length - later,
        later,
        queued: queued.length,
      }),
    );
    if (rows.length > 0) ctx.out(ctx.t("reminders:cli.previewNew"));
    for (const r of rows) {
      ctx.out(
        ctx.t("reminders:cli.previewLine", {
          when: whenText(r.notBefore),
          channel: r.channel,
          person: r.personName ?? r.personId ?? r.group ?? "—",
          unit: r.unitName ?? "—",
          what: r.what,
          why: r.why,
        }),
      );
    }
    if (queued.length > 0) ctx.out(ctx.t("reminders:cli.previewQueued"));
    for (const q of queued)
      ctx.out(`  #${q.id}  ${whenText(q.not_before)}  ${q.channel}  ${q.kind}  ${q.status}`);
    if (preview.unreachable.length > 0)
      ctx.out(ctx.t("reminders:cli.previewUnreachable", { count: preview.unreachable.length }));
    return 0;
  },
};

export const remindersRunCommand: Command = {
  path: ["reminders", "run"],
  summaryKey: "reminders:cli.runSummary",
  usage: RUN_USAGE,
  flags: { at: { type: "string" } },
  async run(ctx, args) {
    const at = atFlag(args, RUN_USAGE);
    const { db } = await ctx.database();
    const log = createLogger(ctx.config.logLevel === "debug" ? "debug" : "silent");
    // Time runs from --at at the pace of the wall clock, so that retry delays still pass.
    const started = Date.now();
    const clock = () => new Date(at.getTime() + (Date.now() - started));
    const adapters = rateLimitAdapters(
      createAdapters(ctx.config, { db, log, now: clock, alertAdmins: async () => undefined }),
    );
    const before = await db
      .selectFrom("outbox")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    const service = createReminderService({
      db,
      log,
      channels: adapters.map((a) => a.id),
      lang: ctx.lang,
      planSource: await cliPlanSource(ctx),
      now: clock,
      digestGroup: digestGroupChat(ctx.config.zaloPersonal),
      alertAdmins: async (parts) => {
        await alertAdmins(db, parts, { lang: ctx.lang, now: clock() });
      },
    });
    const dispatcher = createDispatcher({
      db,
      adapters,
      log,
      now: clock,
      beforeSend: service.beforeSend,
      onDead: service.onDead,
    });
    const written = await service.tick(at);
    await service.wake(clock());
    await dispatch(db, dispatcher, clock);
    await service.sweepFallbacks();
    await dispatch(db, dispatcher, clock);
    const stats = await db
      .selectFrom("outbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("id", ">", Number(before?.id ?? 0))
      .groupBy("status")
      .execute();
    const count = (s: string) => Number(stats.find((r) => r.status === s)?.n ?? 0);
    const summary = {
      queued: written.queued,
      deferred: written.deferred,
      sent: count("sent"),
      failed: count("failed"),
      dead: count("dead"),
      cancelled: count("cancelled"),
    };
    if (ctx.json) ctx.out(JSON.stringify({ at: at.toISOString(), ...summary }));
    else ctx.out(ctx.t("reminders:cli.runDone", summary));
    return 0;
  },
};

/** Sends until nothing is due within the retry horizon. */
async function dispatch(db: Db, dispatcher: ReturnType<typeof createDispatcher>, clock: () => Date) {
  const limit = clock().getTime() + RUN_RETRY_HORIZON_MS;
  for (;;) {
    await dispatcher.tick();
    const next = await db
      .selectFrom("outbox")
      .select((eb) => eb.fn.min("not_before").as("at"))
      .where("status", "in", ["pending", "failed"])
      .executeTakeFirst();
    const due = next?.at ? Date.parse(next.at) : null;
    if (due === null || due > limit) return;
    const wait = due - clock().getTime();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 5_000)));
  }
}

export const remindersUnreachableCommand: Command = {
  path: ["reminders", "unreachable"],
  summaryKey: "reminders:cli.unreachableSummary",
  usage: "baocao reminders unreachable [--json]",
  async run(ctx) {
    const { db } = await ctx.database();
    const rows = await listUndelivered(db);
    const people = new Map(
      (await db.selectFrom("people").select(["id", "full_name"]).execute()).map((p) => [p.id, p.full_name]),
    );
    const units = new Map(
      (await db.selectFrom("units").select(["id", "name"]).execute()).map((u) => [u.id, u.name]),
    );
    const named = rows.map((r) => ({
      ...r,
      personName: r.personId ? (people.get(r.personId) ?? null) : null,
      unitName: r.unitId ? (units.get(r.unitId) ?? null) : null,
    }));
    if (ctx.json) {
      ctx.out(JSON.stringify({ unreachable: named }));
      return 0;
    }
    if (named.length === 0) {
      ctx.out(ctx.t("reminders:cli.unreachableNone"));
      return 0;
    }
    ctx.out(ctx.t("reminders:cli.unreachableHeader", { count: named.length }));
    for (const r of named) {
      ctx.out(
        ctx.t("reminders:cli.unreachableLine", {
          at: whenText(r.at),
          unit: r.unitName ?? "—",
          person: r.personName ?? "—",
          report: r.obligationCode ?? "",
          period: r.periodKey ?? "",
          reason: ctx.t(`reminders:cli.reason.${r.reason}`),
        }),
      );
    }
    return 0;
  },
};
