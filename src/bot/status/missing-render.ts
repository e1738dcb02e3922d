/**
 * A missing list as text, and the buttons that lead to it.
 *
 * Personal data (Law 91/2025/QH15, purpose limitation): people's phone numbers were collected so
 * that the Văn phòng Sở can reach the units it chases for reports. The Văn phòng gets them here
 * because calling the communications officer or the head of a late unit is exactly that purpose.
 * Overseers (heads of a Phòng, a commune office, a cluster) see the same units and names, and the
 * unit's own phone (an office number, not personal data), but not people's phones: following
 * their units needs no new copy of personal numbers, which they have through their own channels
 * when they need them. The CLI is the operator's, who holds the whole database, and prints them.
 */
import type { Button, TextPart } from "../../channels/types";
import { shorten, utf8Bytes } from "../../conversation/text";
import { periodLabel } from "../../domain/period-labels";
import type { Period } from "../../domain/periods";
import type { Obligation } from "../../domain/plan";
import { formatDateVi } from "../../domain/time";
import type { Lang, Translate } from "../../i18n/index";
import type { Reply } from "../messages";
import { byLine, type MissingEntry, type MissingReport } from "./missing";
import { localized } from "./render";

/** Telegram's callback_data limit, which every channel's payloads stay within. */
export const MAX_PAYLOAD_BYTES = 64;

/** What the chat's channel allows; null for channels that show choices as a numbered list. */
export interface ButtonLimits {
  readonly maxButtons: number;
  readonly maxLabelChars: number;
}

/** Labels when the channel is unknown: short enough for every channel that has buttons. */
const DEFAULT_LABEL_CHARS = 40;
/** Numbered choices have no label limit, but a line of the list should stay one line. */
const NUMBERED_LABEL_CHARS = 64;
const DEFAULT_MAX_BUTTONS = 10;
/**
 * Units listed in the chat at most: early in a month the Văn phòng's list can hold thousands, which
 * on Telegram would be dozens of messages at one a second. The rest: "Tải Excel" or the CLI.
 */
export const MAX_UNITS_IN_CHAT = 60;

export function labelChars(limits: ButtonLimits | null | undefined): number {
  if (limits === null) return NUMBERED_LABEL_CHARS;
  return limits?.maxLabelChars ?? DEFAULT_LABEL_CHARS;
}

export function maxButtons(limits: ButtonLimits | null | undefined): number {
  return limits?.maxButtons ?? DEFAULT_MAX_BUTTONS;
}

export interface MissingRenderContext {
  readonly t: Translate;
  readonly lang: Lang;
  /** How the reader is addressed ("Cô", "Thầy"). */
  readonly title: string;
}

/** "11/2026" for a month, the key otherwise ("2026-W48", "2026-2027-HK1"): short, for buttons. */
export function shortPeriod(period: Period | null, key: string): string {
  if (period?.shape === "month") return `${period.month}/${period.year}`;
  return key;
}

export function periodText(period: Period | null, key: string, t: Translate): string {
  if (!period) return key;
  const label = periodLabel(period);
  return t(label.key, label.params);
}

/** The payload, or null when it would not fit in a button (a very long plan code). */
export function payloadOf(
  prefix: "miss" | "remind" | "xlsx",
  code: string,
  periodKey: string,
): string | null {
  const payload = `${prefix}:${code}:${periodKey}`;
  return utf8Bytes(payload) <= MAX_PAYLOAD_BYTES ? payload : null;
}

/** "Chưa nộp: Báo cáo công tác… 11/2026 (3)", the report name cut to fit the channel's label. */
export function missingButton(
  line: { readonly obligation: Obligation; readonly periodKey: string; readonly period: Period | null },
  count: number,
  rc: Pick<MissingRenderContext, "t" | "lang">,
  limits: ButtonLimits | null | undefined,
): Button | null {
  const payload = payloadOf("miss", line.obligation.code, line.periodKey);
  if (payload === null) return null;
  const max = labelChars(limits);
  const params = { period: shortPeriod(line.period, line.periodKey), count };
  const frame = rc.t("missing:button.missing", { ...params, report: "" });
  const report = shorten(localized(line.obligation.name, rc.lang), Math.max(8, max - [...frame].length));
  return { label: { text: shorten(rc.t("missing:button.missing", { ...params, report }), max) }, payload };
}

