/** First retry after a failure with no hint from the platform (network error, 5xx). */
export const OUTBOX_BACKOFF_BASE_MS = 5_000;
/** No retry waits longer than this. */
export const OUTBOX_BACKOFF_MAX_MS = 60 * 60_000;
/** After this many attempts a message is dead (status "dead", reason kept in last_error). */
export const OUTBOX_MAX_ATTEMPTS = 8;

/**
 * How long a row may wait for its channel (a result marked `throttled` or `unavailable`: not
 * connected, network unreachable, the platform's or our own pace) before it is given up, so that a
 * reminder falls back to the person's other channel. Such waits cost no attempt; this bounds them.
 *
 * Six hours: long enough to ride out what is usual — the personal account's reconnects (backoff up
 * to 15 min), Zalo's one-hour "too many requests" pauses, the hourly recipient ceiling pacing 6 × N
 * people, a provider's network trouble of an hour or two — and short enough that a channel really
 * down (an account logged out until someone scans a QR code, a blocked server) hands a reminder
 * tried at the window's opening (07:30) to the person's other channel the same working day (13:30).
 * A reminder is re-checked before every try (submitted meanwhile → cancelled; past the sending
 * window → deferred, which restarts this clock: the night is not spent waiting for the channel).
 */
export const OUTBOX_MAX_CHANNEL_WAIT_MS = 6 * 60 * 60_000;
/** Retries of a row waiting for its channel come at half the time waited so far, within these. */
export const OUTBOX_CHANNEL_RETRY_MIN_MS = 5_000;
export const OUTBOX_CHANNEL_RETRY_MAX_MS = 5 * 60_000;

/** Exponential backoff: 5 s, 10 s, 20 s … capped at one hour. `attempt` counts from 1. */
export function exponentialBackoffMs(attempt: number): number {
  return Math.min(OUTBOX_BACKOFF_MAX_MS, OUTBOX_BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * The next try of a row that has waited `waitedMs` for its channel, when the adapter gave no delay:
 * 5 s at first, growing by half (the channel is probably back soon after a short cut, and not soon
 * after a long one), never more than 5 minutes apart, so a recovered channel delivers within 5 min.
 */
export function channelWaitBackoffMs(waitedMs: number): number {
  return Math.min(
    OUTBOX_CHANNEL_RETRY_MAX_MS,
    Math.max(OUTBOX_CHANNEL_RETRY_MIN_MS, Math.floor(waitedMs / 2)),
  );
}
