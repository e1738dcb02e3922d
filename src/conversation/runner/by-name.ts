/**
 * Typing a report's name starts it: "báo cáo tháng", "bao cao du luan", "tin bài", "vụ việc".
 * The next instance of the matched report for the person's unit is opened (the earliest still to
 * send); several matches show the list instead.
 */

import { findSubmission } from "../../db/submissions";
import { localDateOf } from "../../domain/time";
import { translator } from "../../i18n/index";
import { localized } from "../text";
import type { Run } from "./context";
import { startArticle, startIncident } from "./flows";
import { isReportWithForm, nextInstances, type ReportObligation } from "./instances";
import { matchName, type NameCandidate } from "./match";
import { ownUnits, showMenu } from "./menu";
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
  let chosen = instances[0];
  for (const i of instances) {
    if (!(await findSubmission(run.trx, i))) {
      chosen = i;
      break;
    }
  }
  if (!chosen) {
    const name = localized(target.obligation.name, run.lang);
    await run.say([{ key: "report:match.notDue", params: { name, title: run.ctx.title } }]);
    return true;
  }
  await startReport(run, unit, target.obligation, chosen.periodKey);
  return true;
}
