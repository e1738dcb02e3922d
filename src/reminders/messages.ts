/**
 * MessageSpec → OutboundMessage (pure). Single reminders speak in i18n keys; lists (escalations,
 * digests) are rendered to text here, in the reader's language, so every channel shows them as
 * consecutive lines. Every reminder names the report, the period, the deadline as dd/mm/yyyy and
 * what is missing, and carries a button to start it — and says to tap it, because on Zalo OA a
 * tap keeps the free 48-hour window open.
 */
import type { Button, OutboundMessage, TextPart } from "../channels/types";
import { type Translate, translator } from "../i18n/index";
import type { Addressee, MessageSpec, UnitItem } from "./types";

/** Telegram's callback_data limit, the smallest of our channels. */
export const BUTTON_PAYLOAD_MAX_BYTES = 64;
/** Lines of units in one escalation or digest; the rest is counted ("… and 120 more"). */
export const MAX_LIST_LINES = 60;

/**
 * "report:<obligationCode>:<periodKey>:<unitId>", the payload the conversation runner starts a
 * report from (src/conversation/runner/payloads.ts). When a long code and period leave no room
 * for the unit id in 64 bytes, the unit's code goes instead, and failing that nothing (the runner
 * then takes the person's own unit).
 */
export function reportPayload(
  obligationCode: string,
  periodKey: string,
  unitId: string,
  unitCode?: string,
): string {
  const base = `report:${obligationCode}:${periodKey}`;
  for (const unit of [unitId, unitCode]) {
    if (unit === undefined) continue;
    const full = `${base}:${unit}`;
    if (Buffer.byteLength(full, "utf8") <= BUTTON_PAYLOAD_MAX_BYTES) return full;
  }
  return base;
}

/** "remind:<obligationCode>:<periodKey>": remind every missing unit again (office staff only). */
export function remindAllPayload(obligationCode: string, periodKey: string): string {
  return `remind:${obligationCode}:${periodKey}`;
}

function greeting(spec: { readonly addressee: Addressee }): TextPart {
  return { key: "reminders:greeting", params: { title: spec.addressee.title, name: spec.addressee.name } };
}

function reminderMessage(spec: Extract<MessageSpec, { kind: "reminder" }>, t: Translate): OutboundMessage {
  const { obligation: o, period: p, unit, step } = spec;
  const title = spec.addressee.title;
  const base = {
    report: o.name,
    period: p.label,
    unit: unit.unitName,
    deadline: p.deadline,
    days: spec.days,
  };
  const parts: TextPart[] = [greeting(spec)];
  const quota = o.quota;
  if (o.kind === "quota" && quota) {
    const count = unit.count ?? 0;
    const q = { ...base, count, target: quota.target, counts: quota.counts };
    const key =
      step.kind === "after" || step.kind === "manual"
        ? "reminders:quota.after"
        : count === 0
          ? "reminders:quota.mid"
          : "reminders:quota.progress";
    parts.push({ key, params: q });
    parts.push({
      key: "reminders:missing.quota",
      params: { ...q, missing: Math.max(0, quota.target - count) },
    });
  } else {
    const key =
      step.kind === "before"
        ? "reminders:report.before"
        : step.kind === "due"
          ? "reminders:report.due"
          : step.kind === "manual"
            ? "reminders:report.manual"
            : "reminders:report.after";
    parts.push({ key, params: base });
    parts.push({ key: "reminders:missing.report", params: { period: p.label } });
    if (o.nilReport) parts.push({ key: "reminders:missing.nil", params: { title } });
    if (o.evidenceRequired) parts.push({ key: "reminders:missing.evidence" });
  }
  if (spec.onBehalfOf) parts.push({ key: "reminders:onBehalf", params: { title, person: spec.onBehalfOf } });
  const buttonKey = o.kind === "quota" ? "reminders:button.declare" : "reminders:button.start";
  parts.push({ key: "reminders:tap", params: { title, button: label(spec.lang, buttonKey, t) } });
  const button: Button = {
    label: { key: buttonKey },
    payload: reportPayload(o.code, p.key, unit.unitId, unit.unitCode),
  };
  return {
    lang: spec.lang,
    parts,
    buttons: [button],
    reminder: {
      type:
        o.kind === "quota" ? "quota" : step.kind === "before" || step.kind === "due" ? "due_soon" : "overdue",
      params: { unit: unit.unitName, report: o.name, period: p.label, deadline: p.deadline },
    },
  };
}

function listLines(items: readonly UnitItem[], line: (i: UnitItem) => string, t: Translate): string[] {
  const lines = items.slice(0, MAX_LIST_LINES).map(line);
  if (items.length > MAX_LIST_LINES)
    lines.push(t("reminders:escalation.more", { count: items.length - MAX_LIST_LINES }));
  return lines;
}

