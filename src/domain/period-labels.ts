/**
 * Human labels of periods ("tháng 11/2026", "tuần 48 (23/11–29/11/2026)", "học kỳ I năm học
 * 2026-2027"). The domain does not translate: it names a key of locales/<lang>/periods.json and the
 * parameters, already formatted as dd/mm/yyyy, which every caller passes to its translator.
 */
import { yearOf } from "./dates";
import type { LocalDate } from "./org";
import type { Period } from "./periods";
import { formatDateVi } from "./time";

export interface PeriodLabel {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

const ROMAN = ["I", "II", "III", "IV"] as const;

/** "23/11" when both ends share the year, else "28/12/2026"; the end always carries its year. */
function span(start: LocalDate, end: LocalDate): { from: string; to: string } {
  const from = yearOf(start) === yearOf(end) ? formatDateVi(start).slice(0, 5) : formatDateVi(start);
  return { from, to: formatDateVi(end) };
}

export function periodLabel(period: Period): PeriodLabel {
  const dates = span(period.start, period.end);
  switch (period.shape) {
    case "week":
      return { key: "periods:label.week", params: { week: Number(period.key.slice(-2)), ...dates } };
    case "month":
      return period.cutoff
        ? { key: "periods:label.monthWindow", params: { month: period.month, year: period.year, ...dates } }
        : { key: "periods:label.month", params: { month: period.month, year: period.year } };
    case "quarter": {
      const quarter = ROMAN[period.month / 3 - 1] ?? String(period.month / 3);
      return period.cutoff
        ? { key: "periods:label.quarterWindow", params: { quarter, year: period.year, ...dates } }
        : { key: "periods:label.quarter", params: { quarter, year: period.year } };
    }
    case "semester":
      return {
        key: "periods:label.semester",
        params: { semester: period.key.endsWith("HK1") ? "I" : "II", schoolYear: period.schoolYearId ?? "" },
      };
    case "school_year":
      return { key: "periods:label.schoolYear", params: { schoolYear: period.key } };
    case "calendar_year":
      return period.cutoff
        ? { key: "periods:label.yearWindow", params: { year: period.year, ...dates } }
        : { key: "periods:label.year", params: { year: period.year } };
  }
}
