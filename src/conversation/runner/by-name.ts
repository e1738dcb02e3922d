/**
 * Typing a report's name starts it: "báo cáo tháng", "bao cao du luan", "tin bài", "vụ việc".
 * The matched report's one period still to send is opened; when several are (last month's is
 * overdue and this month's is open), the person picks the period; several reports match: the list.
 */

import type { Button } from "../../channels/types";
import type { StoredUnit } from "../../db/index";
import { findSubmission } from "../../db/submissions";
import type { ObligationInstance } from "../../domain/instances";
import type { HolidayCalendar } from "../../domain/plan";
import { localDateOf } from "../../domain/time";
import { translator } from "../../i18n/index";
import { localized, shorten } from "../text";
import type { Run } from "./context";
import { startArticle, startIncident } from "./flows";
import { isReportWithForm, nextInstances, type ReportObligation } from "./instances";
import { dateText, periodText } from "./labels";
import { matchName, type NameCandidate } from "./match";
import { ownUnits, showMenu } from "./menu";
import { reportPayload } from "./payloads";
import { startReport } from "./start";

type Target =
  | { readonly kind: "report"; readonly obligation: ReportObligation }
  | { readonly kind: "article" }
  | { readonly kind: "incident" };

/** Names of the two non-calendar flows, in both languages. */
function flowNames(key: string): string[] {
  return [translator("vi")(key), translator("en")(key)].flatMap((s) => s.split("|"));
}

/** True when the text named something and the person got an answer about it. */
export async function startByName(run: Run, text: string): Promise<boolean> {
  const active = await run.plan();
  if (!active) return false;
  const today = localDateOf(run.now);
  const units = await ownUnits(run);
  const unit = units.length === 1 ? units[0] : undefined;
  // With one unit, only the reports it owes are candidates ("báo cáo tháng" is then unambiguous).
  const reports = active.plan.obligations
    .filter(isReportWithForm)
    .filter((o) => !unit || nextInstances(active, unit, o, today).length > 0);
  const candidates: NameCandidate<Target>[] = reports.map((o) => ({
    value: { kind: "report", obligation: o },
    names: [o.name.vi, ...(o.name.en ? [o.name.en] : []), o.code.replace(/_/g, " ")],
  }));
  candidates.push({ value: { kind: "article" }, names: flowNames("report:names.article") });
  if (active.plan.obligations.some((o) => o.kind === "event" && o.form)) {
    candidates.push({ value: { kind: "incident" }, names: flowNames("report:names.incident") });
  }
  const found = matchName(text, candidates);
  if (found.length === 0) return false;
  if (found.length > 1) {
    await showMenu(run, undefined, [{ key: "report:match.several", params: { title: run.ctx.title } }]);
    return true;
  }
  const target = found[0] as Target;
  if (target.kind === "article") {
    await startArticle(run);
    return true;
  }
  if (target.kind === "incident") {
    await startIncident(run, undefined, false);
    return true;
  }
  if (!unit) {
    await showMenu(run);
    return true;
  }
  const instances = nextInstances(active, unit, target.obligation, today);
  const unsent: ObligationInstance[] = [];
  for (const i of instances) if (!(await findSubmission(run.trx, i))) unsent.push(i);
  const chosen = unsent[0] ?? instances[0];
  if (!chosen) {
    const name = localized(target.obligation.name, run.lang);
    await run.say([{ key: "report:match.notDue", params: { name, title: run.ctx.title } }]);
    return true;
  }
  // Several periods still to send (one overdue, the current one…): the person says which.
  if (unsent.length > 1) {
    await askPeriod(run, active.calendar, unit, target.obligation, unsent);
    return true;
  }
  await startReport(run, unit, target.obligation, chosen.periodKey);
  return true;
}

/** Periods offered at most: the current one and the most recent overdue ones (as in /baocao). */
const MAX_PERIODS = 3;

async function askPeriod(
  run: Run,
  calendar: HolidayCalendar,
  unit: StoredUnit,
  obligation: ReportObligation,
  unsent: readonly ObligationInstance[],
): Promise<void> {
  const name = localized(obligation.name, run.lang);
  // Soonest deadline still ahead first, then the overdue ones from the most recent.
  const ahead = unsent.filter((i) => Date.parse(i.dueAt) >= run.now.getTime()).slice(0, 1);
  const overdue = unsent.filter((i) => Date.parse(i.dueAt) < run.now.getTime()).reverse();
  const offered = [...ahead, ...overdue].slice(0, MAX_PERIODS);
  const lines: string[] = [];
  const buttons: Button[] = [];
  for (const i of offered) {
    const period = periodText(obligation, calendar, i.periodKey, run.t);
    const due = dateText(new Date(i.dueAt));
    const late = run.now.getTime() > Date.parse(i.dueAt);
    // The heading names the report: each line is its period ("• Tháng 11/2026 — hạn 24/11/2026").
    const label = `${period.charAt(0).toUpperCase()}${period.slice(1)}`;
    lines.push(run.t(late ? "report:match.periodOverdue" : "report:match.periodDue", { period: label, due }));
    buttons.push({
      label: { text: shorten(label, run.buttons()?.maxLabelChars ?? 40) },
      payload: reportPayload(i.obligationCode, i.periodKey, unit),
    });
  }
  await run.say(
    [{ key: "report:match.whichPeriod", params: { name, title: run.ctx.title } }, { text: lines.join("\n") }],
    buttons,
  );
}
