/**
 * The holiday and school-year calendar format (src/plan/calendars/*.yaml, or an override in
 * DATA_DIR/calendars/). Same error style as plans: every problem, with its path and line.
 */
import { z } from "zod";
import type { HolidayCalendar } from "../domain/plan";
import { localDate, localizedText, ruleIssue, slug } from "./fields";
import { formatPathForMessage } from "./form-rules";
import { duplicates, list, rec, str } from "./read";
import type { AddIssue } from "./rules";

const holiday = z.strictObject({ date: localDate, name: z.string().trim().min(1) });

const schoolYear = z.strictObject({
  id: z.string().superRefine((v, ctx) => {
    const m = /^(\d{4})-(\d{4})$/.exec(v);
    if (!m || Number(m[2]) !== Number(m[1]) + 1)
      ctx.addIssue(ruleIssue("plan:calendar.schoolYearId", [], { value: v }));
  }),
  start: localDate,
  hk1_end: localDate,
  hk2_start: localDate,
  end: localDate,
  estimated: z.boolean().optional(),
});

const MILESTONES = ["start", "hk1_end", "hk2_start", "end"] as const;

function checkCalendarRules(value: unknown, add: AddIssue): void {
  const cal = rec(value);
  if (!cal) return;
  const years = list(cal.school_years);
  years.forEach((raw, i) => {
    const y = rec(raw);
    if (!y) return;
    // Each milestone strictly after the previous one: start < hk1_end < hk2_start < end.
    for (let m = 1; m < MILESTONES.length; m++) {
      const prev = str(y[MILESTONES[m - 1] as string]);
      const cur = str(y[MILESTONES[m] as string]);
      if (prev !== undefined && cur !== undefined && cur <= prev) {
        add(
          ruleIssue("plan:calendar.milestoneOrder", ["school_years", i, MILESTONES[m] as string], {
            before: MILESTONES[m - 1],
            date: cur,
            previous: prev,
          }),
        );
      }
    }
    const id = str(y.id);
    const start = str(y.start);
    if (
      id !== undefined &&
      start !== undefined &&
      /^\d{4}-\d{4}$/.test(id) &&
      !start.startsWith(id.slice(0, 4))
    ) {
      add(ruleIssue("plan:calendar.startYear", ["school_years", i, "start"], { id, start }));
    }
  });
  const ids = years.map((y) => str(rec(y)?.id));
  for (const [i, first] of duplicates(ids)) {
    add(
      ruleIssue("plan:calendar.duplicateYear", ["school_years", i, "id"], {
        value: ids[i],
        first: formatPathForMessage(["school_years", first]),
      }),
    );
  }
  for (const field of ["office_holidays", "school_holidays"] as const) {
    const dates = list(cal[field]).map((h) => str(rec(h)?.date));
    for (const [i, first] of duplicates(dates)) {
      add(
        ruleIssue("plan:calendar.duplicateDate", [field, i, "date"], {
          value: dates[i],
          first: formatPathForMessage([field, first]),
        }),
      );
    }
  }
}

export const calendarSchema = z
  .strictObject({
    id: slug,
    name: localizedText,
    school_years: z.array(schoolYear).min(1),
    office_holidays: z.array(holiday).default([]),
    school_holidays: z.array(holiday).default([]),
  })
  .superRefine((value, ctx) => checkCalendarRules(value, (issue) => ctx.addIssue(issue)), {
    when: () => true,
  });

/** Compile-time check: whatever the schema accepts is a HolidayCalendar. */
export const asCalendar = (parsed: z.output<typeof calendarSchema>): HolidayCalendar => parsed;
