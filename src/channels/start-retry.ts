/**
 * A channel's start that does not fail the app when the platform is unreachable at boot (Telegram
 * is blocked by some Vietnamese ISPs; Zalo has outages): a failed set-up is logged and tried again
 * every `retryMs` until it succeeds or the adapter stops; the rest of baocao keeps running.
 */
import type { Logger } from "../log";

export interface StartRetryOptions {
  /** Log event of a failed try, e.g. "telegram.start_failed". */
  readonly event: string;
  readonly retryMs: number;
  /** How much of the error's text is logged. */
  readonly errorChars: number;
}

export interface StartRetry {
  /** Tries the set-up now and, on failure, again later; never rejects. */
  readonly start: () => Promise<void>;
  /** Cancels the next try, if one is waiting (on stop). */
  readonly cancel: () => void;
}

/**
 * `setUp` connects to the platform (webhook registration or polling) and rejects when it could
 * not; `stopped` is true once the adapter was stopped, and a failure then is not retried.
 */
export function startWithRetry(
  setUp: () => Promise<void>,
  stopped: () => boolean,
  log: Logger,
  options: StartRetryOptions,
): StartRetry {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = async (): Promise<void> => {
    try {
      await setUp();
    } catch (err) {
      if (stopped()) return;
      log.error(options.event, {
        error: String(err).slice(0, options.errorChars),
        retryInMs: options.retryMs,
      });
      timer = setTimeout(() => void start(), options.retryMs);
      timer.unref();
    }
  };
  return {
    start,
    cancel: () => {
      if (timer) clearTimeout(timer);
    },
  };
}
