import { describe, expect, it } from "vitest";
import type { ObligationInstance } from "../../src/domain/instances";
import { type Article, quotaProgress } from "../../src/domain/quota";

function instance(
  code: string,
  unitId: string,
  start: string,
  end: string,
  target: number,
): ObligationInstance {
  return {
    obligationCode: code,
    kind: "quota",
    unitId,
    periodKey: start.slice(0, 7),
    periodStart: start,
    periodEnd: end,
    opensOn: start,
    dueDate: end,
    dueAt: `${end}T16:59:59.999Z`,
    submitToUnitId: null,
    target,
  };
}

const article = (
  unitId: string,
  publishedOn: string,
  channel: Article["channel"],
  kind?: string,
): Article => ({
  unitId,
  publishedOn,
  channel,
  kind,
});

const ARTICLES: Article[] = [
  article("A", "2026-10-31", "website"), // before November
  article("A", "2026-11-01", "website"), // first day counts
  article("A", "2026-11-15", "fanpage"),
  article("A", "2026-11-30", "press"), // last day counts
  article("A", "2026-12-01", "website"), // after
  article("A", "2026-11-20", "website", "exemplary"),
  article("B", "2026-11-10", "so_website"),
];

const obligations = [
  { code: "ALL", quota: { target: 3, counts: { vi: "tin bài" } } },
  {
    code: "WEB",
    quota: { target: 2, counts: { vi: "tin bài" }, channels: ["website" as const, "fanpage" as const] },
  },
  { code: "STORY", quota: { target: 1, counts: { vi: "gương điển hình" }, article_kind: "exemplary" } },
];

describe("quotaProgress", () => {
  it("counts a unit's articles inside the period, on the quota's channels and of its kind", () => {
    const nov = (code: string, unitId: string, target: number) =>
      instance(code, unitId, "2026-11-01", "2026-11-30", target);
    const got = quotaProgress(
      obligations,
      [nov("ALL", "A", 5), nov("WEB", "A", 2), nov("STORY", "A", 1), nov("WEB", "B", 2)],
      ARTICLES,
    );
    expect(got.map((p) => [p.instance.obligationCode, p.instance.unitId, p.count, p.target, p.met])).toEqual([
      ["ALL", "A", 4, 5, false],
      ["WEB", "A", 3, 2, true],
      ["STORY", "A", 1, 1, true],
      ["WEB", "B", 0, 2, false],
    ]);
  });

  it("skips report instances and counts zero for a unit without articles", () => {
    const report = {
      ...instance("ALL", "A", "2026-11-01", "2026-11-30", 1),
      kind: "report" as const,
      target: null,
    };
    const none = instance("ALL", "C", "2026-11-01", "2026-11-30", 1);
    expect(
      quotaProgress(obligations, [report, none], ARTICLES).map((p) => [p.instance.unitId, p.count, p.met]),
    ).toEqual([["C", 0, false]]);
  });
});
