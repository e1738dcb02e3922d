/** Starting the two flows that are not calendar reports: "Gửi tin bài" and "Báo cáo vụ việc". */
import type { Button } from "../../channels/types";
import { findOpenDraftFor } from "../../db/drafts";
import { findIncidentByRef, openIncidentsOfUnit } from "../../db/incidents";
import type { StoredUnit } from "../../db/index";
import type { LocalizedText, Obligation } from "../../domain/plan";
import { translator } from "../../i18n/index";
import type { Run } from "./context";
import { ARTICLE_CODE } from "./forms";
import { dateText } from "./labels";
import { chooseUnit } from "./menu";
import { formatPayload } from "./payloads";
import { refuse } from "./start";
import { resumeDraft, startDraft } from "./step";

/** A draft's name in both languages (drafts are named without the translator at hand later). */
function bothLanguages(key: string, params?: Record<string, unknown>): LocalizedText {
  return { vi: translator("vi")(key, params), en: translator("en")(key, params) };
}

/** Open incidents offered as "Cập nhật vụ việc …" at most. */
const MAX_UPDATE_CHOICES = 3;

export async function startArticle(run: Run, unitId?: string): Promise<void> {
  const unit = await chooseUnit(run, unitId, (id) => formatPayload({ type: "article", unitId: id }));
  if (!unit) return;
  const key = {
    personId: run.personId,
    unitId: unit.id,
    kind: "article" as const,
    obligationCode: ARTICLE_CODE,
    periodKey: "",
  };
  const label = { name: bothLanguages("report:label.article"), period: null };
  const intro = [{ key: "report:article.intro", params: { unit: unit.name, title: run.ctx.title } }];
  const open = await findOpenDraftFor(run.trx, key);
  if (open) return resumeDraft(run, open, intro);
  await startDraft(run, { ...key, label, intro });
}

/** The plan's incident obligation for this unit: one whose audience names the unit's kind, else the first. */
function incidentObligation(obligations: readonly Obligation[], unit: StoredUnit): Obligation | undefined {
  const events = obligations.filter((o) => o.kind === "event" && o.form !== undefined);
  return events.find((o) => o.audience.kinds.includes(unit.kind)) ?? events[0];
}

export async function startIncident(run: Run, unitId: string | undefined, fresh: boolean): Promise<void> {
  const unit = await chooseUnit(run, unitId, (id) => formatPayload({ type: "incident", unitId: id, fresh }));
  if (!unit) return;
  const active = await run.plan();
  const obligation = active ? incidentObligation(active.plan.obligations, unit) : undefined;
  if (!obligation)
    return run.say([
      { key: "report:incident.none", params: { title: run.ctx.title, contact: run.ctx.contact } },
    ]);
  if (!fresh) {
    const open = (await openIncidentsOfUnit(run.trx, unit.id)).slice(0, MAX_UPDATE_CHOICES);
    if (open.length > 0) {
      const buttons: Button[] = open.map((i) => ({
        label: {
          key: "report:button.updateIncident",
          params: { reference: i.reference, date: dateText(i.reportedAt) },
        },
        payload: formatPayload({ type: "incidentUpdate", reference: i.reference }),
      }));
      buttons.push({
        label: { key: "report:button.newIncident" },
        payload: formatPayload({ type: "incident", unitId: unit.id, fresh: true }),
      });
      return run.say(
        [{ key: "report:incident.openOnes", params: { title: run.ctx.title, count: open.length } }],
        buttons,
      );
    }
  }
  const key = {
    personId: run.personId,
    unitId: unit.id,
    kind: "incident" as const,
    obligationCode: obligation.code,
    periodKey: "",
  };
  const intro = [{ key: "report:incident.intro", params: { unit: unit.name, title: run.ctx.title } }];
  const draft = await findOpenDraftFor(run.trx, key);
  if (draft) return resumeDraft(run, draft, intro);
  await startDraft(run, { ...key, label: { name: obligation.name, period: null }, intro });
}

export async function startIncidentUpdate(run: Run, reference: string): Promise<void> {
  const incident = await findIncidentByRef(run.trx, reference);
  if (!incident || !run.ctx.actor.can("submit", incident.unitId)) return refuse(run);
  if (incident.status === "closed") {
    return run.say([{ key: "report:incident.closed", params: { reference: incident.reference } }]);
  }
  const key = {
    personId: run.personId,
    unitId: incident.unitId,
    kind: "incident_update" as const,
    obligationCode: incident.obligationCode,
    periodKey: "",
    incidentId: incident.id,
  };
  const intro = [{ key: "report:incident.updateIntro", params: { reference: incident.reference } }];
  const draft = await findOpenDraftFor(run.trx, key);
  if (draft) return resumeDraft(run, draft, intro);
  await startDraft(run, {
    ...key,
    label: {
      name: bothLanguages("report:label.incidentUpdate", { reference: incident.reference }),
      period: null,
    },
    intro,
  });
}
