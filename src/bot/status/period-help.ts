/**
 * How to write a period for one obligation, for the messages that refuse a period: the shape its
 * periods have ("tháng/năm (11/2026) hoặc năm-tháng (2026-11)") and a real example, the key of its
 * period running today as people type it.
 */
import { enumeratePeriods, type PeriodShape } from "../../domain/periods";
import type { HolidayCalendar, Obligation, PeriodRule } from "../../domain/plan";
import type { Translate } from "../../i18n/index";
import { shortPeriod } from "./missing-render";

/** The shape of a rule's periods (null for incidents, which have none). */
export function periodShape(rule: PeriodRule): PeriodShape | null {
  switch (rule.cadence) {
    case "weekly":
      return "week";
    case "monthly":
      return "month";
    case "quarterly":
      return "quarter";
    case "semester":
      return "semester";
    case "school_year":
      return "school_year";
    case "calendar_year":
      return "calendar_year";
    case "fixed_annual":
      return rule.year === "calendar_year" ? "calendar_year" : "school_year";
    case "anytime":
      return null;
  }
}

/** When the calendar names no period today (a school year it lacks): one of the right shape. */
const FALLBACK_EXAMPLES: Readonly<Record<PeriodShape, string>> = {
  week: "2026-W48",
  month: "11/2026",
  quarter: "2026-Q4",
  semester: "2026-2027-HK1",
  school_year: "2026-2027",
  calendar_year: "2026",
};

/** The obligation's period running today, as typed ("11/2026", "2026-W48"…). */
export function periodExample(obligation: Obligation, calendar: HolidayCalendar, today: string): string {
  const current = enumeratePeriods(obligation.period, calendar, today, today)[0];
  if (current) return shortPeriod(current, current.key);
  const shape = periodShape(obligation.period);
  return shape ? FALLBACK_EXAMPLES[shape] : "";
}

/** { cadence, format, example } for the refusal messages (missing:badPeriod, missing:cli.badPeriod). */
export function periodHelp(obligation: Obligation, calendar: HolidayCalendar, today: string, t: Translate) {
  const shape = periodShape(obligation.period);
  return {
    cadence: t(`missing:cadence.${obligation.period.cadence}`),
    format: shape ? t(`missing:format.${shape}`) : "",
    example: periodExample(obligation, calendar, today),
  };
}