function stateText(e: MissingEntry, t: Translate): string {
  if (e.status === "overdue")
    return e.daysLate > 0
      ? t("missing:state.overdue", { days: e.daysLate })
      : t("missing:state.overdueToday");
  return t(e.status === "not_open" ? "missing:state.notOpen" : "missing:state.open");
}

/**
 * One paragraph per reporting line: the line, then each unit with its state, its phone and whom
 * to call. People's phones only with `phones` (see the header).
 */
export function groupParagraphs(entries: readonly MissingEntry[], t: Translate, phones: boolean): string[] {
  return byLine(entries).map((group) => {
    const count = group.entries.length;
    const lines = [
      group.line ? t("missing:group", { line: group.line.name, count }) : t("missing:groupNone", { count }),
    ];
    for (const e of group.entries) {
      lines.push(t("missing:unit", { unit: e.unit.name, code: e.unit.code, state: stateText(e, t) }));
      if (e.unit.phone) lines.push(t("missing:unitPhone", { phone: e.unit.phone }));
      if (e.contacts.length === 0) lines.push(t("missing:noContact"));
      for (const c of e.contacts) {
        const params = {
          role: t(`bot:role.${c.role}`),
          title: t(`bot:address.${c.addressAs ?? "neutral"}`),
          name: c.fullName,
          phone: c.phone,
        };
        lines.push(t(phones && c.phone ? "missing:contactPhone" : "missing:contact", params));
      }
    }
    return lines.join("\n");
  });
}

/**
 * The list as a reply. The Văn phòng (`office`) also gets people's phones and, under the list,
 * "Nhắc các đơn vị này" (the digest's remind:<code>:<period>, answered by src/reminders/chat.ts as
 * /nhacnho is) and "Tải Excel" (xlsx:<code>:<period>, the export's own handler).
 */
export function renderMissing(
  report: MissingReport,
  rc: MissingRenderContext,
  office: boolean,
  scopeEmpty: boolean,
): Reply {
  const { t } = rc;
  const { obligation, scheduled } = report;
  const params = {
    report: localized(obligation.name, rc.lang),
    period: periodText(scheduled.period, scheduled.period.key, t),
    due: formatDateVi(scheduled.dueDate),
    total: report.total,
    missing: report.missing.length,
    title: rc.title,
  };
  if (report.total === 0 || scopeEmpty) return { parts: [{ key: "missing:noneOwing", params }] };
  if (report.missing.length === 0) return { parts: [{ key: "missing:none", params }] };
  const shown = report.missing.slice(0, MAX_UNITS_IN_CHAT);
  const parts: TextPart[] = [
    { key: "missing:heading", params },
    ...groupParagraphs(shown, t, office).map((text) => ({ text })),
  ];
  const more = report.missing.length - shown.length;
  if (more > 0) parts.push({ key: office ? "missing:moreOffice" : "missing:more", params: { count: more } });
  if (!office) return { parts };
  if (report.missing.some((e) => e.contacts.some((c) => c.phone))) parts.push({ key: "missing:privacy" });
  const buttons: Button[] = [];
  const remind = payloadOf("remind", obligation.code, scheduled.period.key);
  if (remind) buttons.push({ label: { key: "missing:button.remind" }, payload: remind });
  const xlsx = payloadOf("xlsx", obligation.code, scheduled.period.key);
  if (xlsx) buttons.push({ label: { key: "missing:button.excel" }, payload: xlsx });
  return buttons.length > 0 ? { parts, buttons } : { parts };
}
