/**
 * An incident's record as the chat shows it (the alerts' "Xem vụ việc", /xemvuviec VV-…): reference,
 * unit, status, when and by whom it was reported, every answer of the form in full, the evidence
 * files, and each follow-up. Buttons: "Cập nhật vụ việc" for the unit's own people and "Đóng vụ
 * việc" for the Văn phòng while it is open. Who may see it is decided before (incident-access.ts).
 */
import type { Button, TextPart } from "../../channels/types";
import { type Incident, listIncidentUpdates } from "../../db/incidents";
import type { StoredUnit } from "../../db/index";
import { getPersonById } from "../../db/people";
import { type FileOwnerKind, filesOf } from "../../db/submission-files";
import type { JsonAnswers } from "../../db/submissions";
import type { Form, Question } from "../../domain/plan";
import type { Lang } from "../../i18n/index";
import { type DisplayValue, displayValue, valueParams } from "../format";
import { localized } from "../text";
import type { AnswerValue } from "../types";
import type { Run } from "./context";
import { eventObligation, incidentUpdateForm } from "./forms";
import { instantText } from "./labels";
import { formatPayload } from "./payloads";
import type { Outgoing } from "./step";

/** Texts are shown whole (the channel splits long messages); other values as the review shows them. */
function recordValue(q: Question, value: AnswerValue, lang: Lang): DisplayValue {
  if (typeof value === "string" && (q.type === "text" || q.type === "long_text")) return { value };
  return displayValue(q, value, lang);
}

/** One line per answered question of the form, in one paragraph; files are listed apart. */
function answerLines(run: Run, form: Form | undefined, answers: JsonAnswers): TextPart[] {
  const lines: string[] = [];
  if (!form) {
    // The plan no longer has this form: the answers under their ids, rather than nothing.
    for (const [id, value] of Object.entries(answers)) {
      if (value === null || typeof value === "object") continue;
      lines.push(run.t("report:incidentView.line", { label: id, value: String(value) }));
    }
  } else {
    for (const q of form.questions) {
      // Stored answers are what the engine produced for this form (db/submissions parseAnswers).
      const value = answers[q.id] as AnswerValue | null | undefined;
      if (value === undefined || value === null || q.type === "file") continue;
      const label = localized(q.label, run.lang);
      lines.push(
        run.t("report:incidentView.line", { label, ...valueParams(recordValue(q, value, run.lang)) }),
      );
    }
  }
  return lines.length > 0 ? [{ text: lines.join("\n") }] : [];
}

async function fileNames(run: Run, kind: FileOwnerKind, id: string): Promise<string[]> {
  const files = await filesOf(run.trx, { kind, id });
  return files.map((f) => f.name ?? f.path);
}

async function personName(run: Run, id: string | null): Promise<string> {
  const person = id === null ? undefined : await getPersonById(run.trx, id);
  return person?.fullName ?? run.t("report:incidentView.unknownPerson");
}

async function updateParts(run: Run, incident: Incident): Promise<TextPart[]> {
  const updates = await listIncidentUpdates(run.trx, incident.id);
  if (updates.length === 0) return [{ key: "report:incidentView.noUpdates" }];
  const form = incidentUpdateForm();
  const stateOf = (value: unknown) => {
    const q = form.questions.find((x) => x.id === "state");
    const option = q?.options?.find((o) => o.value === value);
    return option ? localized(option.label, run.lang) : typeof value === "string" ? value : "";
  };
  const parts: TextPart[] = [{ key: "report:incidentView.updates", params: { count: updates.length } }];
  for (const [i, u] of updates.entries()) {
    const names = await fileNames(run, "incident_update", u.id);
    parts.push({
      key: "report:incidentView.update",
      params: {
        n: i + 1,
        time: instantText(u.at),
        by: await personName(run, u.byPerson),
        state: stateOf(u.answers.state),
        text: typeof u.answers.update === "string" ? u.answers.update : "",
      },
    });
    if (names.length > 0) {
      parts.push({ key: "report:incidentView.updateFiles", params: { names: names.join(", ") } });
    }
  }
  return parts;
}

function recordButtons(run: Run, incident: Incident): Button[] {
  if (incident.status !== "open") return [];
  const { actor } = run.ctx;
  const buttons: Button[] = [];
  if (actor.ownUnitIds.includes(incident.unitId)) {
    buttons.push({
      label: { key: "report:button.updateThisIncident" },
      payload: formatPayload({ type: "incidentUpdate", reference: incident.reference }),
    });
  }
  if (actor.seesAll) {
    buttons.push({
      label: { key: "report:button.closeIncident" },
      payload: formatPayload({ type: "incidentClose", reference: incident.reference }),
    });
  }
  return buttons;
}

export async function incidentRecord(run: Run, incident: Incident, unit: StoredUnit): Promise<Outgoing> {
  const active = await run.plan();
  const form = active ? eventObligation(active, incident.obligationCode)?.form : undefined;
  const files = await fileNames(run, "incident", incident.id);
  const parts: TextPart[] = [
    { key: "report:incidentView.title", params: { reference: incident.reference, unit: unit.name } },
    incident.status === "open"
      ? { key: "report:incidentView.open" }
      : {
          key: "report:incidentView.closed",
          params: { time: incident.closedAt ? instantText(incident.closedAt) : "" },
        },
    {
      key: "report:incidentView.reported",
      params: { time: instantText(incident.reportedAt), by: await personName(run, incident.reportedBy) },
    },
    ...answerLines(run, form, incident.answers),
    files.length === 0
      ? { key: "report:incidentView.filesNone" }
      : { key: "report:incidentView.files", params: { count: files.length, names: files.join(", ") } },
    ...(await updateParts(run, incident)),
  ];
  const buttons = recordButtons(run, incident);
  return buttons.length > 0 ? { parts, buttons } : { parts };
}
