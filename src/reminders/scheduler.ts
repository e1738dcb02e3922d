/**
 * The only importer of node-schedule. One job a minute runs the planner tick and the sweepers
 * (wake deferred rows, finish interrupted fallbacks). On start it runs once at once: the planner
 * plans for "now", and since it is idempotent (dedupe keys, claimed steps), that is the whole
 * catch-up after a downtime. A tick never overlaps the previous one.
 */
import schedule from "node-schedule";
import type { Logger } from "../log";

export interface SchedulerOptions {
  readonly tick: () => Promise<unknown>;
  readonly sweepers?: readonly (() => Promise<unknown>)[];
  readonly log: Logger;
  /** Cron rule; default every minute at second 0. */
  readonly rule?: string;
}

export interface Scheduler {
  /** Runs one round now (the same as a scheduled one); resolves when it is done. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const { log } = options;
  let running: Promise<void> | null = null;
  const round = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      for (const step of [options.tick, ...(options.sweepers ?? [])]) {
        try {
          await step();
        } catch (err) {
          // One boundary per entry point: log with context, try again next minute.
          log.error("scheduler.round_failed", { error: err instanceof Error ? err.message : String(err) });
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const job = schedule.scheduleJob(options.rule ?? "0 * * * * *", () => void round());
  void round();
  return {
    runNow: round,
    async stop() {
      job?.cancel();
      await running;
    },
  };
}
