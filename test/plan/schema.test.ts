import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/plan/index";

/** The smallest valid plan; each case below breaks one thing. */
function minimal(): Record<string, unknown> {
  return {
    id: "mini",
    title: "Kế hoạch nhỏ",
    source: { issuer: "Sở GD&ĐT" },
    obligations: [
      {
        code: "DL_MONTHLY",
        kind: "report",
        name: "Báo cáo tháng",
        source: "§1",
        audience: { kinds: ["school"] },
        period: { cadence: "monthly" },
        due: { rule: "before_day_of_month", day: 25 },
        form: {
          version: 1,
          questions: [
            { id: "has_issues", type: "yes_no", label: "Có vụ việc?" },
            {
              id: "detail",
              type: "long_text",
              label: "Chi tiết",
              when: { question: "has_issues", equals: [true] },
            },
          ],
        },
      },
    ],
  };
}

type Mutable = Record<string, unknown> & { obligations: Record<string, unknown>[] };

function errorsOf(mutate: (p: Mutable) => void): { path: string; message: string }[] {
  const plan = minimal() as Mutable;
  mutate(plan);
  const result = parsePlan(plan, "en");
  return result.ok ? [] : result.errors.map(({ path, message }) => ({ path, message }));
}

const first = (p: Mutable) => p.obligations[0] as Record<string, unknown>;
const form = (p: Mutable) => first(p).form as { questions: Record<string, unknown>[] };

