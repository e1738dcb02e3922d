/**
 * /baocao: what the unit has to send now, one button each, plus "Gửi tin bài" and "Báo cáo vụ
 * việc"; a head of several units first picks the unit. Unfinished drafts come first ("Tiếp tục").
 */

import type { ActivePlan } from "../../bot/status/sources";
import type { Button, TextPart } from "../../channels/types";
import { type Draft, listOpenDrafts } from "../../db/drafts";
import { getUnitById, type StoredUnit } from "../../db/index";
import { findSubmission, type StoredSubmission } from "../../db/submissions";
import type { ObligationInstance } from "../../domain/instances";
import { isUnitValidOn } from "../../domain/org";
import { localDateOf } from "../../domain/time";
import { localized, shorten } from "../text";
import type { Run } from "./context";
import { dueInstances, reportObligation } from "./instances";
import { dateText, instantText, labelText, periodText } from "./labels";
import { formatPayload, reportPayload } from "./payloads";
import { refuse, submittableUnit } from "./start";

/** Report lines listed at most (the rest: /trangthai). */
const MENU_MAX_REPORTS = 8;
/** Per report, unsent past periods listed at most (the most recent): weekly reports pile up. */
const MENU_MAX_OVERDUE_PER_REPORT = 2;

interface MenuItem {
  readonly instance: ObligationInstance;
  readonly sent: StoredSubmission | undefined;
}

/**
 * Per report: the next period due, the most recent unsent overdue ones, and sent ones the office
 * returned (to fix) or that are recent; by due date, at most MENU_MAX_REPORTS lines.
 */
async function menuItems(run: Run, active: ActivePlan, unit: StoredUnit, today: string): Promise<MenuItem[]> {
  const byObligation = new Map<string, ObligationInstance[]>();
  for (const i of dueInstances(active, unit, today)) {
    byObligation.set(i.obligationCode, [...(byObligation.get(i.obligationCode) ?? []), i]);
  }
  const items: MenuItem[] = [];
  for (const list of byObligation.values()) {
    const upcoming = list.find((i) => Date.parse(i.dueAt) >= run.now.getTime());
    const past = list.filter((i) => Date.parse(i.dueAt) < run.now.getTime());
    let overdue = 0;
    for (const i of [...past].reverse()) {
      const sent = await findSubmission(run.trx, i);
      if (sent?.reviewState === "returned" || (!sent && overdue++ < MENU_MAX_OVERDUE_PER_REPORT))
        items.push({ instance: i, sent });
    }
    if (upcoming) items.push({ instance: upcoming, sent: await findSubmission(run.trx, upcoming) });
  }
  return items.sort((a, b) => a.instance.dueAt.localeCompare(b.instance.dueAt)).slice(-MENU_MAX_REPORTS);
}
const DEFAULT_MAX_BUTTONS = 9;

function button(run: Run, text: string, payload: string): Button {
  return { label: { text: shorten(text, run.buttons()?.maxLabelChars ?? 40) }, payload };
}

/** The units the actor reports for, valid today. */
export async function ownUnits(run: Run): Promise<StoredUnit[]> {
  const today = localDateOf(run.now);
  const units: StoredUnit[] = [];
  for (const id of run.ctx.actor.ownUnitIds) {
    const unit = await getUnitById(run.trx, id);
    if (unit && isUnitValidOn(unit, today)) units.push(unit);
  }
  return units;
}

/** One unit to act for, or null after saying why not (none, or a choice to make first). */
export async function chooseUnit(
  run: Run,
  unitId: string | undefined,
  pick: (unitId: string) => string,
): Promise<StoredUnit | null> {
  if (unitId !== undefined) {
    const unit = await submittableUnit(run, unitId);
    if (!unit) await refuse(run);
    return unit ?? null;
  }
  const units = await ownUnits(run);
  if (units.length === 1) return units[0] as StoredUnit;
  if (units.length === 0) {
    const key = run.ctx.actor.seesAll ? "report:menu.officeHint" : "report:menu.noUnits";
    await run.say([{ key, params: { title: run.ctx.title, contact: run.ctx.contact } }]);
    return null;
  }
  await run.say(
    [{ key: "report:menu.pickUnit", params: { title: run.ctx.title } }],
    units.map((u) => button(run, u.name, pick(u.id))),
  );
  return null;
}

