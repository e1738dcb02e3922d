/**
 * createReminderService: the planner tick (plan for "now", write, kick the dispatcher), the
 * scheduler that runs it every minute with the sweepers, the dispatcher hooks, and the manual
 * "remind all now". The composition root (src/main.ts) builds one and passes its hooks to the
 * dispatcher; the CLI builds one for `reminders preview|run`.
 */
import type { ChannelId, ChatRef, TextPart } from "../channels/types";
import type { Db } from "../db/index";
import { dailyReminderCounts, loadPlannedSteps } from "../db/reminders";
import { localDateOf } from "../domain/time";
import type { Lang } from "../i18n/index";
import type { Logger } from "../log";
import { wakeDeferred } from "../outbox/enqueue-many";
import { type PlanContext, planContext, sendingRules } from "./context";
import { createDispatchHooks } from "./dispatch";
import { type DueStep, dueSteps } from "./due-steps";
import { factsFromMaps } from "./facts";
import { type ManualTarget, manualTarget, planManual } from "./manual";
import { createOrgSource } from "./org-source";
import type { PlanSource } from "./plan-source";
import { planReminders } from "./planner";
import { type Scheduler, startScheduler } from "./scheduler";
import { type SubmissionSource, submissionsTable } from "./sources";
import { loadFacts, loadPlannerState, pairsFor } from "./state";
import type { PlanResult } from "./types";
import { isAllowedAt } from "./window";
import { type WriteResult, writePlan } from "./write";

export interface ReminderServiceDeps {
  readonly db: Db;
  readonly log: Logger;
  /** Channels with an adapter in this process (people's other links are not used). */
  readonly channels: readonly ChannelId[];
  readonly lang: Lang;
  readonly planSource: PlanSource;
  /** Default: the `submissions` table. */
  readonly submissions?: SubmissionSource | undefined;
  readonly now?: (() => Date) | undefined;
  /** Called after a commit that queued messages (the dispatcher's kick). */
  readonly kick?: (() => void) | undefined;
  /**
   * The Zalo group the Sở designated for digests (ZALO_PERSONAL_DIGEST_GROUP_ID, personal-account
   * channel on): each day-after digest of missing units is also posted there, once.
   */
  readonly digestGroup?: ChatRef | undefined;
  /** Tells the admins when a digest could not be posted into that group (src/bot/admin-alert.ts). */
  readonly alertAdmins?: ((parts: readonly TextPart[]) => Promise<void>) | undefined;
}

export interface Preview extends PlanResult {
  readonly at: Date;
  readonly ctx: PlanContext;
}

export interface ManualResult {
  readonly target: ManualTarget;
  readonly units: number;
  readonly queued: number;
  readonly deferred: number;
  readonly skipped: number;
  readonly unreachable: number;
  readonly insideWindow: boolean;
}

