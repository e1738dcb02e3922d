/**
 * The inbound pipeline: every adapter pushes normalized events into `sink`. An event is first
 * deduplicated in the database (a redelivered webhook or re-fetched batch is dropped), then queued
 * behind the earlier events of its chat; different chats are handled concurrently. The sink
 * resolves as soon as the event is durably accepted, so webhooks answer fast and polling moves on.
 * The handler marks the event handled inside its own transaction (the receipt), so an event is
 * handled exactly once: a crash before that commit leaves it to `resume()` at the next start.
 */
import type { ChannelId, InboundEvent, InboundSink } from "../channels/types";
import type { Db } from "../db/index";
import type { Logger } from "../log";
import { createBatcher } from "./batcher";
import { consumeChoice, matchPendingChoice, type UsedChoice } from "./choices";
import {
  acceptInboundEvents,
  finishInboundEvent,
  finishInboundEventsDone,
  type InboundRef,
  listUnhandledInboundEvents,
  markInboundHandled,
  nextInboundSeq,
} from "./dedupe";
import { createKeyedQueue } from "./keyed-queue";
import { type LostInboundEvent, rebuildEvent } from "./record";

/** Given to the handler with each event. */
export interface InboundReceipt {
  /**
   * Marks the event handled. Call it inside the transaction that writes the event's effects
   * (state, queued replies): they then commit together, and a crash before the commit means the
   * event is handled again at the next start. A handler that never calls it gets the event marked
   * after it returns (at-least-once across a crash).
   */
  markHandled(trx: Db): Promise<void>;
}

export type InboundHandler = (event: InboundEvent, receipt: InboundReceipt) => Promise<void>;

/** Told about an event `resume()` cannot hand over again (a file: its download belongs to the adapter). */
export type LostInboundHandler = (lost: LostInboundEvent, receipt: InboundReceipt) => Promise<void>;

/**
 * A handler still running after this long is reported and the chat's next events proceed: one
 * wedged call (a hung remote API) must not stall a chat until restart (grammY conversations #155).
 */
export const INBOUND_HANDLER_TIMEOUT_MS = 60_000;
/** A lost event older than this at restart is recorded, not answered: "send it again" would puzzle. */
export const LOST_NOTICE_MAX_AGE_MS = 3 * 86_400_000;
/** Rows per dedupe INSERT / finish UPDATE (SQLite allows 32,766 bound values per statement). */
const INBOUND_BATCH_MAX_EVENTS = 500;

export interface InboundPipelineOptions {
  readonly db: Db;
  readonly handler: InboundHandler;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly handlerTimeoutMs?: number;
  /**
   * Channels whose adapters have no buttons, where a text answer may pick a numbered choice
   * (`adapters.filter((a) => a.capabilities.buttons === null).map((a) => a.id)`). Text on other
   * channels skips the lookup. Default: every channel.
   */
  readonly numberedChoiceChannels?: readonly ChannelId[];
  /** Answers the events `resume()` cannot rebuild; without it they are only recorded as failed. */
  readonly onLost?: LostInboundHandler;
}

export interface ResumeResult {
  /** Unhandled events queued again, in their original order per chat. */
  readonly requeued: number;
  /** Events that could not be rebuilt (files), given to `onLost`. */
  readonly lost: number;
}

export interface InboundPipeline {
  readonly sink: InboundSink;
  /**
   * Queues again the events accepted before a stop or crash and never handled. Call once, before
   * the adapters start: events arriving meanwhile wait, so each chat keeps its order.
   */
  resume(): Promise<ResumeResult>;
  /** Resolves when every accepted event has been handled (for shutdown and tests). */
  drain(): Promise<void>;
  /** Events accepted and not yet handled. */
  readonly pending: number;
}

const TIMED_OUT = Symbol("timed out");

const chatKey = (chat: { channel: string; chatId: string }) => `${chat.channel}\u0000${chat.chatId}`;

