/** First retry after a failure with no hint from the platform (network error, 5xx). */
export const OUTBOX_BACKOFF_BASE_MS = 5_000;
/** No retry waits longer than this. */
export const OUTBOX_BACKOFF_MAX_MS = 60 * 60_000;
/** After this many attempts a message is dead (status "dead", reason kept in last_error). */
export const OUTBOX_MAX_ATTEMPTS = 8;

/** Exponential backoff: 5 s, 10 s, 20 s … capped at one hour. `attempt` counts from 1. */
export function exponentialBackoffMs(attempt: number): number {
  return Math.min(OUTBOX_BACKOFF_MAX_MS, OUTBOX_BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
}