export function createReminderService(deps: ReminderServiceDeps) {
  const { db, log } = deps;
  const now = deps.now ?? (() => new Date());
  const submissions = deps.submissions ?? submissionsTable;
  const hooks = createDispatchHooks({
    db,
    log,
    submissions,
    planSource: deps.planSource,
    channels: deps.channels,
    now,
    lang: deps.lang,
    alertAdmins: deps.alertAdmins,
  });

  const orgSource = createOrgSource(deps.channels);

  const contextAt = async (at: Date, steps: readonly DueStep[] | "all", counts: Map<string, number>) => {
    const { plan, calendar } = await deps.planSource();
    const org = await orgSource.load(db, at);
    const pairs = steps === "all" ? { reports: [], quotas: [] } : pairsFor(steps, plan, calendar, at);
    const facts = factsFromMaps(await loadFacts(db, submissions, pairs));
    return planContext({
      plan,
      calendar,
      org,
      facts,
      now: at,
      lang: deps.lang,
      counts,
      digestGroup: deps.digestGroup,
    });
  };

  /** What the planner would queue at `at`, without writing anything. */
  const preview = async (at: Date): Promise<Preview> => {
    const { plan, calendar } = await deps.planSource();
    const state = await loadPlannerState(db, at);
    const steps = dueSteps({ plan, calendar, now: at, done: state.done });
    const ctx = await contextAt(at, steps, state.counts);
    return { ...planReminders(ctx, steps), at, ctx };
  };

  /** One planner round at `at` (default now): plan, write in one transaction, kick. */
  const tick = async (at: Date = now()): Promise<WriteResult> => {
    const { plan, calendar } = await deps.planSource();
    // Every minute: only the claimed steps are read; the rest when a step is due.
    const done = await loadPlannedSteps(db);
    const steps = dueSteps({ plan, calendar, now: at, done });
    if (steps.length === 0) return { steps: 0, queued: 0, deferred: 0, unreachable: 0 };
    const ctx = await contextAt(at, steps, await dailyReminderCounts(db, localDateOf(at)));
    const written = await writePlan(db, planReminders(ctx, steps), at);
    if (written.queued > 0) {
      log.info("reminders.planned", { ...written });
      deps.kick?.();
    }
    return written;
  };

  const wake = async (at: Date = now()): Promise<number> => {
    const n = await wakeDeferred(db, at);
    if (n > 0) deps.kick?.();
    return n;
  };

  /** Reminds every unit still missing the obligation's period, now. */
  const remindMissing = async (
    code: string,
    periodKey: string,
    options: { ignoreWindow: boolean; at?: Date },
  ): Promise<ManualResult> => {
    const at = options.at ?? now();
    const state = await loadPlannerState(db, at);
    const { plan, calendar } = await deps.planSource();
    const base = await contextAt(at, "all", state.counts);
    const target = manualTarget(base, code, periodKey);
    const insideWindow = isAllowedAt(base.rules, at);
    const empty = { units: 0, queued: 0, deferred: 0, skipped: 0, unreachable: 0, insideWindow };
    if (!target.ok) return { target, ...empty };
    const pairs = pairsFor(
      [
        {
          type: "unit",
          obligation: target.obligation,
          scheduled: target.scheduled,
          step: { id: "m", kind: "manual", nominal: at },
          key: { scope: "", periodKey: "", step: "" },
        },
      ],
      plan,
      calendar,
      at,
    );
    const facts = factsFromMaps(await loadFacts(db, submissions, pairs));
    const ctx = planContext({
      plan,
      calendar,
      org: base.org,
      facts,
      now: at,
      lang: deps.lang,
      counts: state.counts,
    });
    const planned = planManual(ctx, target, { ignoreWindow: options.ignoreWindow });
    const written = await writePlan(db, planned, at);
    if (written.queued > 0) deps.kick?.();
    return {
      target,
      units: planned.units,
      queued: written.queued,
      deferred: written.deferred,
      skipped: planned.messages.length - written.queued,
      unreachable: planned.unreachable.length,
      insideWindow,
    };
  };

  /** Is `at` inside the plan's sending window (a weekday's hours, not a holiday)? */
  const insideWindow = async (at: Date = now()): Promise<boolean> => {
    const { plan, calendar } = await deps.planSource();
    return isAllowedAt(sendingRules(plan, calendar), at);
  };

  let scheduler: Scheduler | null = null;
  return {
    tick,
    preview,
    wake,
    remindMissing,
    insideWindow,
    beforeSend: hooks.beforeSend,
    onDead: hooks.onDead,
    sweepFallbacks: hooks.sweepFallbacks,
    /** Starts the minute job (planner tick, then wake deferred rows, then unfinished fallbacks). */
    start(): Scheduler {
      scheduler ??= startScheduler({
        tick: () => tick(),
        sweepers: [() => wake(), hooks.sweepFallbacks],
        log,
      });
      return scheduler;
    },
    async stop() {
      await scheduler?.stop();
      scheduler = null;
    },
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