function escalationMessage(
  spec: Extract<MessageSpec, { kind: "escalation" }>,
  t: Translate,
): OutboundMessage {
  const { obligation: o, period: p } = spec;
  const quota = o.kind === "quota";
  const head = t(quota ? "reminders:escalation.quota" : "reminders:escalation.report", {
    report: o.name,
    period: p.label,
    deadline: p.deadline,
    days: spec.days,
  });
  const lines = listLines(
    spec.items,
    (i) =>
      quota
        ? t("reminders:escalation.lineQuota", {
            unit: i.unitName,
            count: i.count ?? 0,
            target: o.quota?.target ?? 0,
          })
        : t("reminders:escalation.line", { unit: i.unitName }),
    t,
  );
  const buttons = spec.remindButton
    ? [{ label: { key: "reminders:button.remindAll" }, payload: remindAllPayload(o.code, p.key) }]
    : undefined;
  return {
    lang: spec.lang,
    parts: [
      greeting(spec),
      { text: [head, ...lines].join("\n") },
      { key: "reminders:escalation.outro", params: { title: spec.addressee.title } },
    ],
    buttons,
    reminder: { type: "escalation", params: { report: o.name, period: p.label, deadline: p.deadline } },
  };
}

type MissingSpec = Extract<MessageSpec, { kind: "digest_missing" | "digest_group" }>;

/** The title and the missing units grouped by reporting line, at most MAX_LIST_LINES of them. */
function missingText(spec: MissingSpec, t: Translate, moreKey: string): string {
  const { obligation: o, period: p } = spec;
  const groups = new Map<string, UnitItem[]>();
  for (const item of spec.items) {
    const line = item.line ?? t("reminders:digest.noLine");
    const list = groups.get(line);
    if (list) list.push(item);
    else groups.set(line, [item]);
  }
  const lines: string[] = [];
  let shown = 0;
  for (const [line, items] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, "vi"))) {
    if (shown >= MAX_LIST_LINES) break;
    lines.push(t("reminders:digest.missingGroup", { line, count: items.length }));
    for (const item of items) {
      if (shown >= MAX_LIST_LINES) break;
      lines.push(t("reminders:escalation.line", { unit: item.unitName }));
      shown++;
    }
  }
  if (spec.items.length > shown) lines.push(t(moreKey, { count: spec.items.length - shown }));
  const title = t("reminders:digest.missingTitle", {
    report: o.name,
    period: p.label,
    deadline: p.deadline,
    count: spec.items.length,
    total: spec.total,
  });
  return [title, ...lines].join("\n");
}

function missingDigest(
  spec: Extract<MessageSpec, { kind: "digest_missing" }>,
  t: Translate,
): OutboundMessage {
  const { obligation: o, period: p } = spec;
  return {
    lang: spec.lang,
    parts: [
      greeting(spec),
      { text: missingText(spec, t, "reminders:digest.missingMore") },
      { key: "reminders:digest.missingButton", params: { button: t("reminders:button.remindAll") } },
    ],
    buttons: [{ label: { key: "reminders:button.remindAll" }, payload: remindAllPayload(o.code, p.key) }],
  };
}

/** The same list for the Sở's Zalo group: nobody by name, no button, no office-only hints. */
function groupDigest(spec: Extract<MessageSpec, { kind: "digest_group" }>, t: Translate): OutboundMessage {
  return {
    lang: spec.lang,
    parts: [
      { key: "reminders:groupDigest.intro" },
      { text: missingText(spec, t, "reminders:escalation.more") },
      { key: "reminders:groupDigest.outro" },
    ],
  };
}

function weeklyDigest(spec: Extract<MessageSpec, { kind: "digest_weekly" }>, t: Translate): OutboundMessage {
  const title = t("reminders:digest.weeklyTitle", { unit: spec.unitName, week: spec.week });
  return { lang: spec.lang, parts: [greeting(spec), { text: [title, ...spec.lines].join("\n") }] };
}

/** The message for a spec; null when a list has no unit left (everyone submitted meanwhile). */
const translators = new Map<string, Translate>();
const labels = new Map<string, string>();

/** A button label in the reader's language (translated once per process). */
function label(lang: string, key: string, t: Translate): string {
  const k = `${lang}|${key}`;
  let value = labels.get(k);
  if (value === undefined) {
    value = t(key);
    labels.set(k, value);
  }
  return value;
}

export function buildMessage(spec: MessageSpec): OutboundMessage | null {
  let t = translators.get(spec.lang);
  if (!t) {
    t = translator(spec.lang);
    translators.set(spec.lang, t);
  }
  switch (spec.kind) {
    case "reminder":
      return reminderMessage(spec, t);
    case "escalation":
      return spec.items.length === 0 ? null : escalationMessage(spec, t);
    case "digest_missing":
      return spec.items.length === 0 ? null : missingDigest(spec, t);
    case "digest_group":
      return spec.items.length === 0 ? null : groupDigest(spec, t);
    case "digest_weekly":
      return spec.lines.length === 0 ? null : weeklyDigest(spec, t);
  }
}
