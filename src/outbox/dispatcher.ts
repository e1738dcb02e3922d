/**
 * The dispatcher: the only sender of queued messages. Each round it takes the oldest due row of
 * every chat (so one chat's messages leave in order while chats proceed in parallel), sends it
 * through the chat's adapter and records the outcome:
 *   sent → status sent; retryable → status failed, retried after the platform's retryAfterMs or
 *   an exponential backoff; permanent, or too many attempts → status dead with the reason.
 * A retryable result about the channel rather than the message (`throttled`: the platform asks us
 * to slow down; `unavailable`: not connected, network unreachable, a pacing ceiling) costs no
 * attempt: the row waits for its channel, retried at retryAfterMs or channelWaitBackoffMs, and is
 * dead only once it has waited longer than maxChannelWaitMs ("channel unavailable for …"), so that
 * a reminder falls back to another channel. The wait's start is outbox.channel_wait_since.
 * Workers are shared by every channel, but at most half of them send on one channel at a time:
 * a channel whose sends hang until the client's timeout (Telegram blocked by the ISP, before the
 * rate limiter marks it down, src/outbox/rate-limit.ts) leaves the other half to the rest. A row
 * skipped for that reason stays pending for a later worker or round.
 * Issue 5 adds rate limits and channel fallback; `onDead` is where fallback plugs in.
 */
import { renderPart } from "../channels/render";
import type { ChannelAdapter, ChannelId, OutboundMessage, SendResult } from "../channels/types";
import type { Db } from "../db/index";
import { type Lang, type Translate, translator } from "../i18n/index";
import { rememberChoices } from "../inbound/choices";
import type { Logger } from "../log";
import {
  channelWaitBackoffMs,
  exponentialBackoffMs,
  OUTBOX_MAX_ATTEMPTS,
  OUTBOX_MAX_CHANNEL_WAIT_MS,
} from "./backoff";
import {
  claimRow,
  markChannelWait,
  markDead,
  markRetry,
  markSent,
  nextDueAt,
  type OutboxRow,
  requeueInterrupted,
  selectDueHeads,
} from "./rows";

/** Rows examined per round. */
const DISPATCH_BATCH_ROWS = 200;
/** Sends in flight at once (across chats; one per chat at most). */
const DISPATCH_CONCURRENCY = 16;
/** Even without a kick, look for due rows this often (rows written by the CLI or another process). */
const DISPATCH_POLL_INTERVAL_MS = 5_000;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface DispatcherOptions {
  readonly db: Db;
  readonly adapters: readonly ChannelAdapter[];
  readonly log: Logger;
  readonly now?: () => Date;
  readonly timers?: Timers;
  readonly maxAttempts?: number;
  readonly backoffMs?: (attempt: number) => number;
  /** How long a row may wait for its channel (throttled, unavailable) before it is dead. */
  readonly maxChannelWaitMs?: number;
  readonly concurrency?: number;
  readonly pollIntervalMs?: number;
  readonly translate?: (lang: Lang) => Translate;
  /** Called after a row is marked dead (permanent failure or attempts exhausted). */
  readonly onDead?: (row: OutboxRow, result: SendResult) => Promise<void>;
  /**
   * Called for a claimed row just before it is sent (issue 5: is the reminder still due, is it an
   * allowed moment). "send" goes on, with a rebuilt message if given; "handled" means the hook has
   * already recorded the row's new state (cancelled, deferred) and nothing is sent.
   */
  readonly beforeSend?: (row: OutboxRow) => Promise<BeforeSendDecision>;
}

export type BeforeSendDecision =
  | { readonly action: "send"; readonly message?: OutboundMessage | undefined }
  | { readonly action: "handled" };

