/**
 * The inbound pipeline: every adapter pushes normalized events into `sink`. An event is first
 * deduplicated in the database (a redelivered webhook or re-fetched batch is dropped), then queued
 * behind the earlier events of its chat; different chats are handled concurrently. The sink
 * resolves as soon as the event is durably accepted, so webhooks answer fast and polling moves on.
 */
import type { InboundEvent, InboundSink } from "../channels/types";
import type { Db } from "../db/index";
import type { Logger } from "../log";
import { resolveChoiceAnswer } from "./choices";
import { acceptInboundEvent, finishInboundEvent } from "./dedupe";
import { createKeyedQueue } from "./keyed-queue";

export type InboundHandler = (event: InboundEvent) => Promise<void>;

/**
 * A handler still running after this long is reported and the chat's next events proceed: one
 * wedged call (a hung remote API) must not stall a chat until restart (grammY conversations #155).
 */
export const INBOUND_HANDLER_TIMEOUT_MS = 60_000;

export interface InboundPipelineOptions {
  readonly db: Db;
  readonly handler: InboundHandler;
  readonly log: Logger;
  readonly now?: () => Date;
  readonly handlerTimeoutMs?: number;
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

  const handle = async (accepted: InboundEvent): Promise<void> => {
    const ids = { channel: accepted.channel, platformId: accepted.platformId, kind: accepted.kind };
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const event = await resolveChoiceAnswer(db, accepted);
      const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
      });
      const outcome = await Promise.race([handler(event), timeout]);
      if (outcome === TIMED_OUT) {
        log.error("inbound.handler_timeout", { ...ids, timeoutMs });
        await finishInboundEvent(db, accepted, "timed_out", `no result after ${timeoutMs} ms`, now());
        return;
      }
      await finishInboundEvent(db, accepted, "done", null, now());
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
    const fresh = await acceptInboundEvent(db, event, now());
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
