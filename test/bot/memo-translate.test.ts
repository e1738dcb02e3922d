import { describe, expect, it } from "vitest";
import { memoizeTranslate } from "../../src/bot/memo-translate";
import { translator } from "../../src/i18n/index";

describe("memoizeTranslate", () => {
  const t = translator("vi");

  it("gives what the translator gives, for every params, and calls it once per distinct call", () => {
    const calls: string[] = [];
    const counting = (key: string, params?: Record<string, unknown>) => {
      calls.push(key);
      return t(key, params);
    };
    const memo = memoizeTranslate(counting);
    const cases: [string, Record<string, unknown> | undefined][] = [
      ["bot:status.heading", { unit: "Trường A", month: 11, year: 2026 }],
      ["bot:status.heading", { unit: "Trường B", month: 11, year: 2026 }],
      ["bot:status.heading", { unit: "Trường A", month: "11", year: 2026 }],
      ["bot:status.thisWeek", undefined],
      ["bot:ack", { title: "Cô" }],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [key, params] of cases) expect(memo(key, params)).toBe(t(key, params));
    }
    expect(calls).toHaveLength(cases.length);
  });

  it("never mixes up params that only look alike, and passes other values through", () => {
    const memo = memoizeTranslate(t);
    const tricky = { unit: "A\u0001month\u0002n3", month: 11, year: 2026 };
    expect(memo("bot:status.heading", { unit: "A", month: 3, year: 2026 })).toBe(
      t("bot:status.heading", { unit: "A", month: 3, year: 2026 }),
    );
    expect(memo("bot:status.heading", tricky)).toBe(t("bot:status.heading", tricky));
    const withObject = { unit: { toString: () => "X" }, month: 1, year: 2026 };
    expect(memo("bot:status.heading", withObject)).toBe(t("bot:status.heading", withObject));
  });
});
