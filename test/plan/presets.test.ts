import { describe, expect, it } from "vitest";
import { computeInstances } from "../../src/domain/instances";
import type { Unit } from "../../src/domain/org";
import type { Obligation, Plan } from "../../src/domain/plan";
import { getPreset, loadCalendar, parsePlan, presets } from "../../src/plan/index";

/**
 * For each preset, the obligations its seed plan states (DOMAIN §3.1 O1–O8, §7) and the code that
 * encodes each. A seed obligation missing from its preset fails here.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  "hanoi-2017": {
    DL_MONTHLY: "O1 monthly dư luận report before the 25th (§V.8)",
    WEB_ARTICLES_MONTHLY: "Văn phòng counts website articles monthly (§V.1)",
    GUONG_DIEN_HINH: "Phòng send exemplary people to Văn phòng (§V.5)",
    DL_ADHOC: "hot issues reported promptly (§V.5, §I.2)",
    COMMS_CONTACTS: "schools assign their comms team (§V.6)",
  },
  "kimthanh-2024": {
    DL_SCHOOL_MONTHLY: "O1b schools → Phòng (Tổng hợp – Thi đua)",
    DL_DISTRICT_MONTHLY: "O1b Phòng → Sở via Văn phòng",
    DL_ADHOC: "O1b đột xuất issues and their handling",
    GUONG_DIEN_HINH: "exemplary people on the websites (§IV)",
  },
  "badinh-2024": {
    FANPAGE_WEEKLY: "O3 ≥1 article per school per week + standout links",
    DL_DISTRICT_MONTHLY: "O1c monthly consolidated report to UBND quận and Sở",
    DL_ADHOC: "O7 schools report incidents promptly",
  },
  "haiphong-2021": {
    WEB_SO_QUOTA: "O2 ≥2 articles/month per Sở division",
    OFFICE_WEEKLY: "O7 Văn phòng weekly report",
    OFFICE_MONTHLY: "O7 Văn phòng monthly report",
    OFFICE_QUARTERLY: "O7 Văn phòng quarterly report",
    OFFICE_YEARLY: "O7 Văn phòng yearly report",
    DL_ADHOC: "O7 ad-hoc (đột xuất) incident reports",
    COMMS_CONTACTS: "O7b a comms leader and officer per unit",
  },
  "hoabinh-2025": {
    MONTHLY_REPORT: "O6 monthly reporting",
    SEMESTER_REVIEW: "O6 sơ kết học kỳ",
    YEAR_END: "O6 tổng kết năm học",
    EVIDENCE_UNITS: "O6 report with minh chứng before 31/5 (units under the Sở)",
    EVIDENCE_PHONG: "O6 report with minh chứng before 30/11 (Phòng)",
    GUONG_DIEN_HINH: "O4 ≥1 exemplary story per month",
    PRESS_PHONG: "O5 ≥8 press articles/year per Phòng",
    PRESS_UNIT: "O5 ≥2 press articles/year per unit",
    DL_ADHOC: "hot issues reported to the level above",
    COMMS_CONTACTS: "O7b comms officer; O8 website, Fanpage, Zalo OA",
  },
  modern: {
    DL_MONTHLY: "O1 + monthly report, schools directly to the Sở",
    DL_CONSOLIDATED: "O1b/O1c consolidation by communes and clusters",
    WEB_SO_QUOTA: "O2",
    WEEKLY_ARTICLE: "O3 re-mapped to the school's own channels",
    GUONG_DIEN_HINH: "O4",
    PRESS_UNIT: "O5 (units)",
    EVIDENCE_ANNUAL: "O6 31/5",
    SEMESTER_REVIEW: "O6 sơ kết",
    YEAR_END: "O6 tổng kết",
    DL_ADHOC: "O7 đột xuất",
    COMMS_CONTACTS: "O7b, O8",
    OFFICE_WEEKLY: "O7",
    OFFICE_MONTHLY: "O7",
    OFFICE_QUARTERLY: "O7",
    OFFICE_YEARLY: "O7",
  },
};

const SEEDS: Record<string, string> = {
  "hanoi-2017": "000_55dd8beeb9454b5f.txt",
  "kimthanh-2024": "001_10ce29697b59a9b5.txt",
  "badinh-2024": "002_2ea8c0008a63f94d.txt",
  "haiphong-2021": "003_b3a042dc0a6492d3.txt",
  "hoabinh-2025": "004_cd077b0802869ecc.txt",
};

function preset(id: string): Plan {
  const p = getPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

function ob(plan: Plan, code: string): Obligation {
  const o = plan.obligations.find((x) => x.code === code);
  if (!o) throw new Error(`${plan.id} has no ${code}`);
  return o;
}

describe("presets", () => {
  it("the registry holds exactly the six presets", () => {
    expect(presets.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(presets.map((p) => [p.id, p] as const))("%s", (id, plan) => {
    it("validates and is already in normalized form (every default written out)", () => {
      expect(parsePlan(plan)).toEqual({ ok: true, plan });
    });

    it("encodes every obligation its seed plan states", () => {
      expect(plan.obligations.map((o) => o.code).sort()).toEqual(Object.keys(EXPECTED[id] ?? {}).sort());
    });

    it("cites its seed file and a section for the plan and every obligation", () => {
      const seed = SEEDS[id];
      for (const o of plan.obligations) {
        expect(o.source, o.code).toMatch(/§/);
        if (seed) expect(o.source.startsWith(seed), o.code).toBe(true);
      }
      if (seed) expect(plan.source.seed).toBe(seed);
      else expect(plan.source.seed?.split(", ")).toEqual(Object.values(SEEDS));
    });

    it("gives every report and incident a form, in Vietnamese and English", () => {
      for (const o of plan.obligations.filter((x) => x.kind !== "quota")) {
        expect(o.form?.questions.length, o.code).toBeGreaterThan(0);
        for (const q of o.form?.questions ?? []) expect(q.label.en, `${o.code}.${q.id}`).toBeTruthy();
      }
    });
  });

  it("legacy presets use district offices; modern uses commune offices and clusters instead", () => {
    for (const id of ["hanoi-2017", "kimthanh-2024", "badinh-2024", "haiphong-2021", "hoabinh-2025"]) {
      expect(
        preset(id).obligations.some((o) => o.audience.kinds.includes("district_office")),
        id,
      ).toBe(true);
    }
    const kinds = new Set(preset("modern").obligations.flatMap((o) => o.audience.kinds));
    expect(kinds.has("district_office")).toBe(false);
    expect(kinds.has("commune_office")).toBe(true);
    expect(kinds.has("cluster")).toBe(true);
  });

  it("Hà Nội 2017: dư luận monthly, due before the 25th, rolled back, nil report allowed", () => {
    const o = ob(preset("hanoi-2017"), "DL_MONTHLY");
    expect(o.due).toEqual({ rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" });
    expect(o.nil_report).toBe(true);
    expect(o.audience.kinds).toEqual(["division", "district_office", "school", "center"]);
  });

  it("the main reports ask the dư luận register only when there was an issue", () => {
    for (const [id, code] of [
      ["hanoi-2017", "DL_MONTHLY"],
      ["kimthanh-2024", "DL_SCHOOL_MONTHLY"],
      ["hoabinh-2025", "MONTHLY_REPORT"],
      ["modern", "DL_MONTHLY"],
    ] as const) {
      const questions = ob(preset(id), code).form?.questions ?? [];
      const group = questions.find((q) => q.id === "issues");
      expect(group?.type, id).toBe("group");
      expect(group?.when).toEqual({ question: "has_issues", equals: [true] });
      expect(group?.questions?.map((q) => q.id)).toEqual(
        expect.arrayContaining([
          "issue_date",
          "issue_where",
          "issue_summary",
          "issue_severity",
          "issue_handling",
          "issue_status",
        ]),
      );
    }
    const counts =
      ob(preset("modern"), "DL_MONTHLY").form?.questions.filter((q) => q.type === "integer") ?? [];
    expect(counts.map((q) => q.id)).toEqual([
      "articles_website",
      "posts_fanpage",
      "posts_zalo_oa",
      "items_so_website",
      "press_articles",
      "exemplary_stories",
    ]);
  });

  it("quotas carry the seeds' numbers", () => {
    const quota = (id: string, code: string) => {
      const o = ob(preset(id), code);
      return { target: o.quota?.target, cadence: o.period.cadence, channels: o.quota?.channels };
    };
    expect(quota("haiphong-2021", "WEB_SO_QUOTA")).toEqual({
      target: 2,
      cadence: "monthly",
      channels: ["so_website"],
    });
    expect(quota("badinh-2024", "FANPAGE_WEEKLY")).toEqual({
      target: 1,
      cadence: "weekly",
      channels: ["fanpage"],
    });
    expect(quota("hoabinh-2025", "GUONG_DIEN_HINH")).toMatchObject({ target: 1, cadence: "monthly" });
    expect(quota("hoabinh-2025", "PRESS_PHONG")).toEqual({
      target: 8,
      cadence: "calendar_year",
      channels: ["press"],
    });
    expect(quota("hoabinh-2025", "PRESS_UNIT")).toEqual({
      target: 2,
      cadence: "calendar_year",
      channels: ["press"],
    });
  });

  it("Hòa Bình: evidence before 31/5 for units under the Sở and before 30/11 for Phòng", () => {
    const hb = preset("hoabinh-2025");
    const units = ob(hb, "EVIDENCE_UNITS");
    const phong = ob(hb, "EVIDENCE_PHONG");
    expect(units.due).toMatchObject({ rule: "fixed_date", month: 5, day: 31, before: true });
    expect(phong.due).toMatchObject({ rule: "fixed_date", month: 11, day: 30, before: true });
    expect(units.audience).toMatchObject({ kinds: ["school", "center"], levels: ["thpt", "gdtx"] });
    expect(phong.audience.kinds).toEqual(["district_office"]);
    expect(units.evidence_required && phong.evidence_required).toBe(true);
    expect(ob(hb, "SEMESTER_REVIEW").due).toMatchObject({ rule: "school_milestone", milestone: "hk1_end" });
  });

  /*
   * The seeds set no summer pause: Hà Nội's report is due "trước ngày 25 hàng tháng" (000 §V.8) in a
   * plan for "năm học 2017-2018 và các năm tiếp theo"; Kim Thành, Ba Đình and Hòa Bình are
   * calendar-year plans ("năm 2024", "năm 2025") with "định kỳ hàng tháng" (002 §III.1), "01 tin
   * bài … của trường/tuần" (002 §III.2), "báo cáo hằng tháng" and "ít nhất 1 lần/tháng" (004
   * §III.3). June–August carry the exam and admissions season (DOMAIN §5.2), when public opinion
   * runs highest. A Sở that pauses in summer writes period.active_months in its own plan.
   */
  it("monthly and weekly obligations run all year, summer included, as the seeds write them", async () => {
    for (const plan of presets) {
      for (const o of plan.obligations)
        expect(o.period.active_months, `${plan.id} ${o.code}`).toBeUndefined();
    }
    const modern = preset("modern");
    const loaded = await loadCalendar(modern.calendar);
    if (!loaded.ok) throw new Error(`calendar ${modern.calendar}`);
    const school: Unit = {
      id: "u-th",
      code: "TH",
      name: "Trường Tiểu học",
      shortName: null,
      kind: "school",
      levels: ["th"],
      parentId: null,
      reportsToId: null,
      validFrom: null,
      validTo: null,
    };
    const instances = computeInstances(modern, [school], loaded.calendar, {
      from: "2026-01-01",
      to: "2026-12-31",
    });
    const of = (code: string) => instances.filter((i) => i.obligationCode === code);
    expect(of("DL_MONTHLY").map((i) => i.periodKey)).toEqual(
      Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, "0")}`),
    );
    const summer = of("DL_MONTHLY").filter((i) => ["2026-06", "2026-07", "2026-08"].includes(i.periodKey));
    expect(summer.map((i) => i.dueDate)).toEqual(["2026-06-24", "2026-07-24", "2026-08-24"]);
    expect(of("GUONG_DIEN_HINH").some((i) => i.periodKey === "2026-07")).toBe(true);
    expect(of("WEEKLY_ARTICLE").filter((i) => i.periodStart.startsWith("2026-07"))).toHaveLength(4);
  });

  it("incident reports are events with an SLA and a full form", () => {
    for (const plan of presets) {
      const o = ob(plan, "DL_ADHOC");
      expect(o.kind).toBe("event");
      expect(o.due.rule).toBe("none");
      expect(o.alert?.sla_hours).toBeGreaterThan(0);
      expect(o.form?.questions.map((q) => q.id)).toEqual(
        expect.arrayContaining([
          "what",
          "where_surfaced",
          "happened_on",
          "severity",
          "first_handling",
          "evidence_file",
        ]),
      );
    }
  });

  it("topics come with their lead divisions where the seed names them", () => {
    expect(preset("hanoi-2017").topics).toHaveLength(8);
    expect(preset("hanoi-2017").topics.every((t) => t.lead)).toBe(true);
    expect(preset("kimthanh-2024").topics).toHaveLength(10);
    const hb = preset("hoabinh-2025").topics;
    expect(hb.every((t) => t.lead)).toBe(true);
    expect(new Set(hb.map((t) => t.code.split("_")[1])).size).toBe(10);
  });

  it("Hải Phòng's texts are restored Vietnamese, not the OCR", () => {
    const text = JSON.stringify(preset("haiphong-2021"));
    expect(text).toContain("Trang thông tin điện tử Sở");
    expect(text).not.toMatch(/Truyén|gido|thong tin dién/);
  });
});