export interface Dispatcher {
  /** Requeues rows interrupted by a previous stop, then sends continuously until `stop()`. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Asks for a round soon (call after committing a transaction that queued messages). */
  kick(): void;
  /** Sends everything due now, round after round; returns how many sends were attempted. */
  tick(): Promise<number>;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, log } = options;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? realTimers;
  const maxAttempts = options.maxAttempts ?? OUTBOX_MAX_ATTEMPTS;
  const backoffMs = options.backoffMs ?? exponentialBackoffMs;
  const maxChannelWaitMs = options.maxChannelWaitMs ?? OUTBOX_MAX_CHANNEL_WAIT_MS;
  const concurrency = options.concurrency ?? DISPATCH_CONCURRENCY;
  const pollMs = options.pollIntervalMs ?? DISPATCH_POLL_INTERVAL_MS;
  const translate = options.translate ?? translator;
  const adapters = new Map<ChannelId, ChannelAdapter>(options.adapters.map((a) => [a.id, a]));
  // A channel whose sends hang (unreachable until the client's timeout) must not take every worker.
  const perChannel = Math.max(1, Math.floor(concurrency / 2));
  const busy = new Map<ChannelId, number>();

  const dead = async (row: OutboxRow, result: SendResult, reason: string, giveBackAttempt = false) => {
    await markDead(db, row.id, reason, giveBackAttempt);
    log.warn("outbox.dead", { id: row.id, channel: row.channel, kind: row.kind, reason });
    await options.onDead?.(row, result);
  };

  const sendOne = async (row: OutboxRow): Promise<void> => {
    const attempt = row.attempts + 1;
    const adapter = adapters.get(row.channel);
    if (!adapter)
      return dead(row, { status: "permanent", reason: "not_configured" }, "permanent:not_configured");
    if (!row.message)
      return dead(row, { status: "permanent", reason: "invalid" }, "permanent:invalid message");
    let message = row.message;
    if (options.beforeSend) {
      const decision = await options.beforeSend(row);
      if (decision.action === "handled") return;
      if (decision.message) message = decision.message;
    }
    let result: SendResult;
    try {
      result = await adapter.send({ channel: row.channel, chatId: row.chatId }, message);
    } catch (err) {
      // Adapters return expected failures as values; a throw is a bug or an unknown condition.
      log.error("outbox.send_threw", { id: row.id, channel: row.channel, error: String(err).slice(0, 300) });
      result = { status: "retryable", retryAfterMs: 0, reason: `exception: ${String(err).slice(0, 200)}` };
    }
    if (result.status === "sent") {
      await markSent(db, row.id, result.platformMessageId, now());
      const buttons = message.buttons ?? [];
      if (adapter.capabilities.buttons === null && buttons.length > 0) {
        const t = translate(message.lang);
        const choices = buttons.map((b) => ({ label: renderPart(b.label, t), payload: b.payload }));
        await rememberChoices(db, { channel: row.channel, chatId: row.chatId }, choices, row.id, now());
      }
      return;
    }
    if (result.status === "permanent") {
      const detail = result.detail ? `: ${result.detail}` : "";
      return dead(row, result, `permanent:${result.reason}${detail}`);
    }
    if (result.throttled || result.unavailable) return waitForChannel(row, result);
    if (attempt >= maxAttempts)
      return dead(row, result, `gave up after ${attempt} attempts: ${result.reason}`);
    const delay = result.retryAfterMs > 0 ? result.retryAfterMs : backoffMs(attempt);
    await markRetry(db, row.id, new Date(now().getTime() + delay), result.reason);
    log.info("outbox.retry", { id: row.id, channel: row.channel, attempt, delayMs: delay });
  };

  /** The channel could not take the row (not the row's fault): no attempt spent, time bounded. */
  const waitForChannel = async (row: OutboxRow, result: Extract<SendResult, { status: "retryable" }>) => {
    const at = now();
    const since = row.channelWaitSince ?? at;
    const waited = Math.max(0, at.getTime() - since.getTime());
    if (waited >= maxChannelWaitMs)
      return dead(row, result, `channel unavailable for ${durationText(waited)}: ${result.reason}`, true);
    const delay = result.retryAfterMs > 0 ? result.retryAfterMs : channelWaitBackoffMs(waited);
    await markChannelWait(db, row.id, new Date(at.getTime() + delay), result.reason, since);
    log.info("outbox.channel_wait", {
      id: row.id,
      channel: row.channel,
      waitedMs: waited,
      delayMs: delay,
      reason: result.reason.slice(0, 200),
    });
  };

  const round = async (): Promise<number> => {
    const heads = await selectDueHeads(db, now(), DISPATCH_BATCH_ROWS);
    let attempted = 0;
    const left = [...heads];
    const worker = async () => {
      for (;;) {
        // The oldest row whose channel has a worker to spare; none left: this worker is done.
        const i = left.findIndex((r) => (busy.get(r.channel) ?? 0) < perChannel);
        if (i < 0) return;
        const [row] = left.splice(i, 1);
        if (!row) return;
        busy.set(row.channel, (busy.get(row.channel) ?? 0) + 1);
        try {
          if (!(await claimRow(db, row.id))) continue;
          attempted += 1;
          await sendOne(row);
        } catch (err) {
          // The database failed while recording the outcome: the row stays "sending" until restart.
          log.error("outbox.record_failed", { id: row.id, error: String(err).slice(0, 300) });
        } finally {
          busy.set(row.channel, (busy.get(row.channel) ?? 1) - 1);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, heads.length) }, worker));
    return attempted;
  };

  let running: Promise<number> | null = null;
  let again = false;
  const tick = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        for (let n = await round(); n > 0; n = await round()) total += n;
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  };

  let started = false;
  let timer: unknown = null;
  const schedule = (ms: number) => {
    if (!started) return;
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = null;
      void loop();
    }, ms);
  };
  const loop = async () => {
    try {
      await tick();
      const due = await nextDueAt(db);
      const wait = due ? Math.max(0, due.getTime() - now().getTime()) : pollMs;
      schedule(Math.min(wait, pollMs));
    } catch (err) {
      log.error("outbox.round_failed", { error: String(err).slice(0, 300) });
      schedule(pollMs);
    }
  };

  return {
    async start() {
      if (started) return;
      const requeued = await requeueInterrupted(db);
      if (requeued > 0) log.warn("outbox.requeued_interrupted", { rows: requeued });
      started = true;
      schedule(0);
    },
    async stop() {
      started = false;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await running;
    },
    kick() {
      if (running) again = true;
      else schedule(0);
    },
    tick,
  };
}

/** "45 s", "12 min", "6 h", "6 h 4 min": how long a row waited for its channel. */
export function durationText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.floor(ms / 1000)} s`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
