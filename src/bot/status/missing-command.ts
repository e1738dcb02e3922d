/**
 * "Which units have not sent it?" in the chat: the "Chưa nộp" buttons under /trangthai
 * (payload miss:<code>:<period>) and /chuanop (/missing) [<report> [<period>]]. Only the Văn
 * phòng and overseers get an answer, about their units only (missing.ts missingScope): the
 * payload names a report, never units, and a tap is checked like a typed command.
 */
import type { Button, TextPart } from "../../channels/types";
import type { Db } from "../../db/index";
import type { StoredUnit } from "../../db/units";
import { addMonths, firstOfMonth, lastOfMonth, yearMonthOf } from "../../domain/dates";
import { instancesOf, type ObligationSchedule } from "../../domain/instances";
import type { Obligation } from "../../domain/plan";
import { formatDateVi, localDateOf } from "../../domain/time";
import type { Lang } from "../../i18n/index";
import type { Actor } from "../actor";
import type { Reply, Speaker } from "../messages";
import { findReports, resolveReportPeriod, splitReportArgs } from "../report-args";
import { missingReport, missingScope } from "./missing";
import { type ButtonLimits, maxButtons, missingButton, periodText, renderMissing } from "./missing-render";
import { isSubmitted, type ReportLine, reportLines } from "./model";
import { periodExample, periodHelp } from "./period-help";
import { byObligationPeriod, localized } from "./render";
import { schedulesFor } from "./schedules";
import type { ActivePlan, ActivePlanSource, SubmissionStatusSource } from "./sources";

export interface MissingDeps {
  readonly plan: ActivePlanSource;
  readonly lang: Lang;
  readonly submissions: SubmissionStatusSource;
}

export interface MissingRequest {
  readonly actor: Actor;
  readonly units: ReadonlyMap<string, StoredUnit>;
  readonly sp: Speaker;
  readonly now: Date;
  /** The chat's channel: its button limits, null when it shows numbered choices instead. */
  readonly buttons?: ButtonLimits | null | undefined;
}

const noPlan = (sp: Speaker): Reply => ({
  parts: [{ key: "bot:status.noPlan", params: { title: sp.title, contact: sp.contact } }],
});

const notAllowed = (sp: Speaker): Reply => ({
  parts: [{ key: "missing:notAllowed", params: { title: sp.title } }],
});

/**
 * A "Chưa nộp" button per report period with units missing (open or overdue; a period not open
 * yet has none), within the channel's limits.
 */
export function missingButtons(
  lines: readonly ReportLine[],
  rc: { readonly t: Speaker["t"]; readonly lang: Lang },
  limits: ButtonLimits | null | undefined,
): Button[] {
  const buttons: Button[] = [];
  for (const group of byObligationPeriod(lines)) {
    const first = group[0] as ReportLine;
    // A period not open yet (next weeks of the month) has nobody missing: no button for it.
    const missing = group.filter((l) => !isSubmitted(l.status) && l.status !== "not_open").length;
    if (missing === 0) continue;
    const line = { obligation: first.obligation, periodKey: first.instance.periodKey, period: first.period };
    const button = missingButton(line, missing, rc, limits);
    if (button) buttons.push(button);
  }
  return buttons.slice(0, maxButtons(limits));
}

/** The tap on "Chưa nộp: …": the list of one report's period. */
export async function missingForPayload(
  db: Db,
  deps: MissingDeps,
  request: MissingRequest & { readonly code: string; readonly periodKey: string },
): Promise<Reply> {
  const scope = missingScope(request.actor, request.units, localDateOf(request.now));
  if (scope === null) return notAllowed(request.sp);
  const active = await deps.plan(db);
  if (!active) return noPlan(request.sp);
  return listFor(db, deps, request, active, scope, request.code, request.periodKey);
}

/** /chuanop [<report> [<period>]]. */
export async function missingForCommand(
  db: Db,
  deps: MissingDeps,
  request: MissingRequest & { readonly args: string },
): Promise<Reply> {
  const { sp } = request;
  const today = localDateOf(request.now);
  const scope = missingScope(request.actor, request.units, today);
  if (scope === null) return notAllowed(sp);
  const active = await deps.plan(db);
  if (!active) return noPlan(sp);
  const args = splitReportArgs(request.args);
  if (args.report === "") return currentList(db, deps, request, active, scope, null);
  if (args.period !== null) return listFor(db, deps, request, active, scope, args.report, args.period);
  const found = findReports(active.plan, args.report, ["report"]);
  if (found.length === 0) return unknownReport(active, args.report);
  return currentList(db, deps, request, active, scope, found);
}