describe("plan schema", () => {
  it("accepts the minimal plan and fills the documented defaults", () => {
    const result = parsePlan(minimal());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { plan } = result;
    expect(plan.title).toEqual({ vi: "Kế hoạch nhỏ" });
    expect(plan.calendar).toBe("vn");
    expect(plan.calendar_kind).toBe("office");
    expect(plan.sending_window).toEqual({ weekdays: [1, 2, 3, 4, 5], start: "07:30", end: "17:00" });
    expect(plan.max_reminders_per_person_per_day).toBe(2);
    const o = plan.obligations[0];
    expect(o?.reminders).toEqual({
      recipients: ["comms", "head"],
      before_working_days: [5, 2],
      due_day_at: "09:00",
      after_working_days: [1, 3],
      escalate: [
        { after_working_days: 3, to: "reports_to_head" },
        { after_working_days: 5, to: "office" },
      ],
    });
    expect(o?.submit_to).toEqual({ relation: "office" });
    expect(o?.nil_report).toBe(false);
    expect(o?.evidence_required).toBe(false);
    expect(o?.due).toEqual({ rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" });
    expect(o?.form?.questions[0]?.required).toBe(true);
  });

  it("fills a partly written reminder ladder field by field", () => {
    const result = parsePlan({
      ...minimal(),
      obligations: [{ ...(minimal().obligations as object[])[0], reminders: { before_working_days: [3] } }],
    });
    expect(result.ok && result.plan.obligations[0]?.reminders.before_working_days).toEqual([3]);
    expect(result.ok && result.plan.obligations[0]?.reminders.after_working_days).toEqual([1, 3]);
  });

  it("reads localized text as a plain string (Vietnamese) or {vi, en}", () => {
    const result = parsePlan({ ...minimal(), title: { vi: "Kế hoạch", en: "Plan" } });
    expect(result.ok && result.plan.title).toEqual({ vi: "Kế hoạch", en: "Plan" });
  });

  it("accepts a unit code as the receiver, and day -1 as the last day of the month", () => {
    const errors = errorsOf((p) => {
      first(p).submit_to = { unit: "VP_SO" };
      first(p).due = { rule: "day_of_month", day: -1 };
    });
    expect(errors).toEqual([]);
  });

  it.each<[string, (p: Mutable) => void, string, RegExp]>([
    [
      "duplicate obligation code",
      (p) => p.obligations.push({ ...first(p) }),
      "obligations[1].code",
      /used twice/,
    ],
    [
      "duplicate question id inside a group",
      (p) =>
        form(p).questions.push({
          id: "g",
          type: "group",
          label: "G",
          questions: [{ id: "detail", type: "text", label: "D" }],
        }),
      "obligations[0].form.questions[2].questions[0].id",
      /used twice/,
    ],
    [
      "when naming a later question",
      (p) => {
        form(p).questions[1] = { ...form(p).questions[1], when: { question: "zz", equals: [true] } };
        form(p).questions.push({ id: "zz", type: "yes_no", label: "Z" });
      },
      "obligations[0].form.questions[1].when.question",
      /earlier question/,
    ],
    [
      "when naming no question",
      (p) => {
        form(p).questions[1] = { ...form(p).questions[1], when: { question: "nothing", equals: [true] } };
      },
      "obligations[0].form.questions[1].when.question",
      /does not have/,
    ],
    [
      "when comparing a yes/no answer with text",
      (p) => {
        form(p).questions[1] = { ...form(p).questions[1], when: { question: "has_issues", equals: ["yes"] } };
      },
      "obligations[0].form.questions[1].when.equals[0]",
      /true or false/,
    ],
    [
      "choice without options",
      (p) => form(p).questions.push({ id: "c", type: "multi_choice", label: "C" }),
      "obligations[0].form.questions[2].options",
      /options/,
    ],
    [
      "group without questions",
      (p) => form(p).questions.push({ id: "g", type: "group", label: "G" }),
      "obligations[0].form.questions[2].questions",
      /at least one question/,
    ],
    [
      "quota kind without quota",
      (p) => {
        first(p).kind = "quota";
      },
      "obligations[0].quota",
      /needs a quota/,
    ],
    [
      "event without alert",
      (p) => {
        Object.assign(first(p), { kind: "event", period: { cadence: "anytime" }, due: { rule: "none" } });
      },
      "obligations[0].alert",
      /alert/,
    ],
    [
      "event with a calendar deadline",
      (p) => {
        Object.assign(first(p), {
          kind: "event",
          period: { cadence: "anytime" },
          alert: { sla_hours: 4, notify: ["office"] },
        });
      },
      "obligations[0].due.rule",
      /must be none/,
    ],
    [
      "report with rule none",
      (p) => {
        first(p).due = { rule: "none" };
      },
      "obligations[0].due.rule",
      /needs a deadline/,
    ],
    [
      "day 32",
      (p) => {
        first(p).due = { rule: "before_day_of_month", day: 32 };
      },
      "obligations[0].due.day",
      /at most 31/,
    ],
    [
      "day 0 for day_of_month",
      (p) => {
        first(p).due = { rule: "day_of_month", day: 0 };
      },
      "obligations[0].due.day",
      /-1 for the last day/,
    ],
    [
      "month 13",
      (p) => {
        Object.assign(first(p), {
          period: { cadence: "fixed_annual" },
          due: { rule: "fixed_date", month: 13, day: 1 },
        });
      },
      "obligations[0].due.month",
      /at most 12/,
    ],
    [
      "31 April",
      (p) => {
        Object.assign(first(p), {
          period: { cadence: "fixed_annual" },
          due: { rule: "fixed_date", month: 4, day: 31 },
        });
      },
      "obligations[0].due.day",
      /does not exist/,
    ],
    [
      "cut-off day 29",
      (p) => {
        first(p).period = { cadence: "monthly", cutoff_day: 29 };
      },
      "obligations[0].period.cutoff_day",
      /at most 28/,
    ],
    [
      "cut-off day 1",
      (p) => {
        first(p).period = { cadence: "monthly", cutoff_day: 1 };
      },
      "obligations[0].period.cutoff_day",
      /2 or more/,
    ],
    [
      "active month 0",
      (p) => {
        first(p).period = { cadence: "monthly", active_months: [0] };
      },
      "obligations[0].period.active_months[0]",
      /1 or more/,
    ],
    [
      "time 24:00",
      (p) => {
        first(p).due = { rule: "before_day_of_month", day: 25, time: "24:00" };
      },
      "obligations[0].due.time",
      /HH:MM/,
    ],
    [
      "a date that does not exist",
      (p) => {
        p.valid_from = "2026-02-29";
      },
      "valid_from",
      /exist/,
    ],
    [
      "audience without kinds or units",
      (p) => {
        first(p).audience = { kinds: [] };
      },
      "obligations[0].audience.kinds",
      /at least unit kinds/,
    ],
    [
      "levels for divisions",
      (p) => {
        first(p).audience = { kinds: ["division"], levels: ["thpt"] };
      },
      "obligations[0].audience.levels",
      /schools or clusters/,
    ],
    [
      "unknown unit kind",
      (p) => {
        first(p).audience = { kinds: ["ministry"] };
      },
      "obligations[0].audience.kinds[0]",
      /"ministry".*school/,
    ],
    [
      "misspelt key",
      (p) => {
        first(p).nil_reports = true;
      },
      "obligations[0].nil_reports",
      /not part of the file format/,
    ],
    [
      "missing required field",
      (p) => {
        delete first(p).source;
      },
      "obligations[0].source",
      /Required/,
    ],
    [
      "unknown due rule",
      (p) => {
        first(p).due = { rule: "sometimes" };
      },
      "obligations[0].due.rule",
      /"sometimes".*before_day_of_month/,
    ],
    [
      "both unit and relation",
      (p) => {
        first(p).submit_to = { unit: "VP", relation: "office" };
      },
      "obligations[0].submit_to",
      /exactly one/,
    ],
    [
      "text instead of a number",
      (p) => {
        first(p).due = { rule: "before_day_of_month", day: "25" };
      },
      "obligations[0].due.day",
      /expected a number, got text/,
    ],
    [
      "evidence required without a file question",
      (p) => {
        first(p).evidence_required = true;
      },
      "obligations[0].form",
      /file or url/,
    ],
    [
      "day-of-month rule on a weekly cadence",
      (p) => {
        first(p).period = { cadence: "weekly" };
      },
      "obligations[0].due.rule",
      /monthly or quarterly/,
    ],
    [
      "sending window ending before it starts",
      (p) => {
        p.sending_window = { start: "17:00", end: "08:00" };
      },
      "sending_window.end",
      /after its start/,
    ],
    [
      "title neither text nor {vi, en}",
      (p) => {
        p.title = 5;
      },
      "title",
      /expected text or a map/,
    ],
  ])("reports %s", (_name, mutate, path, message) => {
    const errors = errorsOf(mutate);
    expect(errors.find((e) => e.path === path)?.message, JSON.stringify(errors)).toMatch(message);
  });

  it("reports every error of a plan at once, including cross-field ones next to field errors", () => {
    const errors = errorsOf((p) => {
      p.id = "Not A Slug";
      first(p).due = { rule: "before_day_of_month", day: 40 };
      p.obligations.push({ ...first(p), kind: "quota" });
    });
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(["id", "obligations[0].due.day", "obligations[1].code", "obligations[1].quota"]),
    );
  });
});
