/**
 * A small holiday calendar and unit builders for domain tests. Tết 2026 for offices is the real
 * civil-servant break (Sat 14/02 → Sun 22/02/2026); the pupils' break here is longer (12/02 →
 * 22/02) so that tests can tell the two lists apart.
 */
import type { LocalDate, SchoolLevel, Unit, UnitKind } from "../../src/domain/org";
import type { HolidayCalendar, Obligation } from "../../src/domain/plan";
import { addDays } from "../../src/domain/time";

function days(from: LocalDate, to: LocalDate, name: string) {
  const list: { date: LocalDate; name: string }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) list.push({ date: d, name });
  return list;
}

export const TEST_CALENDAR: HolidayCalendar = {
  id: "test",
  name: { vi: "Lịch thử" },
  school_years: [
    {
      id: "2025-2026",
      start: "2025-09-05",
      hk1_end: "2026-01-17",
      hk2_start: "2026-01-19",
      end: "2026-05-30",
    },
    {
      id: "2026-2027",
      start: "2026-09-05",
      hk1_end: "2027-01-16",
      hk2_start: "2027-01-18",
      end: "2027-05-29",
      estimated: true,
    },
  ],
  office_holidays: [
    { date: "2026-01-01", name: "Tết Dương lịch" },
    ...days("2026-02-14", "2026-02-22", "Tết Nguyên đán"),
    { date: "2026-04-30", name: "Giải phóng miền Nam" },
    { date: "2026-05-01", name: "Quốc tế Lao động" },
    { date: "2026-09-01", name: "Quốc khánh" },
    { date: "2026-09-02", name: "Quốc khánh" },
  ],
  school_holidays: [
    { date: "2026-01-01", name: "Tết Dương lịch" },
    ...days("2026-02-12", "2026-02-22", "Nghỉ Tết"),
    { date: "2026-04-30", name: "Giải phóng miền Nam" },
    { date: "2026-05-01", name: "Quốc tế Lao động" },
  ],
};

export function unit(
  code: string,
  kind: UnitKind,
  extra: Partial<Omit<Unit, "code" | "kind">> & { levels?: readonly SchoolLevel[] } = {},
): Unit {
  return {
    id: extra.id ?? `id-${code}`,
    code,
    name: extra.name ?? code,
    shortName: null,
    kind,
    levels: extra.levels ?? [],
    parentId: extra.parentId ?? null,
    reportsToId: extra.reportsToId ?? null,
    validFrom: extra.validFrom ?? null,
    validTo: extra.validTo ?? null,
  };
}

export function obligation(code: string, overrides: Partial<Obligation>): Obligation {
  return {
    code,
    kind: "report",
    name: { vi: code },
    source: "test",
    audience: { kinds: ["school"] },
    submit_to: { relation: "office" },
    period: { cadence: "monthly" },
    due: { rule: "before_day_of_month", day: 25, holiday_policy: "roll_back" },
    nil_report: true,
    evidence_required: false,
    reminders: {
      recipients: ["comms"],
      before_working_days: [2],
      due_day_at: "09:00",
      after_working_days: [1],
      escalate: [],
    },
    ...overrides,
  };
}