async function listFor(
  db: Db,
  deps: MissingDeps,
  request: MissingRequest,
  active: ActivePlan,
  scope: readonly StoredUnit[],
  report: string,
  periodKey: string,
): Promise<Reply> {
  const { sp } = request;
  const today = localDateOf(request.now);
  const target = resolveReportPeriod(active, report, periodKey, ["report"]);
  if (!target.ok) {
    if (target.reason === "unknown_report") return unknownReport(active, report);
    if (target.reason === "ambiguous") {
      const first = target.candidates[0] as Obligation;
      const names = target.candidates.map((o) => `${localized(o.name, deps.lang)} (${o.code})`).join("; ");
      const example = periodExample(first, active.calendar, today);
      return { parts: [{ key: "missing:ambiguous", params: { report, names, code: first.code, example } }] };
    }
    const o = target.obligation;
    const help = periodHelp(o, active.calendar, today, sp.t);
    const params = { ...help, report: localized(o.name, deps.lang), period: periodKey, code: o.code };
    const key =
      target.detail === "inactive"
        ? "missing:inactive"
        : target.detail === "unknown_school_year"
          ? "missing:unknownSchoolYear"
          : target.detail === "no_due"
            ? "missing:noDue"
            : "missing:badPeriod";
    return { parts: [{ key, params: { ...params, contact: sp.contact } }] };
  }
  const result = await missingReport(db, {
    active,
    obligation: target.obligation,
    scheduled: target.scheduled,
    scope,
    units: request.units,
    now: request.now,
    submissions: deps.submissions,
  });
  const rc = { t: sp.t, lang: deps.lang, title: sp.title };
  return renderMissing(result, rc, request.actor.seesAll, scope.length === 0);
}

function unknownReport(active: ActivePlan, report: string): Reply {
  const codes = active.plan.obligations
    .filter((o) => o.kind === "report")
    .map((o) => o.code)
    .join(", ");
  return { parts: [{ key: "missing:unknownReport", params: { report, codes } }] };
}

/**
 * The reports of these obligations (all when null) whose period is open today and falls due last
 * month or this one (so that early December still shows November's stragglers), with their counts.
 */
async function currentList(
  db: Db,
  deps: MissingDeps,
  request: MissingRequest,
  active: ActivePlan,
  scope: readonly StoredUnit[],
  only: readonly Obligation[] | null,
): Promise<Reply> {
  const { sp } = request;
  const today = localDateOf(request.now);
  const month = yearMonthOf(today);
  const range = { from: firstOfMonth(addMonths(month, -1)), to: lastOfMonth(month) };
  const schedules: ObligationSchedule[] = [];
  for (const s of schedulesFor(active.plan, active.calendar, "report", range)) {
    if (only && !only.includes(s.obligation)) continue;
    const periods = s.periods.filter((p) => p.opensOn <= today);
    if (periods.length > 0) schedules.push({ ...s, periods });
  }
  const lines = await reportLines(db, active, instancesOf(schedules, scope), request.now, deps.submissions);
  const rc = { t: sp.t, lang: deps.lang };
  const first = only?.[0] ?? active.plan.obligations.find((o) => o.kind === "report");
  const example = first ? periodExample(first, active.calendar, today) : "";
  if (lines.length === 0) {
    if (only && first) {
      const params = { report: localized(first.name, deps.lang), code: first.code, example };
      return { parts: [{ key: "missing:current.noneFor", params }] };
    }
    return { parts: [{ key: "missing:current.none" }] };
  }
  const text = [sp.t("missing:current.heading")];
  for (const group of byObligationPeriod(lines)) {
    const l = group[0] as ReportLine;
    text.push(
      sp.t("missing:current.line", {
        report: localized(l.obligation.name, deps.lang),
        period: periodText(l.period, l.instance.periodKey, sp.t),
        due: formatDateVi(l.instance.dueDate),
        missing: group.filter((x) => !isSubmitted(x.status)).length,
        total: group.length,
      }),
    );
  }
  const parts: TextPart[] = [{ text: text.join("\n") }];
  const buttons = missingButtons(lines, rc, request.buttons);
  if (first) parts.push({ key: "missing:current.hint", params: { code: first.code, example } });
  return buttons.length > 0 ? { parts, buttons } : { parts };
}
