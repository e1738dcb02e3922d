import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatInviteCode,
  generateInviteCode,
  hashInviteCode,
  INVITE_CODE_ALPHABET,
  inviteCodeHashCandidates,
  looksLikeInviteCode,
  normalizeInviteCode,
} from "../../src/identity/codes";

describe("invite codes", () => {
  it("use an alphabet without look-alikes (no 0/O, 1/I/L)", () => {
    for (const c of "0O1IL") expect(INVITE_CODE_ALPHABET).not.toContain(c);
    expect(new Set(INVITE_CODE_ALPHABET).size).toBe(INVITE_CODE_ALPHABET.length);
  });

  it("are at least 8 characters from that alphabet, always with a digit, and differ", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = generateInviteCode();
      expect(code.length).toBeGreaterThanOrEqual(8);
      for (const c of code) expect(INVITE_CODE_ALPHABET).toContain(c);
      expect(code).toMatch(/\d/);
      expect(looksLikeInviteCode(code)).toBe(true);
      seen.add(code);
    }
    expect(seen.size).toBe(500);
  });

  it("survive the ways people retype them: case, spaces, dashes, the printed grouping", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        let s = seed;
        const code = generateInviteCode((max) => {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          return s % max;
        });
        for (const typed of [
          code.toLowerCase(),
          formatInviteCode(code),
          ` ${code.slice(0, 5)} ${code.slice(5)} `,
        ]) {
          expect(normalizeInviteCode(typed)).toBe(code);
          expect(hashInviteCode(typed, undefined)).toBe(hashInviteCode(code, undefined));
        }
      }),
    );
  });

  it("are stored as a hash that does not contain the code; with a pepper, an HMAC", () => {
    const code = "ABCDE23456";
    const plain = hashInviteCode(code, undefined);
    const peppered = hashInviteCode(code, "p".repeat(32));
    expect(plain).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(peppered).toMatch(/^hmac:[0-9a-f]{64}$/);
    expect(peppered).not.toBe(hashInviteCode(code, "q".repeat(32)));
    expect(inviteCodeHashCandidates(code, "p".repeat(32))).toEqual([peppered, plain]);
  });

  it("plain words are not taken for codes; anything code-shaped with a digit is", () => {
    for (const text of ["xin chào", "BAOCAO", "hello", "Trường THCS", "cảm ơn thầy", "ABC12"]) {
      expect(looksLikeInviteCode(text), text).toBe(false);
    }
    for (const text of ["ABCDE-23456", "abcde 23456", "WRONG23456", "0OIL1-00000"]) {
      expect(looksLikeInviteCode(text), text).toBe(true);
    }
  });
});
