import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINK_MAX_WRONG_ATTEMPTS, lockedUntil } from "../../src/identity/lockout";

const T0 = Date.parse("2026-11-10T03:00:00.000Z");
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN);

describe("lockout after wrong codes", () => {
  it("four wrong codes in an hour do not lock; the fifth locks for an hour from itself", () => {
    const four = [0, 1, 2, 3].map(at);
    expect(lockedUntil(four, at(4))).toBeNull();
    const five = [...four, at(4)];
    expect(lockedUntil(five, at(4))).toEqual(at(64));
    expect(lockedUntil(five, at(63))).toEqual(at(64));
    expect(lockedUntil(five, at(64))).toBeNull();
  });

  it("five wrong codes spread over more than an hour do not lock", () => {
    expect(lockedUntil([0, 20, 40, 60, 61].map(at), at(61))).toBeNull();
    expect(lockedUntil([0, 15, 30, 45, 60].map(at), at(60))).toEqual(at(120));
  });

  it("never locks with fewer than five attempts, and always unlocks an hour after the last one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 400 }),
        (mins, now) => {
          const attempts = mins.map(at);
          const until = lockedUntil(attempts, at(now));
          if (mins.length < LINK_MAX_WRONG_ATTEMPTS) expect(until).toBeNull();
          const last = Math.max(...mins, 0);
          expect(lockedUntil(attempts, at(last + 60))).toBeNull();
          if (until) expect(until.getTime()).toBeGreaterThan(at(now).getTime());
        },
      ),
    );
  });
});
