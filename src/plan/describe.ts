/**
 * A plan in plain words, for `baocao plan show` and the office pages: "trước ngày 25 hằng tháng
 * (hạn 23:59 ngày 24), lùi về ngày làm việc trước nếu trùng ngày nghỉ". Pure: text from the rule,
 * no dates computed (deadline arithmetic lives in src/domain).
 */
import type { Role, SchoolLevel, UnitKind } from "../domain/org";
import type {
  Audience,
  Cadence,
  Due,
  EscalationTarget,
  LocalizedText,
  Obligation,
  PeriodRule,
  QuotaSpec,
  ReminderLadder,
  SubmitTo,
} from "../domain/plan";
import type { Lang, Translate } from "../i18n/index";

const DEFAULT_DUE_TIME = "23:59";

export function localized(text: LocalizedText, lang: Lang): string {
  return lang === "en" ? (text.en ?? text.vi) : text.vi;
}

const CADENCE_KEYS: Record<Cadence, string> = {
  weekly: "plan:describe.cadence.weekly",
  monthly: "plan:describe.cadence.monthly",
  quarterly: "plan:describe.cadence.quarterly",
  semester: "plan:describe.cadence.semester",
  school_year: "plan:describe.cadence.school_year",
  calendar_year: "plan:describe.cadence.calendar_year",
  fixed_annual: "plan:describe.cadence.fixed_annual",
  anytime: "plan:describe.cadence.anytime",
};
const PER_KEYS: Record<Cadence, string> = {
  weekly: "plan:describe.per.weekly",
  monthly: "plan:describe.per.monthly",
  quarterly: "plan:describe.per.quarterly",
  semester: "plan:describe.per.semester",
  school_year: "plan:describe.per.school_year",
  calendar_year: "plan:describe.per.calendar_year",
  fixed_annual: "plan:describe.per.fixed_annual",
  anytime: "plan:describe.per.anytime",
};
const KIND_KEYS: Record<UnitKind, string> = {
  so: "plan:describe.unit.so",
  office: "plan:describe.unit.office",
  division: "plan:describe.unit.division",
  district_office: "plan:describe.unit.district_office",
  commune_office: "plan:describe.unit.commune_office",
  cluster: "plan:describe.unit.cluster",
  school: "plan:describe.unit.school",
  center: "plan:describe.unit.center",
};
const LEVEL_KEYS: Record<SchoolLevel, string> = {
  mn: "plan:describe.level.mn",
  th: "plan:describe.level.th",
  thcs: "plan:describe.level.thcs",
  thpt: "plan:describe.level.thpt",
  gdtx: "plan:describe.level.gdtx",
};
const ROLE_KEYS: Record<Role, string> = {
  head: "plan:describe.role.head",
  deputy: "plan:describe.role.deputy",
  comms: "plan:describe.role.comms",
  office_staff: "plan:describe.role.office_staff",
  admin: "plan:describe.role.admin",
  cluster_head: "plan:describe.role.cluster_head",
  staff: "plan:describe.role.staff",
};
const ESCALATION_KEYS: Record<EscalationTarget, string> = {
  reports_to_head: "plan:describe.escalation.reports_to_head",
  cluster_head: "plan:describe.escalation.cluster_head",
  office: "plan:describe.escalation.office",
};
const CHANNEL_KEYS: Record<string, string> = {
  website: "plan:describe.channel.website",
  fanpage: "plan:describe.channel.fanpage",
  zalo_oa: "plan:describe.channel.zalo_oa",
  press: "plan:describe.channel.press",
  so_website: "plan:describe.channel.so_website",
  other: "plan:describe.channel.other",
};
const MILESTONE_KEYS: Record<string, string> = {
  start: "plan:describe.milestone.start",
  hk1_end: "plan:describe.milestone.hk1_end",
  hk2_start: "plan:describe.milestone.hk2_start",
  end: "plan:describe.milestone.end",
};
const KIND_OF_OBLIGATION_KEYS: Record<Obligation["kind"], string> = {
  report: "plan:describe.kind.report",
  quota: "plan:describe.kind.quota",
  event: "plan:describe.kind.event",
};