export function createInboundPipeline(options: InboundPipelineOptions): InboundPipeline {
  const { db, handler, log } = options;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.handlerTimeoutMs ?? INBOUND_HANDLER_TIMEOUT_MS;
  const queue = createKeyedQueue();
  const choiceChannels = options.numberedChoiceChannels ? new Set(options.numberedChoiceChannels) : null;
  // Accept order. The batcher runs one batch at a time, so the counter needs no lock; it starts
  // after the highest stored value so that order survives restarts.
  let seq: number | null = null;
  const accept = createBatcher(async (events: readonly InboundEvent[]) => {
    seq ??= await nextInboundSeq(db);
    const first = seq;
    seq += events.length;
    return acceptInboundEvents(db, events, now(), first);
  }, INBOUND_BATCH_MAX_EVENTS);
  const finishDone = createBatcher(async (refs: readonly InboundRef[]) => {
    await finishInboundEventsDone(db, refs, now());
    return refs.map(() => undefined);
  }, INBOUND_BATCH_MAX_EVENTS);
  let sinkUsed = false;
  let resuming: Promise<ResumeResult> | null = null;

  const receiptFor = (ref: InboundRef, used: () => UsedChoice | null) => {
    const state = { marked: false };
    const receipt: InboundReceipt = {
      async markHandled(trx) {
        await markInboundHandled(trx, ref, now());
        const choice = used();
        if (choice) await consumeChoice(trx, choice);
        state.marked = true;
      },
    };
    return { receipt, state };
  };

  const handle = async (accepted: InboundEvent): Promise<void> => {
    const ids = { channel: accepted.channel, platformId: accepted.platformId, kind: accepted.kind };
    let used: UsedChoice | null = null;
    const { receipt, state } = receiptFor(accepted, () => used);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      let event = accepted;
      if (choiceChannels === null || choiceChannels.has(accepted.channel)) {
        const matched = await matchPendingChoice(db, accepted);
        event = matched.event;
        used = matched.used;
      }
      const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
      });
      const outcome = await Promise.race([handler(event, receipt), timeout]);
      if (outcome === TIMED_OUT) {
        log.error("inbound.handler_timeout", { ...ids, timeoutMs });
        await finishInboundEvent(db, accepted, "timed_out", `no result after ${timeoutMs} ms`, now());
        return;
      }
      if (!state.marked) {
        // The handler did not take part: at-least-once across a crash (the bot always takes part).
        log.debug("inbound.marked_after", ids);
        await finishDone(accepted);
        if (used) await consumeChoice(db, used);
      }
    } catch (err) {
      const name = err instanceof Error ? err.name : typeof err;
      log.error("inbound.handler_failed", { ...ids, error: name, detail: String(err).slice(0, 300) });
      await finishInboundEvent(db, accepted, "failed", `${name}: ${String(err).slice(0, 500)}`, now()).catch(
        (e: unknown) => log.error("inbound.finish_failed", { ...ids, error: String(e) }),
      );
    } finally {
      if (timer) clearTimeout(timer);
    }
  };

  const handleLost = async (lost: LostInboundEvent): Promise<void> => {
    const ids = { channel: lost.channel, platformId: lost.platformId, kind: lost.kind };
    const { receipt, state } = receiptFor(lost, () => null);
    try {
      const fresh = now().getTime() - lost.receivedAt.getTime() <= LOST_NOTICE_MAX_AGE_MS;
      if (fresh && options.onLost) await options.onLost(lost, receipt);
      if (!state.marked) {
        const why = fresh
          ? "lost in a restart: it cannot be rebuilt"
          : "lost in a restart, too old to ask again";
        await finishInboundEvent(db, lost, "failed", why, now());
      }
      log.warn("inbound.lost", { ...ids, answered: state.marked });
    } catch (err) {
      log.error("inbound.lost_failed", { ...ids, error: String(err).slice(0, 300) });
      await finishInboundEvent(db, lost, "failed", `lost: ${String(err).slice(0, 500)}`, now()).catch(
        (e: unknown) => log.error("inbound.finish_failed", { ...ids, error: String(e) }),
      );
    }
  };

  const resume = async (): Promise<ResumeResult> => {
    let requeued = 0;
    let lost = 0;
    for (const row of await listUnhandledInboundEvents(db)) {
      const rebuilt = rebuildEvent(row);
      if (rebuilt.ok) {
        requeued++;
        queue.push(chatKey(rebuilt.event.chat), () => handle(rebuilt.event));
      } else if (rebuilt.lost) {
        const event = rebuilt.lost;
        lost++;
        queue.push(chatKey(event.chat), () => handleLost(event));
      } else {
        const ref = { channel: row.channel, platformId: row.platform_id };
        await finishInboundEvent(db, ref, "failed", `unknown channel "${row.channel}"`, now());
      }
    }
    if (requeued + lost > 0) log.warn("inbound.resumed", { requeued, lost });
    return { requeued, lost };
  };

  const sink: InboundSink = async (event) => {
    sinkUsed = true;
    // Events arriving while unhandled ones are being queued again wait for them (per-chat order).
    if (resuming) await resuming;
    const fresh = await accept(event);
    if (!fresh) {
      log.debug("inbound.duplicate", { channel: event.channel, platformId: event.platformId });
      return;
    }
    queue.push(chatKey(event.chat), () => handle(event));
  };

  return {
    sink,
    resume() {
      if (resuming) return resuming;
      // Rows this process accepted are queued already; queuing them again would handle them twice.
      if (sinkUsed) return Promise.reject(new Error("resume() must run before the first event is accepted"));
      resuming = resume();
      return resuming;
    },
    drain: () => queue.idle(),
    get pending() {
      return queue.pending;
    },
  };
}
