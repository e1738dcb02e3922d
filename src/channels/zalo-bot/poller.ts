/**
 * Long polling. Zalo's getUpdates returns ONE update per call (not an array like Telegram) and
 * answers error 408 when the wait ends empty; it refuses to poll while a webhook is set, so the
 * adapter deletes any webhook before starting. Failures back off up to a minute.
 */
import type { Logger } from "../../log";
import type { ZaloBotClient } from "./client";

export const ZALO_BOT_POLL_TIMEOUT_SECONDS = 30;
const POLL_BACKOFF_START_MS = 1_000;
const POLL_BACKOFF_MAX_MS = 60_000;

export interface Poller {
  stop(): Promise<void>;
}

export function startPolling(
  client: Pick<ZaloBotClient, "getUpdates">,
  onUpdate: (update: unknown) => Promise<void>,
  log: Logger,
  pollTimeoutSeconds = ZALO_BOT_POLL_TIMEOUT_SECONDS,
): Poller {
  let stopped = false;
  const abort = new AbortController();
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    let backoff = POLL_BACKOFF_START_MS;
    while (!stopped) {
      try {
        // An update that arrives while stopping is still handed on: Zalo will not send it again.
        const r = await client.getUpdates(pollTimeoutSeconds, abort.signal);
        if (!r.ok) {
          if (r.errorCode === 408 || stopped) continue; // the wait ended without an update
          log.warn("zalo-bot.poll_error", { errorCode: r.errorCode, description: r.description });
          await sleep(backoff);
          backoff = Math.min(backoff * 2, POLL_BACKOFF_MAX_MS);
          continue;
        }
        backoff = POLL_BACKOFF_START_MS;
        // Defensive: one update is documented, but an array would be handled too.
        const updates = Array.isArray(r.result) ? r.result : r.result ? [r.result] : [];
        for (const update of updates) {
          await onUpdate(update).catch((err: unknown) =>
            log.error("zalo-bot.update_dropped", { error: String(err).slice(0, 300) }),
          );
        }
      } catch (err) {
        if (stopped) break;
        log.warn("zalo-bot.poll_failed", { error: String(err).slice(0, 200), retryInMs: backoff });
        await sleep(backoff);
        backoff = Math.min(backoff * 2, POLL_BACKOFF_MAX_MS);
      }
    }
  };
  const running = loop();
  return {
    async stop() {
      stopped = true;
      abort.abort();
      wake?.();
      await running;
    },
  };
}