/** "Thầy đang làm dở báo cáo tháng 11/2026 — tiếp tục?" */
export async function offerDraft(run: Run, draft: Draft, prefix: readonly TextPart[] = []): Promise<void> {
  await run.say(
    [
      ...prefix,
      {
        key: "report:resume.offer",
        params: { title: run.ctx.title, name: labelText(draft.label, run.t, run.lang) },
      },
    ],
    [
      {
        label: { key: "report:button.resume" },
        payload: formatPayload({ type: "resume", draftId: draft.id }),
      },
      { label: { key: "report:button.later" }, payload: formatPayload({ type: "later" }) },
    ],
  );
}

export async function showMenu(run: Run, unitId?: string, prefix: readonly TextPart[] = []): Promise<void> {
  const active = await run.plan();
  if (!active)
    return run.say([
      { key: "report:menu.noPlan", params: { title: run.ctx.title, contact: run.ctx.contact } },
    ]);
  const unit = await chooseUnit(run, unitId, (id) => formatPayload({ type: "menu", unitId: id }));
  if (!unit) return;
  const today = localDateOf(run.now);
  const parts: TextPart[] = [...prefix];
  const buttons: Button[] = [];
  const drafts = (await listOpenDrafts(run.trx, run.personId)).filter((d) => d.unitId === unit.id);
  for (const d of drafts.slice(0, 2)) {
    const name = labelText(d.label, run.t, run.lang);
    buttons.push(
      button(run, run.t("report:menu.continue", { name }), formatPayload({ type: "resume", draftId: d.id })),
    );
  }
  const lines: string[] = [run.t("report:menu.heading", { unit: unit.name })];
  const items = await menuItems(run, active, unit, today);
  for (const { instance: i, sent } of items) {
    const obligation = reportObligation(active, i.obligationCode);
    if (!obligation) continue;
    const name = localized(obligation.name, run.lang);
    const period = periodText(obligation, active.calendar, i.periodKey, run.t);
    const due = dateText(new Date(i.dueAt));
    if (sent) {
      const key = sent.reviewState === "returned" ? "report:menu.lineReturned" : "report:menu.lineSent";
      lines.push(
        run.t(key, { name, period, reference: sent.reference, time: instantText(sent.submittedAt) }),
      );
      if (sent.reviewState === "returned") {
        buttons.push(
          button(
            run,
            run.t("report:menu.fix", { name, period }),
            formatPayload({ type: "reopen", reference: sent.reference }),
          ),
        );
      }
      continue;
    }
    const overdue = run.now.getTime() > Date.parse(i.dueAt);
    lines.push(run.t(overdue ? "report:menu.lineOverdue" : "report:menu.lineDue", { name, period, due }));
    // The period first: names are long and alike, buttons cut them at the end.
    const label = `${period.charAt(0).toUpperCase()}${period.slice(1)}: ${name}`;
    buttons.push(button(run, label, reportPayload(i.obligationCode, i.periodKey, unit)));
  }
  if (items.length === 0) lines.push(run.t("report:menu.nothingDue"));
  if (active.plan.obligations.some((o) => o.kind === "quota")) {
    buttons.push({
      label: { key: "report:button.article" },
      payload: formatPayload({ type: "article", unitId: unit.id }),
    });
  }
  if (active.plan.obligations.some((o) => o.kind === "event" && o.form)) {
    buttons.push({
      label: { key: "report:button.incident" },
      payload: formatPayload({ type: "incident", unitId: unit.id, fresh: false }),
    });
  }
  parts.push(
    { text: lines.join("\n") },
    { key: "report:menu.instructions", params: { title: run.ctx.title } },
  );
  await run.say(parts, buttons.slice(0, run.buttons()?.maxButtons ?? DEFAULT_MAX_BUTTONS));
}
