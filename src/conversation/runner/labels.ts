/** Names people read: obligations in their language, periods ("tháng 11/2026"), instants. */
import type { DraftLabel } from "../../db/drafts";
import { periodForKey } from "../../domain/period-keys";
import { periodLabel } from "../../domain/period-labels";
import type { HolidayCalendar, Obligation } from "../../domain/plan";
import { formatDateVi, localDateOf, localTimeOf } from "../../domain/time";
import type { Lang, Translate } from "../../i18n/index";
import { localized } from "../text";

export function draftLabel(obligation: Obligation, calendar: HolidayCalendar, periodKey: string): DraftLabel {
  const period = periodKey === "" ? null : periodForKey(obligation.period, calendar, periodKey);
  return { name: obligation.name, period: period?.ok ? periodLabel(period.value) : null };
}

/** "Báo cáo công tác truyền thông hằng tháng, tháng 11/2026" (or the name alone). */
export function labelText(label: DraftLabel, t: Translate, lang: Lang): string {
  const name = localized(label.name, lang);
  return label.period ? `${name}, ${t(label.period.key, label.period.params)}` : name;
}

export function periodText(
  obligation: Obligation,
  calendar: HolidayCalendar,
  periodKey: string,
  t: Translate,
): string {
  const period = periodForKey(obligation.period, calendar, periodKey);
  if (!period.ok) return periodKey;
  const label = periodLabel(period.value);
  return t(label.key, label.params);
}

/** "10/11/2026 10:05" in Hà Nội time. */
export function instantText(at: Date): string {
  return `${formatDateVi(localDateOf(at))} ${localTimeOf(at)}`;
}

export function dateText(at: Date): string {
  return formatDateVi(localDateOf(at));
}

/** A quota's period at the start of a line, as /trangthai shows it: "Tuần này", "Năm 2026". */
export function quotaPeriodText(
  obligation: Obligation,
  calendar: HolidayCalendar,
  periodKey: string,
  t: Translate,
): string {
  const period = periodForKey(obligation.period, calendar, periodKey);
  if (period.ok && period.value.shape === "week") return t("report:article.thisWeek");
  const text = periodText(obligation, calendar, periodKey, t);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
