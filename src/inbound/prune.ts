/**
 * Keeps the inbound log small: every few hours, rows handled more than INBOUND_RETENTION_DAYS ago
 * are deleted (dedupe needs far less: Telegram keeps undelivered updates 24 h). Unhandled rows
 * are never pruned: the next start handles them.
 */
import type { Db } from "../db/index";
import type { Logger } from "../log";
import { pruneInboundEvents } from "./dedupe";

export const INBOUND_RETENTION_DAYS = 30;
export const INBOUND_PRUNE_INTERVAL_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

export interface InboundPruning {
  /** Prunes now (also done when started); resolves with the number of rows deleted. */
  runOnce(): Promise<number>;
  /** Stops the timer and waits for a prune under way (before the database closes). */
  stop(): Promise<void>;
}

export function startInboundPruning(options: {
  readonly db: Db;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly intervalMs?: number;
  readonly retentionDays?: number;
}): InboundPruning {
  const now = options.now ?? (() => new Date());
  const retentionMs = (options.retentionDays ?? INBOUND_RETENTION_DAYS) * DAY_MS;
  let running: Promise<number> | null = null;
  const runOnce = (): Promise<number> => {
    running ??= pruneInboundEvents(options.db, new Date(now().getTime() - retentionMs))
      .then((deleted) => {
        if (deleted > 0) options.log.info("inbound.pruned", { deleted });
        return deleted;
      })
      .catch((err: unknown) => {
        options.log.error("inbound.prune_failed", { error: String(err) });
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), options.intervalMs ?? INBOUND_PRUNE_INTERVAL_MS);
  // A timer alone must not keep the process alive (tests, CLI).
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
