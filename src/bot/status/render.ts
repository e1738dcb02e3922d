/**
 * Status data → message paragraphs: per unit for the people who report, a count summary for
 * those who oversee many units (cluster and commune heads, Văn phòng staff).
 */
import type { TextPart } from "../../channels/types";
import type { StoredUnit } from "../../db/units";
import { monthOf, yearOf } from "../../domain/dates";
import { periodLabel } from "../../domain/period-labels";
import type { Period } from "../../domain/periods";
import type { LocalizedText } from "../../domain/plan";
import type { ReportStatus } from "../../domain/status";
import { formatDateVi } from "../../domain/time";
import type { Lang, Translate } from "../../i18n/index";
import { isSubmitted, type QuotaLine, type ReportLine, type StatusData } from "./model";

export interface RenderContext {
  readonly t: Translate;
  readonly lang: Lang;
}

export function localized(text: LocalizedText, lang: Lang): string {
  return lang === "en" ? (text.en ?? text.vi) : text.vi;
}

/** "tháng 11/2026" etc. from the periods namespace; the period key when the calendar lacks it. */
function periodText(period: Period | null, fallback: string, t: Translate): string {
  if (!period) return fallback;
  const label = periodLabel(period);
  return t(label.key, label.params);
}

/** A quota's period as the start of a line: "Tuần này", "Tháng 11/2026", "Năm học 2026-2027". */
function quotaPeriodText(line: QuotaLine, t: Translate): string {
  if (line.period?.shape === "week") return t("bot:status.thisWeek");
  const text = periodText(line.period, line.instance.periodKey, t);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const STATE_KEYS: Record<ReportStatus, string> = {
  not_open: "bot:status.state.missing",
  open: "bot:status.state.missing",
  overdue: "bot:status.state.overdue",
  submitted_on_time: "bot:status.state.submitted",
  submitted_late: "bot:status.state.late",
  exempt: "bot:status.state.exempt",
};

function reportState(line: ReportLine, t: Translate): string {
  return t(STATE_KEYS[line.status]);
}

function monthParams(today: string) {
  return { month: monthOf(today), year: yearOf(today) };
}

/** One paragraph per unit: its reports due this month, then its running quotas. */
export function renderUnit(unit: StoredUnit, data: StatusData, rc: RenderContext): TextPart[] {
  const { t, lang } = rc;
  const reports = data.reports.filter((r) => r.instance.unitId === unit.id);
  const quotas = data.quotas.filter((q) => q.instance.unitId === unit.id);
  const lines = [t("bot:status.heading", { unit: unit.name, ...monthParams(data.today) })];
  if (reports.length === 0) lines.push(t("bot:status.noReports"));
  for (const r of reports) {
    lines.push(
      t("bot:status.report", {
        name: localized(r.obligation.name, lang),
        period: periodText(r.period, r.instance.periodKey, t),
        due: formatDateVi(r.instance.dueDate),
        state: reportState(r, t),
      }),
    );
  }
  const parts: TextPart[] = [{ text: lines.join("\n") }];
  if (quotas.length > 0) {
    const quotaLines = [t("bot:status.quotasTitle")];
    for (const q of quotas) {
      quotaLines.push(
        t(q.exempt ? "bot:status.quotaExempt" : "bot:status.quota", {
          name: localized(q.obligation.name, lang),
          period: quotaPeriodText(q, t),
          count: q.count,
          target: q.target,
          counts: localized(q.obligation.quota?.counts ?? { vi: "" }, lang),
        }),
      );
    }
    parts.push({ text: quotaLines.join("\n") });
  }
  return parts;
}

/** Lines grouped by obligation and period, in first-seen (plan) order. */
export function byObligationPeriod<L extends ReportLine | QuotaLine>(lines: readonly L[]): L[][] {
  const groups = new Map<string, L[]>();
  for (const line of lines) {
    const key = `${line.instance.obligationCode}|${line.instance.periodKey}`;
    const list = groups.get(key);
    if (list) list.push(line);
    else groups.set(key, [line]);
  }
  return [...groups.values()];
}

/**
 * Counts per obligation and period over many units: who submitted, who reached the quota; an
 * exempt unit counts as having submitted or reached it (as the reminder planner leaves it alone).
 */
export function renderSummary(heading: string, data: StatusData, rc: RenderContext): TextPart[] {
  const { t, lang } = rc;
  const lines = [heading];
  for (const group of byObligationPeriod(data.reports)) {
    const first = group[0] as ReportLine;
    const submitted = group.filter((r) => isSubmitted(r.status)).length;
    lines.push(
      t("bot:status.summaryReport", {
        name: localized(first.obligation.name, lang),
        period: periodText(first.period, first.instance.periodKey, t),
        due: formatDateVi(first.instance.dueDate),
        submitted,
        total: group.length,
        missing: group.length - submitted,
      }),
    );
  }
  for (const group of byObligationPeriod(data.quotas)) {
    const first = group[0] as QuotaLine;
    lines.push(
      t("bot:status.summaryQuota", {
        name: localized(first.obligation.name, lang),
        period: quotaPeriodText(first, t),
        reached: group.filter((q) => q.met).length,
        total: group.length,
      }),
    );
  }
  if (lines.length === 1) lines.push(t("bot:status.summaryEmpty"));
  return [{ text: lines.join("\n") }];
}
