/**
 * The lockout rule, pure: after LINK_MAX_WRONG_ATTEMPTS wrong codes from one chat within
 * LINK_LOCKOUT_WINDOW_MS, that chat is refused for LINK_LOCKOUT_MS from the last of them.
 * Refused tries are not recorded, so a locked chat is free again an hour after its last wrong code.
 */
export const LINK_MAX_WRONG_ATTEMPTS = 5;
export const LINK_LOCKOUT_WINDOW_MS = 60 * 60 * 1000;
export const LINK_LOCKOUT_MS = 60 * 60 * 1000;

/** How far back attempts matter: a lock can only come from attempts this recent. */
export const LINK_ATTEMPTS_LOOKBACK_MS = LINK_LOCKOUT_WINDOW_MS + LINK_LOCKOUT_MS;

/** Until when the chat is refused, or null when it may try a code now. */
export function lockedUntil(wrongAttempts: readonly Date[], now: Date): Date | null {
  const times = wrongAttempts.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let last = LINK_MAX_WRONG_ATTEMPTS - 1; last < times.length; last++) {
    const first = times[last - (LINK_MAX_WRONG_ATTEMPTS - 1)] as number;
    const end = times[last] as number;
    if (end - first <= LINK_LOCKOUT_WINDOW_MS) {
      const candidate = end + LINK_LOCKOUT_MS;
      if (candidate > now.getTime() && (until === null || candidate > until)) until = candidate;
    }
  }
  return until === null ? null : new Date(until);
}