/** [5, 2] → "5 và 2"; [60, 20, 5] → "60, 20 và 5". */
export function joinList(items: readonly (string | number)[], t: Translate): string {
  const s = items.map(String);
  if (s.length <= 1) return s.join("");
  return `${s.slice(0, -1).join(", ")} ${t("plan:describe.and")} ${s[s.length - 1]}`;
}

export function describeKind(o: Obligation, t: Translate): string {
  return t(KIND_OF_OBLIGATION_KEYS[o.kind]);
}

export function describeCadence(period: PeriodRule, t: Translate): string {
  const parts = [t(CADENCE_KEYS[period.cadence])];
  if (period.cutoff_day !== undefined)
    parts.push(t("plan:describe.cutoff", { day: period.cutoff_day, last: period.cutoff_day - 1 }));
  if (period.active_months)
    parts.push(t("plan:describe.activeMonths", { months: joinList(period.active_months, t) }));
  return parts.join("; ");
}

function monthWhen(due: { month_offset?: number | undefined }, cadence: Cadence, t: Translate): string {
  const offset = due.month_offset ?? 0;
  if (offset === 1) return t("plan:describe.due.nextMonth");
  if (offset > 1) return t("plan:describe.due.monthAfter", { n: offset });
  if (offset < 0) return t("plan:describe.due.monthBefore", { n: -offset });
  return cadence === "monthly" ? t("plan:describe.due.everyMonth") : t("plan:describe.due.periodMonth");
}

/** "5 ngày làm việc" / "1 working day" (singular keys rather than plurals: vi has no plural forms). */
function dayUnit(offset: number, working: boolean, t: Translate): string {
  const n = Math.abs(offset);
  if (working)
    return n === 1 ? t("plan:describe.due.oneWorkingDay") : t("plan:describe.due.workingDays", { n });
  return n === 1 ? t("plan:describe.due.oneDay") : t("plan:describe.due.days", { n });
}

function holidayWords(due: Due, t: Translate): string {
  if (due.rule === "none" || due.holiday_policy === "none") return "";
  return due.holiday_policy === "roll_back"
    ? t("plan:describe.holiday.roll_back")
    : t("plan:describe.holiday.roll_forward");
}

function ruleWords(due: Due, cadence: Cadence, sla: number | undefined, t: Translate): string {
  const time = due.time ?? DEFAULT_DUE_TIME;
  switch (due.rule) {
    case "before_day_of_month":
      return due.day === 1
        ? t("plan:describe.due.beforeFirst", { when: monthWhen(due, cadence, t), time })
        : t("plan:describe.due.beforeDay", {
            day: due.day,
            last: due.day - 1,
            when: monthWhen(due, cadence, t),
            time,
          });
    case "day_of_month":
      return due.day === -1
        ? t("plan:describe.due.lastDay", { when: monthWhen(due, cadence, t), time })
        : t("plan:describe.due.onDay", { day: due.day, when: monthWhen(due, cadence, t), time });
    case "end_of_period": {
      const n = due.offset_days ?? 0;
      if (n === 0) return t("plan:describe.due.endOfPeriod", { time });
      const unit = dayUnit(n, due.working_days === true, t);
      return n > 0
        ? t("plan:describe.due.afterPeriod", { unit, time })
        : t("plan:describe.due.beforePeriodEnd", { unit, time });
    }
    case "fixed_date": {
      const date = `${due.day}/${due.month}`;
      if (!due.before) return t("plan:describe.due.fixedOn", { date, time });
      // "Trước 31/5" → the 30th; "trước 1/6" → the last day of May (non-leap February: 28).
      const last =
        due.day > 1 ? `${due.day - 1}/${due.month}` : t("plan:describe.due.dayBeforeDate", { date });
      return t("plan:describe.due.fixedBefore", { date, last, time });
    }
    case "school_milestone": {
      const milestone = t(MILESTONE_KEYS[due.milestone] ?? due.milestone);
      const n = due.offset_days ?? 0;
      if (n === 0) return t("plan:describe.due.onMilestone", { milestone, time });
      const unit = dayUnit(n, due.working_days === true, t);
      return n > 0
        ? t("plan:describe.due.afterMilestone", { unit, milestone, time })
        : t("plan:describe.due.beforeMilestone", { unit, milestone, time });
    }
    case "none":
      return sla === undefined ? t("plan:describe.due.none") : t("plan:describe.due.sla", { hours: sla });
  }
}

