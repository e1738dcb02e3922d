/**
 * Invite codes: what a principal reads off a letter and types on a phone. The alphabet leaves out
 * characters that look alike in print or handwriting (0/O, 1/I/L), so every code can be typed
 * back unambiguously; 10 characters from 31 give about 49 bits, and a chat gets 5 tries an hour.
 */
import { createHash, createHmac, randomInt } from "node:crypto";

export const INVITE_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const INVITE_CODE_LENGTH = 10;

/** Shortest/longest text, after normalising, that we treat as an attempt at a code. */
const CODE_ATTEMPT_MIN_CHARS = 6;
const CODE_ATTEMPT_MAX_CHARS = 16;

/** A uniform integer in [0, max): crypto.randomInt by default; tests may pass a seeded one. */
export type RandomInt = (max: number) => number;

/**
 * A fresh code. It always holds a digit, so that a code typed as plain text is told apart from a
 * word ("BAOCAO", "XINCHAO"): see looksLikeInviteCode.
 */
export function generateInviteCode(random: RandomInt = randomInt): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < INVITE_CODE_LENGTH; i++) {
      code += INVITE_CODE_ALPHABET[random(INVITE_CODE_ALPHABET.length)];
    }
    if (/\d/.test(code)) return code;
  }
}

/** People type "abcde-fghjk", "ABCDE FGHJK" or paste it with a trailing dot: compare the bare code. */
export function normalizeInviteCode(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/[\s\-_.]/g, "");
}

/** "ABCDEFGHJK" → "ABCDE-FGHJK": easier to read aloud and to copy from a letter. */
export function formatInviteCode(code: string): string {
  const bare = normalizeInviteCode(code);
  const half = Math.ceil(bare.length / 2);
  return `${bare.slice(0, half)}-${bare.slice(half)}`;
}

/**
 * Does this plain text look like someone typing a code (rather than "xin chào")? Only such texts
 * count as attempts for the lockout; deep-link payloads always do. Look-alike characters are
 * allowed here on purpose: a mistyped code is still an attempt and gets the "wrong code" answer.
 */
export function looksLikeInviteCode(input: string): boolean {
  const bare = normalizeInviteCode(input);
  return (
    bare.length >= CODE_ATTEMPT_MIN_CHARS &&
    bare.length <= CODE_ATTEMPT_MAX_CHARS &&
    /^[A-Z0-9]+$/.test(bare) &&
    /\d/.test(bare)
  );
}

/**
 * The stored form of a code. With a pepper (the instance's SESSION_SECRET), an HMAC, so that a
 * copied database alone is not enough to brute-force the codes; without one, a plain SHA-256.
 */
export function hashInviteCode(code: string, pepper: string | undefined): string {
  const bare = normalizeInviteCode(code);
  if (pepper === undefined) return `sha256:${createHash("sha256").update(bare).digest("hex")}`;
  return `hmac:${createHmac("sha256", pepper).update(bare).digest("hex")}`;
}

/**
 * Every stored form a code may have: codes made before a pepper was configured still work.
 * (Changing the pepper itself invalidates pending codes; that is documented with SESSION_SECRET.)
 */
export function inviteCodeHashCandidates(code: string, pepper: string | undefined): string[] {
  const plain = hashInviteCode(code, undefined);
  return pepper === undefined ? [plain] : [hashInviteCode(code, pepper), plain];
}
