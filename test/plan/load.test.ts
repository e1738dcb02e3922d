import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlanFile, parsePlanText } from "../../src/plan/index";

const FIXTURES = path.resolve(__dirname, "../fixtures/plan");
const fixture = (name: string) => path.join(FIXTURES, name);

async function errorsOf(name: string, lang: "vi" | "en") {
  const result = await loadPlanFile(fixture(name), lang);
  if (result.ok) throw new Error(`${name} should not be valid`);
  return result.errors;
}

describe("loading plan files", () => {
  it("loads the annotated example", async () => {
    const result = await loadPlanFile(fixture("example.yaml"));
    expect(result.ok && result.plan.obligations.map((o) => o.code)).toEqual([
      "DL_MONTHLY",
      "WEEKLY_ARTICLE",
      "DL_ADHOC",
    ]);
  });

  it("reports every error of a YAML plan with its path and line, in file order", async () => {
    const errors = await errorsOf("bad.yaml", "vi");
    expect(errors.map((e) => e.path)).toEqual([
      "id",
      "source.issued_on",
      "calender",
      "sending_window.end",
      "obligations[0].audience.levels",
      "obligations[0].period.cutoff_day",
      "obligations[0].due.day",
      "obligations[0].form.questions[0].options",
      "obligations[0].form.questions[1].when.question",
      "obligations[0].form.questions[2].id",
      "obligations[1].code",
      "obligations[1].quota",
      "obligations[1].audience.kinds",
      "obligations[1].due.rule",
      "obligations[2].alert",
      "obligations[2].form",
      "obligations[2].period.cadence",
      "obligations[2].due.rule",
      "obligations[2].due.rule",
      "obligations[2].due.day",
    ]);
    const byPath = (p: string) => errors.find((e) => e.path === p);
    expect(byPath("obligations[0].due.day")).toMatchObject({
      line: 15,
      message: "Giá trị phải không quá 31",
    });
    expect(byPath("calender")?.message).toBe(
      'Khóa "calender" không có trong định dạng tệp (gõ nhầm tên khóa?)',
    );
    expect(byPath("obligations[1].code")?.message).toBe(
      'Mã nhiệm vụ "DL_MONTHLY" bị trùng (đã dùng ở obligations[0])',
    );
    expect(byPath("source.issued_on")?.message).toContain("2026-02-30");
  });

  it("reports the same errors in English on request", async () => {
    const vi = await errorsOf("bad.yaml", "vi");
    const en = await errorsOf("bad.yaml", "en");
    expect(en.map((e) => e.path)).toEqual(vi.map((e) => e.path));
    expect(en.find((e) => e.path === "obligations[2].due.day")?.message).toBe(
      "Day 31/4 does not exist (month 4 has at most 30 days)",
    );
    expect(en.find((e) => e.path === "obligations[0].form.questions[1].when.question")?.message).toMatch(
      /earlier question/,
    );
  });

  it("reports every error of a JSON plan with paths and lines", async () => {
    const vi = await errorsOf("bad.json", "vi");
    expect(vi.map((e) => e.path)).toEqual([
      "title.fr",
      "obligations[0].due.time",
      "obligations[0].quota.target",
      "obligations[1].form",
      "obligations[1].form.questions[1].when.equals[0]",
      "obligations[1].form.questions[2].questions",
    ]);
    expect(vi.every((e) => typeof e.line === "number")).toBe(true);
    expect(vi[2]?.message).toBe("Giá trị phải từ 1 trở lên");
    const en = await errorsOf("bad.json", "en");
    expect(en[2]?.message).toBe("Must be 1 or more");
  });

  it("reports YAML syntax errors with line and column", async () => {
    const errors = await errorsOf("syntax.yaml", "vi");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.path === "" && e.line !== undefined && e.column !== undefined)).toBe(true);
    expect(errors[0]?.message).toMatch(/^Lỗi cú pháp YAML ở dòng 2, cột \d+: /);
    expect(errors.at(-1)?.line).toBe(5);
    const en = await errorsOf("syntax.yaml", "en");
    expect(en[0]?.message).toMatch(/^YAML syntax error at line 2, column \d+: /);
  });

  it("reports a duplicate YAML key", () => {
    const result = parsePlanText("id: a\nid: b\n", "yaml", "en");
    expect(!result.ok && result.errors[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/same key appears twice/),
    });
  });

  it("reports JSON syntax errors with line and column", async () => {
    const errors = await errorsOf("syntax.json", "en");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: "", line: 4, column: 1 });
    expect(errors[0]?.message).toMatch(/^JSON syntax error at line 4, column 1/);
  });

  it("treats a missing file, an unknown extension and an empty file as errors on the whole file", async () => {
    const missing = await loadPlanFile(fixture("nope.yaml"), "vi");
    expect(!missing.ok && missing.errors[0]?.message).toMatch(/Không tìm thấy tệp/);
    const txt = await loadPlanFile(fixture("plan.txt"), "en");
    expect(!txt.ok && txt.errors[0]?.message).toMatch(/\.yaml, \.yml or \.json/);
    const empty = parsePlanText("  \n", "yaml", "en");
    expect(!empty.ok && empty.errors[0]?.message).toBe("The file is empty");
  });

  it("JSON and YAML of the same plan give the same plan", async () => {
    const yaml = await loadPlanFile(fixture("example.yaml"));
    if (!yaml.ok) throw new Error("example must be valid");
    const json = parsePlanText(JSON.stringify(yaml.plan), "json");
    expect(json).toEqual(yaml);
  });
});