/** "trước ngày 25 hằng tháng (hạn 23:59 ngày 24), lùi về ngày làm việc trước nếu trùng ngày nghỉ". */
export function describeDue(o: Pick<Obligation, "due" | "period" | "alert">, t: Translate): string {
  return `${ruleWords(o.due, o.period.cadence, o.alert?.sla_hours, t)}${holidayWords(o.due, t)}`;
}

export function describeAudience(a: Audience, t: Translate): string {
  const levels = a.levels?.map((l) => t(LEVEL_KEYS[l]));
  const kinds = a.kinds.map((k) =>
    levels && (k === "school" || k === "cluster")
      ? `${t(KIND_KEYS[k])} (${levels.join(", ")})`
      : t(KIND_KEYS[k]),
  );
  const parts = [kinds.join(", ")].filter((s) => s !== "");
  if (a.units?.length) parts.push(t("plan:describe.audienceUnits", { units: a.units.join(", ") }));
  if (a.exclude_units?.length)
    parts.push(t("plan:describe.audienceExcept", { units: a.exclude_units.join(", ") }));
  return parts.join("; ");
}

export function describeSubmitTo(s: SubmitTo, t: Translate): string {
  if ("unit" in s) return t("plan:describe.submitTo.unit", { code: s.unit });
  return t(
    s.relation === "office"
      ? "plan:describe.submitTo.office"
      : s.relation === "parent"
        ? "plan:describe.submitTo.parent"
        : "plan:describe.submitTo.reports_to",
  );
}

export function describeQuota(q: QuotaSpec, cadence: Cadence, lang: Lang, t: Translate): string {
  const channels = q.channels
    ? t("plan:describe.quotaChannels", {
        channels: joinList(
          q.channels.map((c) => t(CHANNEL_KEYS[c] ?? c)),
          t,
        ),
      })
    : "";
  return t("plan:describe.quota", {
    target: q.target,
    counts: localized(q.counts, lang),
    per: t(PER_KEYS[cadence]),
    channels,
  });
}

export function describeReminders(r: ReminderLadder, t: Translate): string {
  const parts: string[] = [];
  if (r.before_working_days.length)
    parts.push(t("plan:describe.remind.before", { days: joinList(r.before_working_days, t) }));
  if (r.due_day_at !== null) parts.push(t("plan:describe.remind.dueDay", { time: r.due_day_at }));
  if (r.after_working_days.length)
    parts.push(t("plan:describe.remind.after", { days: joinList(r.after_working_days, t) }));
  for (const e of r.escalate) {
    parts.push(
      t("plan:describe.remind.escalate", { days: e.after_working_days, to: t(ESCALATION_KEYS[e.to]) }),
    );
  }
  if (parts.length === 0) return t("plan:describe.remind.none");
  const who = joinList(
    r.recipients.map((role) => t(ROLE_KEYS[role])),
    t,
  );
  return t("plan:describe.remind.ladder", { who, steps: parts.join("; ") });
}

const WEEKDAY_KEYS = [
  "plan:describe.weekday.1",
  "plan:describe.weekday.2",
  "plan:describe.weekday.3",
  "plan:describe.weekday.4",
  "plan:describe.weekday.5",
  "plan:describe.weekday.6",
  "plan:describe.weekday.7",
] as const;

export function describeWeekdays(days: readonly number[], t: Translate): string {
  return days.map((d) => t(WEEKDAY_KEYS[d - 1] ?? String(d))).join(", ");
}
