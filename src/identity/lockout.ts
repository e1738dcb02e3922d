/**
 * The lockout rule, pure: after LINK_MAX_WRONG_ATTEMPTS wrong codes from one chat within
 * LINK_LOCKOUT_WINDOW_MS, that chat is refused for LINK_LOCKOUT_MS from the last of them.
 * Refused tries are not recorded, so a locked chat is free again an hour after its last wrong code.
 */
export const LINK_MAX_WRONG_ATTEMPTS = 5;
export const LINK_LOCKOUT_WINDOW_MS = 60 * 60 * 1000;
export const LINK_LOCKOUT_MS = 60 * 60 * 1000;

/**
 * Across a whole channel: a web chat costs nothing to open, so one person could spread guesses over
 * thousands of chats, each allowed 5 an hour. Past LINK_CHANNEL_MAX_WRONG wrong codes on one
 * channel within LINK_CHANNEL_WINDOW_MS, codes on that channel are refused until the window has
 * room again. That caps guessing at ~43,000 tries a day against a space of 31^10 codes, while a
 * province linking its principals (a few typos a minute) never comes near it.
 */
export const LINK_CHANNEL_MAX_WRONG = 300;
export const LINK_CHANNEL_WINDOW_MS = 10 * 60 * 1000;

/** Until when the channel refuses codes, given its wrong attempts within the window (oldest first). */
export function channelPausedUntil(recent: { count: number; oldest: Date | null }, now: Date): Date | null {
  if (recent.count < LINK_CHANNEL_MAX_WRONG || recent.oldest === null) return null;
  const until = recent.oldest.getTime() + LINK_CHANNEL_WINDOW_MS;
  return until > now.getTime() ? new Date(until) : null;
}

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
