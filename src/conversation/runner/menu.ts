/**
 * /baocao: what the unit has to send now, one button each, plus "Gửi tin bài" and "Báo cáo vụ
 * việc"; a head of several units first picks the unit. Unfinished drafts come first ("Tiếp tục").
 */
import type { Button, TextPart } from "../../channels/types";
import { type Draft, listOpenDrafts } from "../../db/drafts";
import { getUnitById, type StoredUnit } from "../../db/index";
import { findSubmission } from "../../db/submissions";
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
  const instances = dueInstances(active, unit, today).slice(0, MENU_MAX_REPORTS);
  for (const i of instances) {
    const obligation = reportObligation(active, i.obligationCode);
    if (!obligation) continue;
    const name = localized(obligation.name, run.lang);
    const period = periodText(obligation, active.calendar, i.periodKey, run.t);
    const sent = await findSubmission(run.trx, i);
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
  if (instances.length === 0) lines.push(run.t("report:menu.nothingDue"));
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
