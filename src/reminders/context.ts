/**
 * Shared pieces of one planning pass (pure): the plan's rules, the translator, who owes an
 * instance and whether it is still missing, how to address a person, and how to place a message
 * in time (window + daily cap).
 */
import type { ChatRef } from "../channels/types";
import { audienceUnits } from "../domain/audience";
import { unitOwes } from "../domain/instances";
import type { Unit } from "../domain/org";
import { periodLabel } from "../domain/period-labels";
import type { HolidayCalendar, LocalizedText, Obligation, Plan } from "../domain/plan";
import type { ScheduledPeriod } from "../domain/schedule";
import { type ReportStatus, reportStatus } from "../domain/status";
import { formatDateVi, localDateOf } from "../domain/time";
import { type WorkingDays, workingDays } from "../domain/workdays";
import { type Lang, type Translate, translator } from "../i18n/index";
import type { Facts } from "./facts";
import { addressAsOf, type OrgSnapshot } from "./org";
import type { Addressee, ObligationRef, PeriodRef } from "./types";
import type { DailyCounts, SendingRules } from "./window";

export interface PlanContext {
  readonly plan: Plan;
  readonly calendar: HolidayCalendar;
  readonly wd: WorkingDays;
  readonly rules: SendingRules;
  readonly org: OrgSnapshot;
  readonly facts: Facts;
  readonly now: Date;
  readonly today: string;
  readonly lang: Lang;
  readonly t: Translate;
  readonly counts: DailyCounts;
  readonly cap: number;
  /** The group that also gets the Văn phòng's day-after digest, when the Sở designated one. */
  readonly digestGroup?: ChatRef | undefined;
}

export interface ContextInput {
  readonly plan: Plan;
  readonly calendar: HolidayCalendar;
  readonly org: OrgSnapshot;
  readonly facts: Facts;
  readonly now: Date;
  readonly lang: Lang;
  /** Reminders already planned per `${personId}|${day}` (copied, not changed). */
  readonly counts: ReadonlyMap<string, number>;
  readonly digestGroup?: ChatRef | undefined;
}

export function sendingRules(plan: Plan, calendar: HolidayCalendar): SendingRules {
  return { window: plan.sending_window, days: workingDays(calendar, plan.calendar_kind) };
}

export function planContext(input: ContextInput): PlanContext {
  const wd = workingDays(input.calendar, input.plan.calendar_kind);
  return {
    ...input,
    wd,
    rules: { window: input.plan.sending_window, days: wd },
    today: localDateOf(input.now),
    t: translator(input.lang),
    counts: new Map(input.counts),
    cap: input.plan.max_reminders_per_person_per_day,
  };
}

export function text(value: LocalizedText, lang: Lang): string {
  return lang === "en" ? (value.en ?? value.vi) : value.vi;
}

export function obligationRef(o: Obligation, lang: Lang): ObligationRef {
  return {
    code: o.code,
    kind: o.kind,
    name: text(o.name, lang),
    nilReport: o.nil_report,
    evidenceRequired: o.evidence_required,
    quota: o.quota
      ? {
          target: o.quota.target,
          counts: text(o.quota.counts, lang),
          channels: o.quota.channels,
          articleKind: o.quota.article_kind,
        }
      : undefined,
  };
}

export function periodRef(s: ScheduledPeriod, t: Translate): PeriodRef {
  const label = periodLabel(s.period);
  return {
    key: s.period.key,
    label: t(label.key, { ...label.params }),
    start: s.period.start,
    end: s.period.end,
    deadline: formatDateVi(s.dueDate),
    dueAt: s.dueAt,
  };
}

const addressees = new WeakMap<object, Map<string, Addressee>>();
const titles = new WeakMap<object, Map<string, string>>();

/** "Thầy", "Cô", "Thầy/Cô": three translations per pass, not one per person. */
function titleOf(ctx: Pick<PlanContext, "t">, addressAs: string): string {
  let cache = titles.get(ctx);
  if (!cache) {
    cache = new Map();
    titles.set(ctx, cache);
  }
  let title = cache.get(addressAs);
  if (title === undefined) {
    title = ctx.t(`reminders:address.${addressAs}`);
    cache.set(addressAs, title);
  }
  return title;
}

/** How a person is addressed; built once per person and planning pass (a wave names 60,000). */
export function addressee(ctx: Pick<PlanContext, "org" | "t">, personId: string): Addressee {
  let cache = addressees.get(ctx);
  if (!cache) {
    cache = new Map();
    addressees.set(ctx, cache);
  }
  const found = cache.get(personId);
  if (found) return found;
  const { addressAs, name } = addressAsOf(ctx.org, personId);
  const built = { personId, title: titleOf(ctx, addressAs ?? "neutral"), name };
  cache.set(personId, built);
  return built;
}

const owingCache = new WeakMap<PlanContext, Map<string, Unit[]>>();

/** Units that owe this obligation's period, in audience order. */
export function owingUnits(ctx: PlanContext, o: Obligation, s: ScheduledPeriod): Unit[] {
  let cache = owingCache.get(ctx);
  if (!cache) {
    cache = new Map();
    owingCache.set(ctx, cache);
  }
  const key = `${o.code}|${s.period.key}`;
  const found = cache.get(key);
  if (found) return found;
  const units = audienceUnits(o.audience, ctx.org.index).filter((u) => unitOwes(u, s));
  cache.set(key, units);
  return units;
}

export interface InstanceState {
  /** The unit still has to act: report not submitted nor exempt, quota short and not exempt. */
  readonly missing: boolean;
  readonly status: ReportStatus | "quota";
  readonly count: number;
}

export function instanceState(
  ctx: PlanContext,
  o: Obligation,
  s: ScheduledPeriod,
  unitId: string,
): InstanceState {
  const key = s.period.key;
  const exemption = ctx.facts.exemption(unitId, o.code, key);
  if (o.kind === "quota") {
    const count = ctx.facts.articleCount(unitId, o.code, key);
    return { missing: !exemption && count < (o.quota?.target ?? 0), status: "quota", count };
  }
  const status = reportStatus(s, ctx.now, {
    submission: ctx.facts.submission(unitId, o.code, key),
    exemption,
    nilAllowed: o.nil_report,
  });
  return { missing: status === "open" || status === "overdue" || status === "not_open", status, count: 0 };
}

const betweenCache = new WeakMap<WorkingDays, Map<string, number>>();

/** Working days strictly after `from` up to and including `to` (0 when to ≤ from). */
export function workingDaysBetween(wd: WorkingDays, from: string, to: string): number {
  let cache = betweenCache.get(wd);
  if (!cache) {
    cache = new Map();
    betweenCache.set(wd, cache);
  }
  const key = `${from}|${to}`;
  const found = cache.get(key);
  if (found !== undefined) return found;
  let n = 0;
  for (let d = wd.next(from); d <= to; d = wd.next(d)) n++;
  cache.set(key, n);
  return n;
}
