/**
 * The inbound pipeline: every adapter pushes normalized events into `sink`. An event is first
 * deduplicated in the database (a redelivered webhook or re-fetched batch is dropped), then queued
 * behind the earlier events of its chat; different chats are handled concurrently. The sink
 * resolves as soon as the event is durably accepted, so webhooks answer fast and polling moves on.
 */
import type { ChannelId, InboundEvent, InboundSink } from "../channels/types";
import type { Db } from "../db/index";
import type { Logger } from "../log";
import { createBatcher } from "./batcher";
import { resolveChoiceAnswer } from "./choices";
import { acceptInboundEvents, finishInboundEvent, finishInboundEventsDone } from "./dedupe";
import { createKeyedQueue } from "./keyed-queue";

export type InboundHandler = (event: InboundEvent) => Promise<void>;

/**
 * A handler still running after this long is reported and the chat's next events proceed: one
 * wedged call (a hung remote API) must not stall a chat until restart (grammY conversations #155).
 */
export const INBOUND_HANDLER_TIMEOUT_MS = 60_000;
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
}

export interface InboundPipeline {
  readonly sink: InboundSink;
  /** Resolves when every accepted event has been handled (for shutdown and tests). */
  drain(): Promise<void>;
  /** Events accepted and not yet handled. */
  readonly pending: number;
}

const TIMED_OUT = Symbol("timed out");

export function createInboundPipeline(options: InboundPipelineOptions): InboundPipeline {
  const { db, handler, log } = options;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.handlerTimeoutMs ?? INBOUND_HANDLER_TIMEOUT_MS;
  const queue = createKeyedQueue();
  const choiceChannels = options.numberedChoiceChannels ? new Set(options.numberedChoiceChannels) : null;
  const accept = createBatcher(
    (events: readonly InboundEvent[]) => acceptInboundEvents(db, events, now()),
    INBOUND_BATCH_MAX_EVENTS,
  );
  const finishDone = createBatcher(async (events: readonly InboundEvent[]) => {
    await finishInboundEventsDone(db, events, now());
    return events.map(() => undefined);
  }, INBOUND_BATCH_MAX_EVENTS);

  const handle = async (accepted: InboundEvent): Promise<void> => {
    const ids = { channel: accepted.channel, platformId: accepted.platformId, kind: accepted.kind };
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const event =
        choiceChannels === null || choiceChannels.has(accepted.channel)
          ? await resolveChoiceAnswer(db, accepted)
          : accepted;
      const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
      });
      const outcome = await Promise.race([handler(event), timeout]);
      if (outcome === TIMED_OUT) {
        log.error("inbound.handler_timeout", { ...ids, timeoutMs });
        await finishInboundEvent(db, accepted, "timed_out", `no result after ${timeoutMs} ms`, now());
        return;
      }
      await finishDone(accepted);
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

  const sink: InboundSink = async (event) => {
    const fresh = await accept(event);
    if (!fresh) {
      log.debug("inbound.duplicate", { channel: event.channel, platformId: event.platformId });
      return;
    }
    queue.push(`${event.channel}\u0000${event.chat.chatId}`, () => handle(event));
  };

  return {
    sink,
    drain: () => queue.idle(),
    get pending() {
      return queue.pending;
    },
  };
}
